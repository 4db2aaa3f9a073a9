import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeLocation, onHandAt, type MovementJson } from '../support/factories.js';
import {
  addTerms, createOrder, getOrder, incomingOf, lineOf, makeSupplier, orderAction, orderedOrder, purchasingSetup, receive, type PurchaseOrder,
} from '../support/purchasing.js';
import { expectConsistent, expectProblem, expectRefused } from './assertions.js';

const BAD = '/problems/validation';
const RULE = '/problems/rule-violation';
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.each(DIALECTS)('purchase orders on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  const url = (order: PurchaseOrder, rest = '') => `/api/v1/purchase-orders/${order.id}${rest}`;

  it('creates a draft with the next number, prices from the supplier’s breaks and dates from the lead time', async () => {
    const s = await purchasingSetup(api, { leadTimeDays: 10 });
    await addTerms(api, s.supplier.code, { item: s.bolt.sku, supplierSku: 'AC-B6', leadTimeDays: 4, packSize: 10, prices: [{ minQuantity: 0, unitPrice: '0.12' }, { minQuantity: 100, unitPrice: '0.09' }] });
    const first = await createOrder(api, {
      supplier: s.supplier.code, site: s.site.code, notes: 'Dock 2',
      lines: [{ item: s.bolt.sku, quantity: 100 }, { item: s.rope.id, quantity: '12.5', unitPrice: '1.2', expectedDate: '2030-01-15' }, { item: s.bolt.sku, quantity: 30 }],
    });
    expect(first).toMatchObject({ status: 'draft', currency: 'EUR', notes: 'Dock 2', lineCount: 3, total: '27.60', orderedAt: null, site: { code: s.site.code }, supplier: { code: s.supplier.code } });
    expect(first.number).toMatch(/^PO-\d{6}$/);
    expect(first.lines.map((l) => [l.lineNo, l.item.sku, l.supplierSku, l.quantity, l.unitPrice, l.lineTotal, l.expectedDate, l.open])).toEqual([
      [1, s.bolt.sku, 'AC-B6', '100', '0.09', '9.00', daysFromToday(4), '100'],
      [2, s.rope.sku, null, '12.5', '1.2', '15.00', '2030-01-15', '12.5'],
      [3, s.bolt.sku, 'AC-B6', '30', '0.12', '3.60', daysFromToday(4), '30'],
    ]);
    const second = await createOrder(api, { supplier: s.supplier.id, site: s.site.id, expectedDate: '2031-05-01', lines: [{ item: s.rope.sku, quantity: 1, unitPrice: 2 }] });
    expect(Number(second.number.slice(3))).toBe(Number(first.number.slice(3)) + 1);
    expect(second.lines[0]?.expectedDate).toBe('2031-05-01');
    expect(await api.get(`/api/v1/purchase-orders/${first.number}`)).toEqual(first);
    // A draft is not expected yet.
    expect(await incomingOf(api, s.bolt.sku, s.site.code)).toEqual({ total: '0', site: '0' });
  });

  it('refuses bad orders at the field, creating nothing', async () => {
    const s = await purchasingSetup(api);
    await addTerms(api, s.supplier.code, { item: s.bolt.sku, minOrderQuantity: 20, packSize: 10, prices: [{ minQuantity: 0, unitPrice: '0.1' }] });
    const archived = await makeSupplier(api);
    await api.post(`/api/v1/suppliers/${archived.code}/archive`);
    const good = { supplier: s.supplier.code, site: s.site.code, lines: [{ item: s.bolt.sku, quantity: 20 }] };
    const create = (body: Record<string, unknown>) => () => api.request('POST', '/api/v1/purchase-orders', { ...good, ...body });
    await expectRefused(api, create({ supplier: 'NO-SUCH' }), 400, BAD, ['/supplier']);
    await expectRefused(api, create({ supplier: archived.code }), 400, BAD, ['/supplier']);
    await expectRefused(api, create({ site: s.binA.code }), 400, BAD, ['/site']);
    await expectRefused(api, create({ site: 'supplier' }), 400, BAD, ['/site']);
    await expectRefused(api, create({ lines: [{ item: 'NO-SUCH-SKU', quantity: 1, unitPrice: 1 }] }), 400, BAD, ['/lines/0/item']);
    await expectRefused(api, create({ lines: [{ item: s.bolt.sku, quantity: 20 }, { item: s.rope.sku, quantity: '1.005', unitPrice: 1 }] }), 400, BAD, ['/lines/1/quantity']);
    await expectRefused(api, create({ lines: [{ item: s.bolt.sku, quantity: 10 }] }), 422, RULE, ['/lines/0/quantity']);
    await expectRefused(api, create({ lines: [{ item: s.bolt.sku, quantity: 25 }] }), 422, RULE, ['/lines/0/quantity']);
    await expectRefused(api, create({ lines: [{ item: s.rope.sku, quantity: 1 }] }), 400, BAD, ['/lines/0/unitPrice']);
    await expectRefused(api, create({ lines: [{ item: s.bolt.sku, quantity: 20, unitPrice: '0.00001' }] }), 400, BAD, ['/lines/0/unitPrice']);
    await expectRefused(api, create({ expectedDate: '2030-02-30' }), 400, BAD, ['/expectedDate']);
    await expectRefused(api, create({ lines: [{ item: s.bolt.sku, quantity: 20, expectedDate: 'soon' }] }), 400, BAD, ['/lines/0/expectedDate']);
    await expectRefused(api, create({ status: 'received' }), 400, BAD, ['/status']);
  });

  it('edits header and lines only while draft; later changes are refused and change nothing', async () => {
    const s = await purchasingSetup(api);
    await addTerms(api, s.supplier.code, { item: s.bolt.sku, prices: [{ minQuantity: 1, unitPrice: '0.12' }, { minQuantity: 100, unitPrice: '0.09' }] });
    const other = await makeLocation(api, 'site');
    const draft = await createOrder(api, { supplier: s.supplier.code, site: s.site.code, lines: [{ item: s.bolt.sku, quantity: 50 }] });
    const patched = await api.request('PATCH', url(draft), { site: other.code, expectedDate: '2030-03-01', notes: 'call first' });
    expect(patched.json<PurchaseOrder>()).toMatchObject({ site: { code: other.code }, expectedDate: '2030-03-01', notes: 'call first' });
    await expectRefused(api, () => api.request('PATCH', url(draft), { supplier: s.supplier.code }), 400, BAD, ['/supplier']);
    const added = await api.request('POST', url(draft, '/lines'), { item: s.rope.sku, quantity: '2.5', unitPrice: '3' });
    expect(added.statusCode).toBe(201);
    const withRope = added.json<PurchaseOrder>();
    expect(lineOf(withRope, 2)).toMatchObject({ quantity: '2.5', unitPrice: '3', expectedDate: '2030-03-01' });
    const bolt = lineOf(withRope, 1);
    const repriced = await api.request('PATCH', url(draft, `/lines/${bolt.id}`), { quantity: 200 });
    expect(lineOf(repriced.json<PurchaseOrder>(), 1)).toMatchObject({ quantity: '200', unitPrice: '0.09', lineTotal: '18.00' });
    const priced = await api.request('PATCH', url(draft, `/lines/${bolt.id}`), { quantity: 150, unitPrice: '0.1' });
    expect(priced.json<PurchaseOrder>()).toMatchObject({ total: '22.50' });
    const removed = await api.request('DELETE', url(draft, `/lines/${lineOf(withRope, 2).id}`));
    expect(removed.json<PurchaseOrder>().lines.map((l) => l.lineNo)).toEqual([1]);
    await expectRefused(api, () => api.request('PATCH', url(draft, '/lines/NO-SUCH-LINE'), { quantity: 1 }), 404, '/problems/not-found');

    const ordered = await orderAction(api, draft, 'order', 'sent by mail');
    expect(ordered).toMatchObject({ status: 'ordered', orderedAt: expect.any(String) });
    await expectRefused(api, () => api.request('PATCH', url(draft), { notes: 'late change' }), 422, RULE);
    await expectRefused(api, () => api.request('POST', url(draft, '/lines'), { item: s.rope.sku, quantity: 1, unitPrice: 1 }), 422, RULE);
    await expectRefused(api, () => api.request('PATCH', url(draft, `/lines/${bolt.id}`), { quantity: 10 }), 422, RULE);
    await expectRefused(api, () => api.request('DELETE', url(draft, `/lines/${bolt.id}`)), 422, RULE);
    await expectRefused(api, () => api.request('POST', url(draft, '/order')), 422, RULE);
    const empty = await createOrder(api, { supplier: s.supplier.code, site: s.site.code });
    await expectRefused(api, () => api.request('POST', url(empty, '/order')), 422, RULE);
  });

  it('walks draft → ordered → partially received → received → closed with exact figures, movements and audit', async () => {
    const s = await purchasingSetup(api);
    const order = await orderedOrder(api, s);
    expect(await incomingOf(api, s.bolt.sku, s.site.code)).toEqual({ total: '50', site: '50' });
    expect(await incomingOf(api, s.rope.sku, s.site.code)).toEqual({ total: '12.5', site: '12.5' });

    const first = await receive(api, order, { location: s.binA.code, lines: [{ line: lineOf(order, 1).id, quantity: 20 }, { line: lineOf(order, 2).id, quantity: '2.25', location: s.binB.code }] });
    expect(first.purchaseOrder.status).toBe('partially_received');
    expect(first.purchaseOrder.lines.map((l) => [l.received, l.open])).toEqual([['20', '30'], ['2.25', '10.25']]);
    expect(await incomingOf(api, s.bolt.sku, s.site.code)).toEqual({ total: '30', site: '30' });
    expect(await incomingOf(api, s.rope.sku, s.site.code)).toEqual({ total: '10.25', site: '10.25' });

    const second = await receive(api, order, { location: s.binA.code, lines: [{ line: lineOf(order, 1).id, quantity: 30 }, { line: lineOf(order, 2).id, quantity: '10.25' }] });
    expect(second.purchaseOrder).toMatchObject({ status: 'received', discrepancies: [] });
    expect(await incomingOf(api, s.bolt.sku, s.site.code)).toEqual({ total: '0', site: '0' });
    expect([await onHandAt(api, s.bolt.sku, s.binA.code), await onHandAt(api, s.rope.sku, s.binA.code), await onHandAt(api, s.rope.sku, s.binB.code)]).toEqual(['50', '10.25', '2.25']);

    const closed = await orderAction(api, order, 'close', 'all in');
    expect(closed).toMatchObject({ status: 'closed', closedAt: expect.any(String), discrepancies: [] });
    const movements = await api.get<{ data: MovementJson[] }>(`/api/v1/movements?documentType=purchase_order&documentId=${order.id}&order=asc`);
    expect(movements.data.map((m) => [m.kind, m.from.code, m.to.code, m.item.sku, m.quantity, m.unitCost, m.reference])).toEqual([
      ['receipt', 'supplier', s.binA.code, s.bolt.sku, '20', '0.12', order.number],
      ['receipt', 'supplier', s.binB.code, s.rope.sku, '2.25', '1.2', order.number],
      ['receipt', 'supplier', s.binA.code, s.bolt.sku, '30', '0.12', order.number],
      ['receipt', 'supplier', s.binA.code, s.rope.sku, '10.25', '1.2', order.number],
    ]);
    const audit = await api.get<{ data: Array<{ action: string; reason: string | null }> }>(`/api/v1/audit?entityType=purchase_order&entityId=${order.id}`);
    expect(audit.data.map((e) => [e.action, e.reason])).toEqual([
      ['purchase_order.closed', 'all in'], ['purchase_order.received', null], ['purchase_order.received', null], ['purchase_order.ordered', null], ['purchase_order.created', null],
    ]);
    await expectRefused(api, () => api.request('POST', url(order, '/receipts'), { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 1 }] }), 422, RULE);
  });

  it('cancels only while nothing has arrived; after a receipt the order is closed instead', async () => {
    const s = await purchasingSetup(api);
    const draft = await createOrder(api, { supplier: s.supplier.code, site: s.site.code, lines: [{ item: s.bolt.sku, quantity: 5, unitPrice: 1 }] });
    expect((await orderAction(api, draft, 'cancel')).status).toBe('cancelled');
    const ordered = await orderedOrder(api, s);
    expect(await incomingOf(api, s.bolt.sku, s.site.code)).toEqual({ total: '50', site: '50' });
    const cancelled = await orderAction(api, ordered, 'cancel', 'supplier out of stock');
    expect(cancelled).toMatchObject({ status: 'cancelled', closedAt: expect.any(String), discrepancies: [] });
    expect(await incomingOf(api, s.bolt.sku, s.site.code)).toEqual({ total: '0', site: '0' });
    await expectRefused(api, () => api.request('POST', url(ordered, '/receipts'), { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 1 }] }), 422, RULE);
    await expectRefused(api, () => api.request('POST', url(ordered, '/close')), 422, RULE);

    const partly = await orderedOrder(api, s);
    await receive(api, partly, { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 10 }] });
    expect(await incomingOf(api, s.bolt.sku, s.site.code)).toEqual({ total: '40', site: '40' });
    const refused = await expectRefused(api, () => api.request('POST', url(partly, '/cancel')), 422, RULE);
    expect(refused.detail).toMatch(/partially received cannot be cancelled/);
    const closed = await orderAction(api, partly, 'close');
    expect(closed.status).toBe('closed');
    expect(closed.discrepancies.map((d) => [d.item.sku, d.kind, d.ordered, d.received, d.difference])).toEqual([
      [s.bolt.sku, 'short', '50', '10', '-40'], [s.rope.sku, 'short', '12.5', '0', '-12.5'],
    ]);
    expect(await incomingOf(api, s.bolt.sku, s.site.code)).toEqual({ total: '0', site: '0' });
    expect(await incomingOf(api, s.rope.sku, s.site.code)).toEqual({ total: '0', site: '0' });
  });

  it('closes a line short: the rest is no longer incoming and the shortfall is a discrepancy', async () => {
    const s = await purchasingSetup(api);
    const order = await orderedOrder(api, s);
    await receive(api, order, { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 45 }, { item: s.rope.sku, quantity: '12.5' }] });
    const bolt = lineOf(order, 1);
    const response = await api.request('POST', url(order, `/lines/${bolt.id}/close`), { note: 'supplier short-shipped' });
    expect(response.statusCode).toBe(200);
    const closed = response.json<PurchaseOrder>();
    expect(closed.status).toBe('received');
    expect(lineOf(closed, 1)).toMatchObject({ closed: true, received: '45', open: '0' });
    expect(closed.discrepancies).toEqual([{ line: { id: bolt.id, lineNo: 1 }, item: { id: s.bolt.id, sku: s.bolt.sku }, kind: 'short', ordered: '50', received: '45', difference: '-5' }]);
    expect(await incomingOf(api, s.bolt.sku, s.site.code)).toEqual({ total: '0', site: '0' });
    await expectRefused(api, () => api.request('POST', url(order, `/lines/${bolt.id}/close`)), 422, RULE);

    // Every line closed before anything arrived: nothing is expected, so the order is closed.
    const nothing = await orderedOrder(api, s);
    await api.post(url(nothing, `/lines/${lineOf(nothing, 1).id}/close`));
    const last = await api.post<PurchaseOrder>(url(nothing, `/lines/${lineOf(nothing, 2).id}/close`));
    expect(last.status).toBe('closed');
    const audit = await api.get<{ data: Array<{ action: string; reason: string | null }> }>(`/api/v1/audit?entityType=purchase_order&entityId=${order.id}&action=purchase_order.line_closed`);
    expect(audit.data.map((e) => e.reason)).toEqual(['supplier short-shipped']);
  });

  it('shows incoming per site in both stock views, rolled into the total', async () => {
    const s = await purchasingSetup(api);
    const second = await makeLocation(api, 'site');
    await orderedOrder(api, s);
    await orderAction(api, await createOrder(api, { supplier: s.supplier.code, site: second.code, lines: [{ item: s.bolt.sku, quantity: 7, unitPrice: 1 }] }), 'order');
    await api.post('/api/v1/receipts', { location: s.site.code, lines: [{ item: s.bolt.sku, quantity: 3 }] });
    const stock = await api.get<{ total: { incoming: string; onHand: string }; sites: Array<{ site: { code: string }; incoming: string }>; locations: Array<{ location: { code: string }; incoming: string; onHand: string }> }>(`/api/v1/items/${s.bolt.sku}/stock`);
    expect(stock.total).toMatchObject({ incoming: '57', onHand: '3' });
    expect(Object.fromEntries(stock.sites.map((x) => [x.site.code, x.incoming]))).toEqual({ [s.site.code]: '50', [second.code]: '7' });
    expect(Object.fromEntries(stock.locations.map((x) => [x.location.code, [x.onHand, x.incoming]]))).toEqual({ [s.site.code]: ['3', '50'], [second.code]: ['0', '7'] });
    const rows = await api.get<{ data: Array<{ location: { code: string }; incoming: string }> }>(`/api/v1/stock?item=${s.bolt.sku}`);
    expect(rows.data.map((r) => [r.location.code, r.incoming])).toEqual([[s.site.code, '50']]);
  });

  it('lists orders newest first with filters and a cursor walk', async () => {
    const s = await purchasingSetup(api);
    const made = [await orderedOrder(api, s), await createOrder(api, { supplier: s.supplier.code, site: s.site.code, lines: [{ item: s.rope.sku, quantity: 1, unitPrice: 1 }] }), await orderedOrder(api, s)];
    const numbers = async (query: string) => (await api.get<{ data: PurchaseOrder[] }>(`/api/v1/purchase-orders?${query}`)).data.map((o) => o.number);
    expect(await numbers(`supplier=${s.supplier.code}`)).toEqual([made[2]?.number, made[1]?.number, made[0]?.number]);
    expect(await numbers(`supplier=${s.supplier.id}&status=draft`)).toEqual([made[1]?.number]);
    expect(await numbers(`supplier=${s.supplier.code}&status=ordered,partially_received`)).toEqual([made[2]?.number, made[0]?.number]);
    expect(await numbers(`supplier=${s.supplier.code}&status=draft,%20cancelled`)).toEqual([made[1]?.number]);
    expect(await numbers(`site=${s.site.code}&item=${s.bolt.sku}`)).toEqual([made[2]?.number, made[0]?.number]);
    expect(await numbers(`search=${made[1]?.number.toLowerCase()}`)).toEqual([made[1]?.number]);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: PurchaseOrder[]; nextCursor: string | null } = await api.get(`/api/v1/purchase-orders?supplier=${s.supplier.code}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      walked.push(...page.data.map((o) => o.number));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual([made[2]?.number, made[1]?.number, made[0]?.number]);
    expect((await api.get<{ data: PurchaseOrder[] }>(`/api/v1/purchase-orders?supplier=${s.supplier.code}&limit=1`)).data[0]).toMatchObject({ lineCount: 2, total: '21.00' });
    expectProblem(await api.request('GET', '/api/v1/purchase-orders?status=lost'), 400, BAD, ['/querystring/status/0']);
    expectProblem(await api.request('GET', '/api/v1/purchase-orders?status=ordered,lost'), 400, BAD, ['/querystring/status/1']);
    expectProblem(await api.request('GET', '/api/v1/purchase-orders?supplier=NO-SUCH'), 404, '/problems/not-found');
    expectProblem(await api.request('GET', '/api/v1/purchase-orders/PO-999999'), 404, '/problems/not-found');
  });

  it('exports orders as RFC 4180 CSV with the list filters', async () => {
    const supplier = await makeSupplier(api, { name: 'Smith, "Bolts"\nand Nuts' });
    const s = await purchasingSetup(api);
    const order = await createOrder(api, { supplier: supplier.code, site: s.site.code, notes: '=1+2', lines: [{ item: s.bolt.sku, quantity: 3, unitPrice: '0.5' }] });
    const response = await api.request('GET', `/api/v1/purchase-orders/export?supplier=${supplier.code}`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="purchase-orders.csv"');
    expect(response.body).toBe(
      'number,status,supplier_code,supplier_name,site_code,currency,total,lines,expected_date,ordered_at,closed_at,created_at,created_by,notes\r\n'
        + `${order.number},draft,${supplier.code},"Smith, ""Bolts""\nand Nuts",${s.site.code},EUR,1.50,1,,,,${order.createdAt},admin (STOCKROOM_ADMIN_KEY),'=1+2\r\n`,
    );
    await createOrder(api, { supplier: supplier.code, site: s.site.code });
    const part = await api.request('GET', `/api/v1/purchase-orders/export?supplier=${supplier.code}&limit=1`);
    expect(part.body.split('\r\n')).toHaveLength(3);
    const rest = await api.request('GET', `/api/v1/purchase-orders/export?supplier=${supplier.code}&limit=1&cursor=${String(part.headers['next-cursor'])}`);
    expect(rest.body.split('\r\n')[1]?.startsWith(`${order.number},`)).toBe(true);
    expect(rest.headers['next-cursor']).toBeUndefined();
  });

  it('prints the order as a self-contained HTML page with its lines', async () => {
    const s = await purchasingSetup(api, { name: 'Acme <Tools> & Co', address: 'Dock Road 1', paymentTerms: '30 days net' });
    const order = await orderedOrder(api, s, { notes: '<script>alert(1)</script>' });
    const response = await api.request('GET', url(order, '/print'));
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
    const html = response.body;
    expect(html).toContain(`Purchase order ${order.number}`);
    expect(html).toContain(`<td>${s.bolt.sku}</td><td></td><td>Bolt M6</td><td class="num">50</td><td>pcs</td><td class="num">0.12</td><td class="num">6.00</td>`);
    expect(html).toContain(`<td>${s.rope.sku}</td><td></td><td>Rope</td><td class="num">12.5</td><td>m</td><td class="num">1.2</td><td class="num">15.00</td>`);
    expect(html).toContain('Total (EUR)</td><td class="num">21.00</td>');
    expect(html).toContain('Acme &lt;Tools&gt; &amp; Co');
    expect(html).toContain('30 days net');
    expect(html).not.toContain('<script>');
    expect(html).toContain('@media print');
    expectProblem(await api.request('GET', '/api/v1/purchase-orders/NO-SUCH/print'), 404, '/problems/not-found');
  });

  it('reports discrepancies across orders with filters and cursor paging', async () => {
    const s = await purchasingSetup(api, { overReceiptTolerance: '10' });
    const stray = (await purchasingSetup(api)).bolt;
    const a = await orderedOrder(api, s);
    await receive(api, a, { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 53 }, { item: s.rope.sku, quantity: '12' }, { item: stray.sku, quantity: 4 }] });
    await api.post(url(a, `/lines/${lineOf(a, 2).id}/close`));
    const b = await orderedOrder(api, s);
    await receive(api, b, { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 55 }] });
    const report = async (query = '') => (await api.get<{ data: Array<{ purchaseOrder: { number: string }; line: { lineNo: number }; kind: string; difference: string }> }>(`/api/v1/purchase-orders/discrepancies?supplier=${s.supplier.code}${query}`)).data
      .map((d) => `${d.purchaseOrder.number}#${d.line.lineNo} ${d.kind} ${d.difference}`);
    expect(await report()).toEqual([`${b.number}#1 over 5`, `${a.number}#1 over 3`, `${a.number}#2 short -0.5`, `${a.number}#3 unplanned 4`]);
    expect(await report('&kind=over')).toEqual([`${b.number}#1 over 5`, `${a.number}#1 over 3`]);
    expect(await report(`&item=${stray.sku}`)).toEqual([`${a.number}#3 unplanned 4`]);
    expect(await report(`&site=${s.site.code}&kind=short`)).toEqual([`${a.number}#2 short -0.5`]);
    expect(await report(`&from=${encodeURIComponent(daysFromToday(1))}T00:00:00Z`)).toEqual([]);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: Array<{ purchaseOrder: { number: string }; line: { lineNo: number } }>; nextCursor: string | null } = await api.get(`/api/v1/purchase-orders/discrepancies?supplier=${s.supplier.code}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      walked.push(...page.data.map((d) => `${d.purchaseOrder.number}#${d.line.lineNo}`));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual([`${b.number}#1`, `${a.number}#1`, `${a.number}#2`, `${a.number}#3`]);
    expect((await getOrder(api, a)).discrepancies.map((d) => d.kind)).toEqual(['over', 'short', 'unplanned']);
    expectProblem(await api.request('GET', '/api/v1/purchase-orders/discrepancies?kind=lost'), 400, BAD, ['/querystring/kind']);
  });

  it('leaves the ledger consistent', async () => {
    await expectConsistent(api);
  });
});
