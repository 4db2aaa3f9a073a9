import { describe, expect, it } from 'vitest';
import { escapeHtml, ORDER_CSV_HEADER, orderCsvRow, renderOrderHtml, type PrintableOrder } from './po-document.js';
import type { PurchaseOrder } from './po-types.js';

const order: PurchaseOrder = {
  id: 'po1', number: 'PO-000042', status: 'ordered', supplier: { id: 's1', code: 'ACME', name: 'Acme & Sons' }, site: { id: 'l1', code: 'WH1', name: 'Main' },
  currency: 'EUR', expectedDate: '2026-01-31', notes: 'Deliver to gate 2 <b>before</b> noon', lineCount: 2, total: '21.00',
  createdBy: { id: 'k1', name: '=cmd|calc' }, createdAt: '2026-01-02T08:00:00.000Z', updatedAt: '2026-01-02T08:00:00.000Z', orderedAt: '2026-01-03T09:00:00.000Z', closedAt: null,
  lines: [
    { id: 'l1', lineNo: 1, item: { id: 'i1', sku: 'BOLT-6', name: 'Bolt <M6>', unit: 'pcs' }, supplierSku: 'AC-B6', quantity: '50', unitPrice: '0.12', lineTotal: '6.00', expectedDate: '2026-01-31', received: '0', returned: '0', open: '50', closed: false, unplanned: false },
    { id: 'l2', lineNo: 2, item: { id: 'i2', sku: 'ROPE', name: 'Rope', unit: 'm' }, supplierSku: null, quantity: '12.5', unitPrice: '1.2', lineTotal: '15.00', expectedDate: null, received: '0', returned: '0', open: '12.5', closed: false, unplanned: false },
  ],
  discrepancies: [],
};
const printable: PrintableOrder = {
  order, site: { code: 'WH1', name: 'Main' }, printedAt: '2026-01-04T10:30:00.000Z',
  supplier: { code: 'ACME', name: 'Acme & Sons', email: 'sales@acme.test', phone: null, address: 'Dock Road 1\n12345 Port', paymentTerms: '30 days net' },
};

describe('the printable purchase order', () => {
  const html = renderOrderHtml(printable);

  it('is a complete page with every line, the total and the terms', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<title>Purchase order PO-000042</title>');
    expect(html).toContain('<td>BOLT-6</td><td>AC-B6</td><td>Bolt &lt;M6&gt;</td><td class="num">50</td><td>pcs</td><td class="num">0.12</td><td class="num">6.00</td>');
    expect(html).toContain('<td>ROPE</td><td></td><td>Rope</td><td class="num">12.5</td><td>m</td><td class="num">1.2</td><td class="num">15.00</td>');
    expect(html).toContain('Total (EUR)</td><td class="num">21.00</td>');
    expect(html).toContain('30 days net');
    expect(html).toContain('Dock Road 1\n12345 Port');
  });

  it('escapes everything users typed and loads nothing from elsewhere', () => {
    expect(html).toContain('Acme &amp; Sons');
    expect(html).toContain('Deliver to gate 2 &lt;b&gt;before&lt;/b&gt; noon');
    expect(html).not.toMatch(/<script|<link|src=|@import|url\(/i);
    expect(html).toContain('@media print');
  });

  it('escapes the five HTML specials', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('the CSV record of an order', () => {
  it('follows the header and neutralises formulas in user text', () => {
    const row = orderCsvRow(order);
    expect(row).toHaveLength(ORDER_CSV_HEADER.length);
    expect(Object.fromEntries(ORDER_CSV_HEADER.map((h, i) => [h, row[i]]))).toEqual({
      number: 'PO-000042', status: 'ordered', supplier_code: 'ACME', supplier_name: 'Acme & Sons', site_code: 'WH1', currency: 'EUR', total: '21.00', lines: '2',
      expected_date: '2026-01-31', ordered_at: '2026-01-03T09:00:00.000Z', closed_at: '', created_at: '2026-01-02T08:00:00.000Z', created_by: `'=cmd|calc`,
      notes: 'Deliver to gate 2 <b>before</b> noon',
    });
  });
});
