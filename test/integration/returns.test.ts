import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeItem, makeLocation } from '../support/factories.js';
import { createReturn, getReturn, lineFigures, makeReturnsShop, returnStep, shippedOrder, stepOk, type Return, type ReturnSummary } from '../support/returns.js';
import { availabilityOf, eventsOfType, figuresAt, makeChannel, type SalesOrder } from '../support/sales.js';
import { expectConsistent, expectProblem, expectRefused } from './assertions.js';

const BAD = '/problems/validation';
const RULE = '/problems/rule-violation';
const url = '/api/v1/returns';

type MovementJson = { kind: string; from: { code: string }; to: { code: string }; quantity: string; reasonCode: string | null; reference: string | null; document: { type: string; id: string } | null };

describe.each(DIALECTS)('customer returns on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());
  const lineOf = (order: SalesOrder, sku: string) => order.lines.find((l) => l.item.sku === sku)?.id ?? '';
  const movementsOf = async (ret: { id: string }) => (await api.get<{ data: MovementJson[] }>(`/api/v1/movements?documentType=return&documentId=${ret.id}&order=asc`)).data;

  it('authorises a return against a shipped order, moving nothing yet', async () => {
    const shop = await makeReturnsShop(api);
    const order = await shippedOrder(api, shop);
    const ret = await createReturn(api, { order: order.number, notes: 'parcel 1 of 1', lines: [{ line: lineOf(order, shop.bolt.sku), quantity: 2, reason: 'wrong-item' }, { item: shop.rope.sku, quantity: '1.25', reason: 'not-wanted' }] });
    expect(ret.number).toMatch(/^RMA-\d{6}$/);
    expect(ret).toMatchObject({ status: 'authorised', order: { id: order.id, number: order.number }, channel: { code: shop.channel.code }, customerName: 'Grace Hopper', notes: 'parcel 1 of 1', history: [], movements: [] });
    expect(ret.lines.map((l) => [l.lineNo, l.orderLine?.lineNo, l.reasonCode])).toEqual([[1, 1, 'wrong-item'], [2, 2, 'not-wanted']]);
    expect(lineFigures(ret)).toEqual([[shop.bolt.sku, '2', '0', '0', '0', '0'], [shop.rope.sku, '1.25', '0', '0', '0', '0']]);
    expect(await getReturn(api, ret.number)).toEqual(ret);
    expect(await figuresAt(api, shop.bolt.sku, shop.qc.code)).toEqual({ onHand: '0', reserved: '0', available: '0' });
    expect(await eventsOfType(api, 'return.status_changed')).toContainEqual({ returnId: ret.id, number: ret.number, order: order.number, from: null, status: 'authorised' });
    const ofOrder = await api.get<{ data: ReturnSummary[] }>(`/api/v1/sales-orders/${order.number}/returns`);
    expect(ofOrder.data.map((r) => r.number)).toEqual([ret.number]);
    const audit = await api.get<{ data: Array<{ action: string }> }>(`/api/v1/audit?entityType=return&entityId=${ret.id}`);
    expect(audit.data.map((a) => a.action)).toEqual(['return.authorised']);
    const next = await createReturn(api, { order: order.id, lines: [{ item: shop.bolt.sku, quantity: 1, reason: 'defective' }] });
    expect(Number(next.number.slice(4))).toBe(Number(ret.number.slice(4)) + 1);
  });

  it('refuses to authorise more than shipped less what other returns take up', async () => {
    const shop = await makeReturnsShop(api);
    const order = await shippedOrder(api, shop, [{ item: shop.bolt.sku, quantity: 2 }]);
    const bolt = lineOf(order, shop.bolt.sku);
    const make = (lines: unknown[]) => () => api.request('POST', url, { order: order.number, lines });
    const problem = await expectRefused(api, make([{ line: bolt, quantity: 3, reason: 'not-wanted' }]), 422, RULE, ['/lines/0/quantity']);
    expect(problem.detail).toMatch(/at most 2 of line 1 .* shipped 2, on returns already 0/);
    // Two lines of one request count together; the rope was not shipped at all.
    await expectRefused(api, make([{ line: bolt, quantity: 1, reason: 'not-wanted' }, { item: shop.bolt.sku, quantity: 2, reason: 'defective' }]), 422, RULE, ['/lines/1/quantity']);
    await expectRefused(api, make([{ item: shop.rope.sku, quantity: 1, reason: 'not-wanted' }]), 422, RULE, ['/lines/0/quantity']);
    const first = await createReturn(api, { order: order.number, lines: [{ line: bolt, quantity: 2, reason: 'not-wanted' }] });
    await expectRefused(api, make([{ line: bolt, quantity: 1, reason: 'not-wanted' }]), 422, RULE, ['/lines/0/quantity']);
    // A cancelled return gives its authorisation back.
    const cancelled = await returnStep(api, first, 'cancel', { note: 'customer kept them' });
    expect(cancelled.json<Return>()).toMatchObject({ status: 'cancelled', closedAt: expect.any(String) });
    const again = await createReturn(api, { order: order.number, lines: [{ line: bolt, quantity: 2, reason: 'not-wanted' }] });
    expect(again.status).toBe('authorised');
  });

  it('lets only one of several returns racing for the same shipped units through', async () => {
    const shop = await makeReturnsShop(api);
    const order = await shippedOrder(api, shop);
    const body = { order: order.number, lines: [{ item: shop.bolt.sku, quantity: 4, reason: 'not-wanted' }] };
    const answers = await Promise.all([api.request('POST', url, body), api.request('POST', url, body), api.request('POST', url, body)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 422, 422]);
    const all = await api.get<{ data: ReturnSummary[] }>(`${url}?order=${order.number}`);
    expect(all.data.map((r) => r.lines[0]?.authorised)).toEqual(['4']);
  });

  it('receives into quality control: on hand there, nothing available, channel availability unchanged', async () => {
    const shop = await makeReturnsShop(api);
    const order = await shippedOrder(api, shop);
    const before = await availabilityOf(api, shop.channel.code, shop.bolt.sku);
    const ret = await createReturn(api, { order: order.number, lines: [{ item: shop.bolt.sku, quantity: 3, reason: 'wrong-item' }] });
    const received = await stepOk(api, ret, 'receive', { location: shop.qc.code, lines: [{ item: shop.bolt.sku, quantity: 3 }] });
    expect(received.return.status).toBe('received');
    expect(lineFigures(received.return)).toEqual([[shop.bolt.sku, '3', '3', '0', '0', '3']]);
    expect(received.movements).toEqual([expect.objectContaining({
      kind: 'return', quantity: '3', from: expect.objectContaining({ code: 'customer' }), to: expect.objectContaining({ code: shop.qc.code }),
      reasonCode: 'wrong-item', reference: order.number, document: { type: 'return', id: ret.id },
    })]);
    expect(await figuresAt(api, shop.bolt.sku, shop.qc.code)).toEqual({ onHand: '3', reserved: '0', available: '0' });
    expect(await availabilityOf(api, shop.channel.code, shop.bolt.sku)).toEqual(before);
    expect(received.return.history).toEqual([expect.objectContaining({ action: 'receipt', quantity: '3', from: expect.objectContaining({ code: 'customer' }), to: expect.objectContaining({ code: shop.qc.code }), reasonCode: 'wrong-item' })]);
    expect((await eventsOfType(api, 'return.status_changed')).filter((e) => e.returnId === ret.id).map((e) => e.status)).toEqual(['authorised', 'received']);
    await expectConsistent(api);
  });

  it('restocks into a sellable bin (available rises) and scraps the rest with a reason, then closes', async () => {
    const shop = await makeReturnsShop(api);
    const order = await shippedOrder(api, shop);
    const ret = await createReturn(api, { order: order.number, lines: [{ item: shop.bolt.sku, quantity: 4, reason: 'defective' }] });
    await stepOk(api, ret, 'receive', { location: shop.qc.code });
    const availableBefore = await availabilityOf(api, shop.channel.code, shop.bolt.sku);
    const restocked = await stepOk(api, ret, 'dispose', { lines: [{ item: shop.bolt.sku, quantity: 3, action: 'restock', location: shop.binB.code, reason: 'resellable' }] });
    expect(restocked.return.status).toBe('received');
    expect(await figuresAt(api, shop.bolt.sku, shop.binB.code)).toEqual({ onHand: '3', reserved: '0', available: '3' });
    expect(Number((await availabilityOf(api, shop.channel.code, shop.bolt.sku)).available)).toBe(Number(availableBefore.available) + 3);
    const scrapped = await stepOk(api, ret, 'dispose', { lines: [{ line: ret.lines[0]?.id, quantity: 1, action: 'scrap', reason: 'damage' }], note: 'bent' });
    expect(scrapped.movements).toEqual([expect.objectContaining({ kind: 'scrap', quantity: '1', from: expect.objectContaining({ code: shop.qc.code }), to: expect.objectContaining({ code: 'scrap' }), reasonCode: 'damage', note: 'bent' })]);
    expect(scrapped.return).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect(lineFigures(scrapped.return)).toEqual([[shop.bolt.sku, '4', '4', '3', '1', '0']]);
    expect(await figuresAt(api, shop.bolt.sku, shop.qc.code)).toEqual({ onHand: '0', reserved: '0', available: '0' });
    const detail = await getReturn(api, ret.id);
    expect(detail.history.map((h) => [h.action, h.quantity, h.to.code, h.reasonCode])).toEqual([['receipt', '4', shop.qc.code, 'defective'], ['restock', '3', shop.binB.code, 'resellable'], ['scrap', '1', 'scrap', 'damage']]);
    expect((await movementsOf(ret)).map((m) => m.kind)).toEqual(['return', 'move', 'scrap']);
    expect(detail.movements.map((m) => m.kind)).toEqual(['return', 'move', 'scrap']);
    await expectRefused(api, () => returnStep(api, ret, 'receive', { location: shop.qc.code }), 422, RULE);
    await expectConsistent(api);
  });

  it('receives and disposes in parts, across two quality-control bins, and closes a return that came back short', async () => {
    const shop = await makeReturnsShop(api);
    const order = await shippedOrder(api, shop);
    const qc2 = await makeLocation(api, 'bin', (await makeLocation(api, 'zone', shop.site.code, { sellable: false })).code);
    const ret = await createReturn(api, { order: order.number, lines: [{ item: shop.bolt.sku, quantity: 4, reason: 'not-wanted' }, { item: shop.rope.sku, quantity: '2.5', reason: 'not-as-described' }] });
    const first = await stepOk(api, ret, 'receive', { location: shop.qc.code, lines: [{ item: shop.bolt.sku, quantity: 1 }, { item: shop.rope.sku, quantity: '0.75' }] });
    expect(first.return.status).toBe('partially_received');
    await stepOk(api, ret, 'receive', { location: qc2.code, lines: [{ item: shop.bolt.sku, quantity: 2 }] });
    await expectRefused(api, () => returnStep(api, ret, 'cancel'), 422, RULE);
    await expectRefused(api, () => returnStep(api, ret, 'close'), 422, RULE);
    // 2 bolts: the one in the first bin, then one of the second's.
    const split = await stepOk(api, ret, 'dispose', { lines: [{ item: shop.bolt.sku, quantity: 2, action: 'restock', location: shop.binA.code, reason: 'resellable' }] });
    expect(split.movements.map((m) => [m.from.code, m.quantity])).toEqual([[shop.qc.code, '1'], [qc2.code, '1']]);
    await expectRefused(api, () => returnStep(api, ret, 'dispose', { lines: [{ item: shop.bolt.sku, quantity: 1, action: 'scrap', from: shop.qc.code, reason: 'damage' }] }), 400, BAD, ['/lines/0/from']);
    await stepOk(api, ret, 'dispose', { lines: [{ item: shop.bolt.sku, quantity: 1, action: 'scrap', from: qc2.code, reason: 'damage' }, { item: shop.rope.sku, quantity: '0.75', action: 'scrap', reason: 'defective' }] });
    expect(await figuresAt(api, shop.rope.sku, shop.qc.code)).toEqual({ onHand: '0', reserved: '0', available: '0' });
    const closed = await returnStep(api, ret, 'close', { note: 'the rest never came' });
    expect(closed.json<Return>().status).toBe('closed');
    expect(lineFigures(closed.json<Return>())).toEqual([[shop.bolt.sku, '4', '3', '2', '1', '0'], [shop.rope.sku, '2.5', '0.75', '0', '0.75', '0']]);
    // Closed short: only what came back counts against the order, so the rest may be returned later.
    const later = await createReturn(api, { order: order.number, lines: [{ item: shop.bolt.sku, quantity: 1, reason: 'not-wanted' }, { item: shop.rope.sku, quantity: '1.75', reason: 'not-wanted' }] });
    expect(later.status).toBe('authorised');
    await expectConsistent(api);
  });

  it('refuses bad input at the field, changing nothing', async () => {
    const shop = await makeReturnsShop(api);
    const order = await shippedOrder(api, shop);
    const open = await createSalesOrderNotShipped(shop);
    const create = (body: Record<string, unknown>) => () => api.request('POST', url, { order: order.number, lines: [{ item: shop.bolt.sku, quantity: 1, reason: 'not-wanted' }], ...body });
    await expectRefused(api, create({ order: 'SO-999999' }), 400, BAD, ['/order']);
    await expectRefused(api, create({ order: open.number }), 422, RULE, ['/order']);
    await expectRefused(api, create({ lines: [] }), 400, BAD, ['/lines']);
    await expectRefused(api, create({ lines: [{ line: 'NO-SUCH-LINE', quantity: 1, reason: 'not-wanted' }] }), 400, BAD, ['/lines/0/line']);
    await expectRefused(api, create({ lines: [{ item: 'NO-SUCH-SKU', quantity: 1, reason: 'not-wanted' }] }), 400, BAD, ['/lines/0/item']);
    const elsewhere = await makeItem(api);
    await expectRefused(api, create({ lines: [{ item: elsewhere.sku, quantity: 1, reason: 'not-wanted' }] }), 400, BAD, ['/lines/0/item']);
    await expectRefused(api, create({ lines: [{ item: shop.bolt.sku, quantity: 1, reason: 'not-wanted' }, { item: shop.rope.sku, quantity: '0.001', reason: 'not-wanted' }] }), 400, BAD, ['/lines/1/quantity']);
    await expectRefused(api, create({ lines: [{ item: shop.bolt.sku, quantity: 1, reason: 'NO-SUCH-REASON' }] }), 400, BAD, ['/lines/0/reason']);
    await expectRefused(api, create({ lines: [{ item: shop.bolt.sku, quantity: 1 }] }), 400, BAD, ['/lines/0/reason']);
    await expectRefused(api, create({ channel: shop.channel.code }), 400, BAD, ['/channel']);
    await expectRefused(api, create({ status: 'closed' }), 400, BAD, ['/status']);

    const ret = await createReturn(api, { order: order.number, lines: [{ item: shop.bolt.sku, quantity: 2, reason: 'not-wanted' }] });
    const receive = (body: Record<string, unknown>) => () => returnStep(api, ret, 'receive', { location: shop.qc.code, ...body });
    await expectRefused(api, receive({ location: 'NO-SUCH-LOC' }), 400, BAD, ['/location']);
    await expectRefused(api, receive({ location: shop.binA.code }), 422, RULE, ['/location']);
    await expectRefused(api, receive({ location: 'customer' }), 400, BAD, ['/location']);
    await expectRefused(api, receive({ lines: [{ item: shop.bolt.sku, quantity: 3 }] }), 422, RULE, ['/lines/0/quantity']);
    await expectRefused(api, receive({ lines: [{ item: shop.bolt.sku, quantity: 1 }, { item: shop.bolt.sku, quantity: 2 }] }), 422, RULE, ['/lines/1/quantity']);
    await expectRefused(api, receive({ lines: [{ item: shop.bolt.sku, quantity: '1.5' }] }), 400, BAD, ['/lines/0/quantity']);
    await expectRefused(api, receive({ lines: [{ line: 'NO-SUCH-LINE', quantity: 1 }] }), 400, BAD, ['/lines/0/line']);
    await expectRefused(api, receive({ lines: [{ item: shop.rope.sku, quantity: 1 }] }), 400, BAD, ['/lines/0/item']);
    await expectRefused(api, () => returnStep(api, ret, 'dispose', { lines: [{ item: shop.bolt.sku, quantity: 1, action: 'scrap', reason: 'damage' }] }), 422, RULE);
    await expectRefused(api, () => returnStep(api, { id: 'RMA-999999' }, 'receive', { location: shop.qc.code }), 404, '/problems/not-found');

    await stepOk(api, ret, 'receive', { location: shop.qc.code, lines: [{ item: shop.bolt.sku, quantity: 1 }] });
    const dispose = (line: Record<string, unknown>) => () => returnStep(api, ret, 'dispose', { lines: [{ item: shop.bolt.sku, quantity: 1, action: 'restock', location: shop.binA.code, reason: 'resellable', ...line }] });
    await expectRefused(api, dispose({ location: shop.qc.code }), 422, RULE, ['/lines/0/location']);
    await expectRefused(api, dispose({ location: 'NO-SUCH-LOC' }), 400, BAD, ['/lines/0/location']);
    await expectRefused(api, dispose({ location: undefined }), 400, BAD, ['/lines/0/location']);
    await expectRefused(api, dispose({ action: 'scrap' }), 400, BAD, ['/lines/0/location']);
    await expectRefused(api, dispose({ reason: 'NO-SUCH-REASON' }), 400, BAD, ['/lines/0/reason']);
    await expectRefused(api, dispose({ quantity: 2 }), 422, RULE, ['/lines/0/quantity']);
    await expectRefused(api, dispose({ action: 'sell' }), 400, BAD, ['/lines/0/action']);
    await expectRefused(api, () => api.request('GET', `${url}/RMA-999999`), 404, '/problems/not-found');
    await expectRefused(api, () => api.request('GET', `${url}?status=lost`), 400, BAD);
    await expectConsistent(api);
  });

  async function createSalesOrderNotShipped(shop: Awaited<ReturnType<typeof makeReturnsShop>>): Promise<SalesOrder> {
    return api.post<SalesOrder>('/api/v1/sales-orders', { channel: shop.channel.code, lines: [{ item: shop.rope.sku, quantity: '0.5' }] });
  }

  it('counts a step once when it is retried with the same Idempotency-Key', async () => {
    const shop = await makeReturnsShop(api);
    const order = await shippedOrder(api, shop);
    const headers = { 'idempotency-key': `rma-${dialect}-${Date.now()}` };
    const body = { order: order.number, lines: [{ item: shop.bolt.sku, quantity: 2, reason: 'not-wanted' }] };
    const ret = await createReturn(api, body, headers);
    const repeat = await api.request('POST', url, body, headers);
    expect(repeat.statusCode).toBe(201);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.json<Return>().id).toBe(ret.id);
    const receiveKey = { 'idempotency-key': `rma-receive-${dialect}-${Date.now()}` };
    const first = await returnStep(api, ret, 'receive', { location: shop.qc.code }, receiveKey);
    const second = await returnStep(api, ret, 'receive', { location: shop.qc.code }, receiveKey);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(await movementsOf(ret)).toHaveLength(1);
    expect(await figuresAt(api, shop.bolt.sku, shop.qc.code)).toMatchObject({ onHand: '2' });
    expectProblem(await returnStep(api, ret, 'dispose', { lines: [{ item: shop.bolt.sku, quantity: 1, action: 'scrap', reason: 'damage' }] }, receiveKey), 422, '/problems/idempotency-key-reuse');
    expect(await movementsOf(ret)).toHaveLength(1);
  });

  it('takes a return without an order at a till, never at a web store', async () => {
    const shop = await makeReturnsShop(api);
    const till = await makeChannel(api, [shop.site.code], { kind: 'pos' });
    const ret = await createReturn(api, { channel: till.code, customerName: 'walk-in', lines: [{ item: shop.rope.sku, quantity: '1.5', reason: 'not-wanted' }] });
    expect(ret).toMatchObject({ order: null, channel: { code: till.code }, customerName: 'walk-in', status: 'authorised' });
    expect(ret.lines[0]?.orderLine).toBeNull();
    const received = await stepOk(api, ret, 'receive', { location: shop.qc.code });
    expect(received.movements[0]).toMatchObject({ kind: 'return', quantity: '1.5', reference: ret.number });
    const bad = (body: Record<string, unknown>) => () => api.request('POST', url, { lines: [{ item: shop.rope.sku, quantity: 1, reason: 'not-wanted' }], ...body });
    await expectRefused(api, bad({ channel: shop.channel.code }), 422, RULE, ['/channel']);
    await expectRefused(api, bad({}), 400, BAD, ['/order']);
    await expectRefused(api, bad({ channel: 'NO-SUCH-CH' }), 400, BAD, ['/channel']);
    await expectRefused(api, bad({ channel: till.code, lines: [{ line: 'x', quantity: 1, reason: 'not-wanted' }] }), 400, BAD, ['/lines/0/line']);
  });

  it('lists returns newest first, filtered by status, order and item, a page at a time', async () => {
    const shop = await makeReturnsShop(api);
    const order = await shippedOrder(api, shop);
    const a = await createReturn(api, { order: order.number, lines: [{ item: shop.bolt.sku, quantity: 1, reason: 'not-wanted' }] });
    const b = await createReturn(api, { order: order.number, lines: [{ item: shop.rope.sku, quantity: 1, reason: 'not-wanted' }] });
    const c = await createReturn(api, { order: order.number, lines: [{ item: shop.bolt.sku, quantity: 1, reason: 'not-wanted' }] });
    await stepOk(api, b, 'receive', { location: shop.qc.code });
    await returnStep(api, c, 'cancel');
    const list = async (query: string) => (await api.get<{ data: ReturnSummary[]; nextCursor: string | null }>(`${url}?order=${order.number}&${query}`));
    expect((await list('')).data.map((r) => r.number)).toEqual([c.number, b.number, a.number]);
    expect((await list('status=authorised,cancelled')).data.map((r) => r.number)).toEqual([c.number, a.number]);
    expect((await list(`item=${shop.rope.sku}`)).data.map((r) => r.number)).toEqual([b.number]);
    const page1 = await list('limit=2');
    expect(page1.data.map((r) => r.number)).toEqual([c.number, b.number]);
    const page2 = await list(`limit=2&cursor=${page1.nextCursor ?? ''}`);
    expect(page2).toEqual({ data: [expect.objectContaining({ number: a.number })], nextCursor: null });
    await expectRefused(api, () => api.request('GET', `${url}?order=SO-999999`), 400, BAD, ['/order']);
    expectProblem(await api.request('GET', '/api/v1/sales-orders/SO-999999/returns'), 404, '/problems/not-found');
  });
});
