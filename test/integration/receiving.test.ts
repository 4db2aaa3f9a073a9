import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeApiKey, makeItem, makeLocation, makeWarehouse, onHandAt, unique, uniqueGtin13, type MovementJson } from '../support/factories.js';
import {
  addTerms, createOrder, getOrder, incomingOf, lineOf, orderAction, orderedOrder, purchasingSetup, receive, type PurchaseOrder, type ReceiptResult,
} from '../support/purchasing.js';
import { expectConsistent, expectRefused, type ProblemJson } from './assertions.js';

const BAD = '/problems/validation';
const RULE = '/problems/rule-violation';

describe.each(DIALECTS)('receiving purchase orders on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  const post = (order: PurchaseOrder, what: 'receipts' | 'returns', body: unknown, headers?: Record<string, string>) =>
    api.request('POST', `/api/v1/purchase-orders/${order.id}/${what}`, body, headers);
  const movementsOf = async (order: PurchaseOrder) =>
    (await api.get<{ data: MovementJson[] }>(`/api/v1/movements?documentType=purchase_order&documentId=${order.id}&order=asc&limit=500`)).data;

  it('receives in parts, into several bins of the site, recording who received what and when', async () => {
    const s = await purchasingSetup(api);
    const picker = await makeApiKey(api, 'operator', unique('picker'));
    const order = await orderedOrder(api, s);
    const response = await api.app.inject({
      method: 'POST', url: `/api/v1/purchase-orders/${order.number}/receipts`, headers: { authorization: `Bearer ${picker.key}` },
      payload: { location: s.binA.code, reference: 'DN-881', occurredAt: '2026-01-05T08:00:00Z', lines: [{ line: lineOf(order, 1).id, quantity: 12 }, { line: lineOf(order, 1).id, quantity: 8, location: s.binB.code }] },
    });
    expect(response.statusCode).toBe(201);
    const result = response.json<ReceiptResult>();
    expect(result.receipt).toMatchObject({
      kind: 'receipt', reference: 'DN-881', receivedBy: { id: `api-key:${picker.id}`, name: picker.key ? expect.any(String) : '' }, receivedAt: '2026-01-05T08:00:00.000Z',
    });
    expect(result.receipt.lines.map((l) => [l.item.sku, l.location.code, l.quantity, l.unitCost])).toEqual([[s.bolt.sku, s.binA.code, '12', '0.12'], [s.bolt.sku, s.binB.code, '8', '0.12']]);
    expect(result.movements.map((m) => [m.kind, m.from.code, m.to.code, m.quantity, m.unitCost, m.document, m.reference, m.occurredAt])).toEqual([
      ['receipt', 'supplier', s.binA.code, '12', '0.12', { type: 'purchase_order', id: order.id }, 'DN-881', '2026-01-05T08:00:00.000Z'],
      ['receipt', 'supplier', s.binB.code, '8', '0.12', { type: 'purchase_order', id: order.id }, 'DN-881', '2026-01-05T08:00:00.000Z'],
    ]);
    expect(result.receipt.lines.map((l) => l.movementId)).toEqual(result.movements.map((m) => m.id));
    expect(lineOf(result.purchaseOrder, 1)).toMatchObject({ received: '20', open: '30' });
    expect([await onHandAt(api, s.bolt.sku, s.binA.code), await onHandAt(api, s.bolt.sku, s.binB.code)]).toEqual(['12', '8']);

    await receive(api, order, { location: s.site.code, lines: [{ line: lineOf(order, 2).id, quantity: '0.75' }] });
    const receipts = await api.get<{ data: Array<{ id: string; receivedBy: { id: string }; lines: unknown[] }>; nextCursor: string | null }>(`/api/v1/purchase-orders/${order.id}/receipts?limit=1`);
    expect(receipts.data.map((r) => [r.id, r.receivedBy.id, r.lines.length])).toEqual([[result.receipt.id, `api-key:${picker.id}`, 2]]);
    const next = await api.get<{ data: Array<{ lines: Array<{ quantity: string; location: { code: string } }> }>; nextCursor: string | null }>(`/api/v1/purchase-orders/${order.id}/receipts?limit=1&cursor=${receipts.nextCursor}`);
    expect([next.data[0]?.lines, next.nextCursor]).toEqual([[expect.objectContaining({ quantity: '0.75', location: expect.objectContaining({ code: s.site.code }) })], null]);
  });

  it('receives by scanned SKU or barcode, filling the item’s lines in order', async () => {
    const s = await purchasingSetup(api);
    const ean = uniqueGtin13();
    await api.post(`/api/v1/items/${s.bolt.sku}/barcodes`, { code: ean });
    const order = await orderAction(api, await createOrder(api, {
      supplier: s.supplier.code, site: s.site.code, lines: [{ item: s.bolt.sku, quantity: 3, unitPrice: '1' }, { item: s.bolt.sku, quantity: 4, unitPrice: '2' }],
    }), 'order');
    const scans = [ean, ean, s.bolt.sku, ean, s.bolt.id].map((item) => ({ item, quantity: 1 }));
    const result = await receive(api, order, { location: s.binA.code, lines: scans });
    expect(result.movements.map((m) => m.unitCost)).toEqual(['1', '1', '1', '2', '2']);
    expect(result.purchaseOrder.lines.map((l) => [l.received, l.open])).toEqual([['3', '0'], ['2', '2']]);
    await expectRefused(api, () => post(order, 'receipts', { location: s.binA.code, lines: [{ item: 'NOT-A-CODE', quantity: 1 }, { item: '0000000000000', quantity: 1 }] }), 400, BAD, ['/lines/0/item', '/lines/1/item']);
  });

  it('accepts an over-receipt within the supplier’s tolerance and refuses one beyond it with the allowed maximum', async () => {
    const s = await purchasingSetup(api, { overReceiptTolerance: '10' });
    const order = await orderedOrder(api, s);
    const within = await receive(api, order, { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 50 }, { item: s.bolt.sku, quantity: 4 }, { item: s.rope.sku, quantity: '13.75' }] });
    expect(within.purchaseOrder.status).toBe('received');
    expect(within.purchaseOrder.discrepancies.map((d) => [d.item.sku, d.kind, d.difference])).toEqual([[s.bolt.sku, 'over', '4'], [s.rope.sku, 'over', '1.25']]);
    const problem = await expectRefused(api, () => post(order, 'receipts', { location: s.binA.code, lines: [{ item: s.rope.sku, quantity: '0.01' }, { item: s.bolt.sku, quantity: 2 }] }), 422, RULE, ['/lines/0/quantity', '/lines/1/quantity']);
    expect((problem as ProblemJson & { overReceipts: unknown[] }).overReceipts).toEqual([
      { path: '/lines/0/quantity', line: lineOf(order, 2).id, ordered: '12.5', received: '13.75', requested: '0.01', allowed: '0' },
      { path: '/lines/1/quantity', line: lineOf(order, 1).id, ordered: '50', received: '54', requested: '2', allowed: '1' },
    ]);
    expect(problem.errors?.[1]?.message).toBe('at most 1 more can be received on line 1 (ordered 50, received 54, tolerance 10%)');
    await receive(api, order, { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 1 }] });
    expect(await onHandAt(api, s.bolt.sku, s.binA.code)).toBe('55');

    const strict = await purchasingSetup(api);
    const exact = await orderedOrder(api, strict);
    await expectRefused(api, () => post(exact, 'receipts', { location: strict.binA.code, lines: [{ item: strict.bolt.sku, quantity: 51 }] }), 422, RULE, ['/lines/0/quantity']);
    expect((await getOrder(api, exact)).lines.map((l) => l.received)).toEqual(['0', '0']);
  });

  it('puts goods only into the order’s site and refuses badly formed lines, changing nothing', async () => {
    const s = await purchasingSetup(api);
    const elsewhere = await makeWarehouse(api);
    const order = await orderedOrder(api, s);
    const receipt = (body: Record<string, unknown>) => () => post(order, 'receipts', { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 1 }], ...body });
    await expectRefused(api, receipt({ location: elsewhere.binA.code }), 400, BAD, ['/location']);
    await expectRefused(api, receipt({ lines: [{ item: s.bolt.sku, quantity: 1, location: 'customer' }] }), 400, BAD, ['/lines/0/location']);
    await expectRefused(api, receipt({ location: 'NOWHERE' }), 400, BAD, ['/location']);
    await expectRefused(api, receipt({ location: undefined }), 400, BAD, ['/lines/0/location']);
    await expectRefused(api, receipt({ lines: [{ quantity: 1 }] }), 400, BAD, ['/lines/0']);
    await expectRefused(api, receipt({ lines: [{ item: s.bolt.sku, line: lineOf(order, 1).id, quantity: 1 }] }), 400, BAD, ['/lines/0']);
    await expectRefused(api, receipt({ lines: [{ line: 'NO-SUCH-LINE', quantity: 1 }] }), 400, BAD, ['/lines/0/line']);
    await expectRefused(api, receipt({ lines: [{ item: s.rope.sku, quantity: '0.001' }] }), 400, BAD, ['/lines/0/quantity']);
    await expectRefused(api, receipt({ lines: [{ item: s.bolt.sku, quantity: 0 }] }), 400, BAD, ['/lines/0/quantity']);
    await expectRefused(api, receipt({ lines: [{ item: s.bolt.sku, quantity: 1, unitCost: '9' }] }), 400, BAD, ['/lines/0/unitCost']);
    await expectRefused(api, receipt({ lines: [] }), 400, BAD, ['/lines']);
    await expectRefused(api, receipt({ occurredAt: '2999-01-01T00:00:00Z' }), 400, BAD, ['/occurredAt']);
    const draft = await createOrder(api, { supplier: s.supplier.code, site: s.site.code, lines: [{ item: s.bolt.sku, quantity: 1, unitPrice: 1 }] });
    await expectRefused(api, () => post(draft, 'receipts', { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 1 }] }), 422, RULE);
    await expectRefused(api, () => post(draft, 'returns', { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 1 }] }), 422, RULE);
    await expectRefused(api, () => api.request('POST', '/api/v1/purchase-orders/NO-SUCH/receipts', { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 1 }] }), 404, '/problems/not-found');
  });

  it('records an item not on the order as an unplanned line, priced from the supplier’s terms or the receipt', async () => {
    const s = await purchasingSetup(api);
    const [extra, gift] = [await makeItem(api), await makeItem(api)];
    await addTerms(api, s.supplier.code, { item: extra.sku, prices: [{ minQuantity: 0, unitPrice: '3.5' }] });
    const order = await orderedOrder(api, s);
    const result = await receive(api, order, { location: s.binA.code, lines: [{ item: extra.sku, quantity: 2 }, { item: gift.sku, quantity: 1, unitCost: '0' }, { item: extra.sku, quantity: 1 }, { item: s.bolt.sku, quantity: 5 }] });
    expect(result.purchaseOrder.lines.map((l) => [l.lineNo, l.item.sku, l.quantity, l.received, l.unitPrice, l.unplanned, l.open])).toEqual([
      [1, s.bolt.sku, '50', '5', '0.12', false, '45'], [2, s.rope.sku, '12.5', '0', '1.2', false, '12.5'],
      [3, extra.sku, '0', '3', '3.5', true, '0'], [4, gift.sku, '0', '1', '0', true, '0'],
    ]);
    expect(result.movements.map((m) => [m.item.sku, m.unitCost])).toEqual([[extra.sku, '3.5'], [gift.sku, '0'], [extra.sku, '3.5'], [s.bolt.sku, '0.12']]);
    expect(result.purchaseOrder.discrepancies.map((d) => [d.item.sku, d.kind, d.ordered, d.received])).toEqual([[extra.sku, 'unplanned', '0', '3'], [gift.sku, 'unplanned', '0', '1']]);
    expect(result.purchaseOrder.status).toBe('partially_received');
    expect(await incomingOf(api, extra.sku, s.site.code)).toEqual({ total: '0', site: '0' });
    const again = await receive(api, order, { location: s.binA.code, lines: [{ item: extra.sku, quantity: 4 }] });
    expect(lineOf(again.purchaseOrder, 3).received).toBe('7');
    expect(again.purchaseOrder.lines).toHaveLength(4);
  });

  it('refuses receipts on a line closed short, by id or by scan', async () => {
    const s = await purchasingSetup(api);
    const order = await orderedOrder(api, s);
    await api.post(`/api/v1/purchase-orders/${order.id}/lines/${lineOf(order, 1).id}/close`);
    await expectRefused(api, () => post(order, 'receipts', { location: s.binA.code, lines: [{ line: lineOf(order, 1).id, quantity: 1 }] }), 422, RULE, ['/lines/0/line']);
    await expectRefused(api, () => post(order, 'receipts', { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 1 }] }), 422, RULE, ['/lines/0/item']);
  });

  it('returns goods to the supplier against the order, at the line’s price', async () => {
    const s = await purchasingSetup(api);
    const order = await orderedOrder(api, s);
    await receive(api, order, { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 50 }, { item: s.rope.sku, quantity: '12.5' }] });
    await api.post('/api/v1/transfers', { from: s.binA.code, to: s.binB.code, lines: [{ item: s.bolt.sku, quantity: 45 }] });
    const response = await post(order, 'returns', { location: s.binB.code, reference: 'RMA-7', note: 'rusty', lines: [{ item: s.bolt.sku, quantity: 6 }, { line: lineOf(order, 2).id, quantity: '0.5', location: s.binA.code }] });
    expect(response.statusCode).toBe(201);
    const result = response.json<ReceiptResult>();
    expect(result.receipt).toMatchObject({ kind: 'return', reference: 'RMA-7', note: 'rusty' });
    expect(result.movements.map((m) => [m.kind, m.from.code, m.to.code, m.quantity, m.unitCost, m.document?.id])).toEqual([
      ['return', s.binB.code, 'supplier', '6', '0.12', order.id], ['return', s.binA.code, 'supplier', '0.5', '1.2', order.id],
    ]);
    expect(result.purchaseOrder.lines.map((l) => [l.received, l.returned])).toEqual([['50', '6'], ['12.5', '0.5']]);
    expect(result.purchaseOrder.status).toBe('received');
    expect([await onHandAt(api, s.bolt.sku, s.binB.code), await onHandAt(api, s.rope.sku, s.binA.code)]).toEqual(['39', '12']);

    await expectRefused(api, () => post(order, 'returns', { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 6 }] }), 409, '/problems/insufficient-stock', ['/lines/0/quantity']);
    await expectRefused(api, () => post(order, 'returns', { location: s.binB.code, lines: [{ item: s.bolt.sku, quantity: 45 }] }), 422, RULE, ['/lines/0/quantity']);
    await expectRefused(api, () => post(order, 'returns', { location: s.binB.code, lines: [{ item: s.bolt.sku, quantity: 1, unitCost: '1' }] }), 400, BAD, ['/lines/0/unitCost']);
    await orderAction(api, order, 'close');
    await api.post(`/api/v1/purchase-orders/${order.id}/returns`, { location: s.binB.code, lines: [{ item: s.bolt.sku, quantity: 39 }, { item: s.bolt.sku, quantity: 5, location: s.binA.code }] });
    expect([await onHandAt(api, s.bolt.sku, s.binA.code), await onHandAt(api, s.bolt.sku, s.binB.code)]).toEqual(['0', '0']);
    expect((await getOrder(api, order)).lines.map((l) => l.returned)).toEqual(['50', '0.5']);
    await expectRefused(api, () => post(order, 'returns', { location: s.binB.code, lines: [{ item: s.bolt.sku, quantity: 1 }] }), 422, RULE, ['/lines/0/item']);
    const audit = await api.get<{ data: Array<{ action: string; reason: string | null }> }>(`/api/v1/audit?entityType=purchase_order&entityId=${order.id}&action=purchase_order.returned`);
    expect(audit.data.map((e) => e.reason)).toEqual([null, 'rusty']);
  });

  it('counts a receipt retried with the same Idempotency-Key once', async () => {
    const s = await purchasingSetup(api);
    const order = await orderedOrder(api, s);
    const body = { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 20 }, { item: s.rope.sku, quantity: '2.5' }] };
    const key = unique('delivery');
    const first = await post(order, 'receipts', body, { 'idempotency-key': key });
    const again = await post(order, 'receipts', { lines: [{ quantity: 20, item: s.bolt.sku }, { quantity: '2.5', item: s.rope.sku }], location: s.binA.code }, { 'idempotency-key': key });
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect((await movementsOf(order)).length).toBe(2);
    expect(await onHandAt(api, s.bolt.sku, s.binA.code)).toBe('20');
    expect((await getOrder(api, order)).lines.map((l) => l.received)).toEqual(['20', '2.5']);
    expect((await api.get<{ data: unknown[] }>(`/api/v1/purchase-orders/${order.id}/receipts`)).data).toHaveLength(1);
    await expectRefused(api, () => post(order, 'receipts', { ...body, lines: [{ item: s.bolt.sku, quantity: 21 }] }, { 'idempotency-key': key }), 422, '/problems/idempotency-key-reuse');
  });

  it('lets parallel receipts take the last of the tolerance only once', async () => {
    const s = await purchasingSetup(api);
    const order = await orderAction(api, await createOrder(api, { supplier: s.supplier.code, site: s.site.code, lines: [{ item: s.bolt.sku, quantity: 10, unitPrice: 1 }] }), 'order');
    const responses = await Promise.all(Array.from({ length: 6 }, () => post(order, 'receipts', { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 2 }] })));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 201, 201, 422]);
    expect((await getOrder(api, order)).lines[0]).toMatchObject({ received: '10', open: '0' });
    expect(await onHandAt(api, s.bolt.sku, s.binA.code)).toBe('10');
    expect((await getOrder(api, order)).status).toBe('received');
  });

  it('lets a viewer read orders but not receive, and an operator receive', async () => {
    const s = await purchasingSetup(api);
    const order = await orderedOrder(api, s);
    const [viewer, operator] = [await makeApiKey(api, 'viewer'), await makeApiKey(api, 'operator')];
    const as = (key: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      api.app.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(payload && { payload }) });
    const body = { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 1 }] };
    expect((await as(viewer.key, 'GET', `/api/v1/purchase-orders/${order.id}`)).statusCode).toBe(200);
    expect((await as(viewer.key, 'GET', `/api/v1/purchase-orders/${order.id}/print`)).statusCode).toBe(200);
    await expectRefused(api, () => as(viewer.key, 'POST', `/api/v1/purchase-orders/${order.id}/receipts`, body), 403, '/problems/forbidden');
    expect((await as(operator.key, 'POST', `/api/v1/purchase-orders/${order.id}/receipts`, body)).statusCode).toBe(201);
    const site = await makeLocation(api, 'site');
    expect((await as(operator.key, 'POST', '/api/v1/purchase-orders', { supplier: s.supplier.code, site: site.code })).statusCode).toBe(201);
  });

  it('leaves the ledger consistent', async () => {
    await expectConsistent(api);
  });
});
