import { neutralizeFormula } from '../shared/csv.js';
import type { PurchaseOrder, PurchaseOrderSummary } from './po-types.js';

/** What a printed order shows besides the order itself: who it goes to and where the goods go. */
export interface PrintableOrder {
  order: PurchaseOrder;
  supplier: { code: string; name: string; email: string | null; phone: string | null; address: string | null; paymentTerms: string | null };
  site: { code: string; name: string };
  printedAt: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const STYLE = `
  @page { size: A4; margin: 16mm 14mm; }
  * { box-sizing: border-box; }
  body { font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; color: #111; margin: 24px auto; max-width: 210mm; padding: 0 16px; }
  header { display: flex; justify-content: space-between; align-items: flex-start; border-bottom: 2px solid #111; padding-bottom: 8px; }
  h1 { font-size: 18pt; margin: 0; }
  .status { text-transform: uppercase; letter-spacing: .08em; font-weight: 600; border: 1px solid #111; padding: 2px 8px; }
  .parties { display: grid; grid-template-columns: 1fr 1fr; gap: 24px; margin: 16px 0; }
  .parties h2, .notes h2 { font-size: 9pt; text-transform: uppercase; letter-spacing: .06em; color: #555; margin: 0 0 4px; }
  address { font-style: normal; white-space: pre-line; }
  dl.meta { display: grid; grid-template-columns: max-content 1fr max-content 1fr; gap: 2px 12px; margin: 0 0 16px; }
  dl.meta dt { color: #555; } dl.meta dd { margin: 0; }
  table { width: 100%; border-collapse: collapse; }
  th, td { padding: 4px 6px; border-bottom: 1px solid #ccc; text-align: left; vertical-align: top; }
  th { border-bottom: 1px solid #111; font-size: 9pt; text-transform: uppercase; letter-spacing: .04em; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  tfoot td { border-bottom: none; border-top: 2px solid #111; font-weight: 600; }
  .notes { margin-top: 16px; white-space: pre-line; }
  footer { margin-top: 24px; font-size: 8.5pt; color: #555; }
  tr { break-inside: avoid; } thead { display: table-header-group; }
  @media print { body { margin: 0; padding: 0; max-width: none; } .screen-only { display: none; } }
`;

const e = (text: string | null | undefined) => escapeHtml(text ?? '');

/** A self-contained printable page (inline CSS, no scripts, no external assets); every value is escaped. */
export function renderOrderHtml({ order, supplier, site, printedAt }: PrintableOrder): string {
  const rows = order.lines
    .map((l) => `<tr><td class="num">${l.lineNo}</td><td>${e(l.item.sku)}</td><td>${e(l.supplierSku)}</td><td>${e(l.item.name)}${l.unplanned ? ' <em>(not ordered)</em>' : ''}</td>`
      + `<td class="num">${e(l.quantity)}</td><td>${e(l.item.unit)}</td><td class="num">${e(l.unitPrice)}</td><td class="num">${e(l.lineTotal)}</td><td>${e(l.expectedDate)}</td></tr>`)
    .join('\n');
  const contact = [supplier.address, supplier.email, supplier.phone].filter((v): v is string => Boolean(v)).map(e).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Purchase order ${e(order.number)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <div><h1>Purchase order ${e(order.number)}</h1><div>${e(order.currency)} · ${order.lineCount} line${order.lineCount === 1 ? '' : 's'}</div></div>
  <div class="status">${e(order.status.replace('_', ' '))}</div>
</header>
<section class="parties">
  <div><h2>Supplier</h2><strong>${e(supplier.name)}</strong> (${e(supplier.code)})<address>${contact}</address></div>
  <div><h2>Deliver to</h2><strong>${e(site.name)}</strong> (${e(site.code)})</div>
</section>
<dl class="meta">
  <dt>Ordered</dt><dd>${e(order.orderedAt?.slice(0, 10) ?? 'not yet sent')}</dd>
  <dt>Expected</dt><dd>${e(order.expectedDate ?? '—')}</dd>
  <dt>Payment terms</dt><dd>${e(supplier.paymentTerms ?? '—')}</dd>
  <dt>Currency</dt><dd>${e(order.currency)}</dd>
</dl>
<table>
<thead><tr><th class="num">#</th><th>SKU</th><th>Supplier SKU</th><th>Description</th><th class="num">Quantity</th><th>Unit</th><th class="num">Unit price</th><th class="num">Amount</th><th>Expected</th></tr></thead>
<tbody>
${rows}
</tbody>
<tfoot><tr><td colspan="7">Total (${e(order.currency)})</td><td class="num">${e(order.total)}</td><td></td></tr></tfoot>
</table>
${order.notes ? `<section class="notes"><h2>Notes</h2>${e(order.notes)}</section>` : ''}
<footer>Printed ${e(printedAt.slice(0, 16).replace('T', ' '))} UTC · Please quote ${e(order.number)} on the delivery note and invoice.</footer>
</body>
</html>
`;
}

export const ORDER_CSV_HEADER = [
  'number', 'status', 'supplier_code', 'supplier_name', 'site_code', 'currency', 'total', 'lines', 'expected_date', 'ordered_at', 'closed_at', 'created_at', 'created_by', 'notes',
];

/** One order as a CSV record in the order of ORDER_CSV_HEADER; user text cannot start a spreadsheet formula. */
export function orderCsvRow(o: PurchaseOrderSummary): string[] {
  return [
    o.number, o.status, o.supplier.code, neutralizeFormula(o.supplier.name), o.site.code, o.currency, o.total, String(o.lineCount),
    o.expectedDate ?? '', o.orderedAt ?? '', o.closedAt ?? '', o.createdAt, neutralizeFormula(o.createdBy.name), neutralizeFormula(o.notes ?? ''),
  ];
}
