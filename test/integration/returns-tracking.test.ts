import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReturnableLine } from '../../src/sales/return-types.js';
import type { Lot, SerialDetail } from '../../src/tracking/tracking-types.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeItem, type PostingJson } from '../support/factories.js';
import { createReturn, getReturn, lineFigures, makeReturnsShop, returnStep, stepOk, type ReturnsShop } from '../support/returns.js';
import { createSalesOrder, makeChannel, orderAction, type SalesOrder } from '../support/sales.js';
import { expectConsistent, expectRefused } from './assertions.js';

const BAD = '/problems/validation';
const RULE = '/problems/rule-violation';
const CONFLICT = '/problems/conflict';
const url = '/api/v1/returns';
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.each(DIALECTS)('returns of lot- and serial-tracked items on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());
  const receipt = (location: string, lines: unknown[]) => api.post<PostingJson>('/api/v1/receipts', { location, lines });
  const lotAt = async (lotId: string, code: string) => (await api.get<Lot>(`/api/v1/lots/${lotId}`)).locations.find((l) => l.location.code === code)?.onHand ?? '0';
  const serialAt = async (sku: string, serial: string) => (await api.get<SerialDetail>(`/api/v1/items/${sku}/serials/${serial}`)).location.code;
  const returnable = async (order: SalesOrder) => (await api.get<{ data: ReturnableLine[] }>(`/api/v1/sales-orders/${order.number}/returnable`)).data;

  /** An order for 5 units of a lot-tracked item, shipped first-expired-first-out: 3 from SOON, 2 from LATE. */
  async function shippedFromTwoLots(shop: ReturnsShop) {
    const milk = await makeItem(api, { tracking: 'lot' } as never);
    await receipt(shop.binA.code, [{ item: milk.sku, quantity: 5, lot: { number: 'LATE', expiresOn: day(40) } }, { item: milk.sku, quantity: 3, lot: { number: 'SOON', expiresOn: day(10) } }]);
    await receipt(shop.binB.code, [{ item: milk.sku, quantity: 1, lot: { number: 'ELSEWHERE', expiresOn: day(20) } }]);
    const order = await createSalesOrder(api, { channel: shop.channel.code, lines: [{ item: milk.sku, quantity: 5 }] });
    const shipped = await orderAction(api, order, 'ship');
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(shipped.json<{ movements: Array<{ lot: { number: string } | null; quantity: string }> }>().movements.map((m) => [m.lot?.number, m.quantity])).toEqual([['SOON', '3'], ['LATE', '2']]);
    return { milk, order };
  }

  it('returns a lot-tracked item by lot: quality control holds the lot, part is restocked and the rest scrapped', async () => {
    const shop = await makeReturnsShop(api);
    const { milk, order } = await shippedFromTwoLots(shop);
    const [line] = await returnable(order);
    expect(line?.lots.map((l) => [l.number, l.shipped, l.returnable, l.expiresOn])).toEqual([['SOON', '3', '3', day(10)], ['LATE', '2', '2', day(40)]]);
    const make = (lines: unknown[]) => () => api.request('POST', url, { order: order.number, lines });
    const refusal = await expectRefused(api, make([{ item: milk.sku, quantity: 1, reason: 'defective' }]), 400, BAD, ['/lines/0/lot']);
    expect(refusal.detail).toMatch(/SOON \(3\), LATE \(2\)/);
    await expectRefused(api, make([{ item: milk.sku, quantity: 1, lot: 'NO-SUCH-LOT', reason: 'defective' }]), 400, BAD, ['/lines/0/lot']);
    await expectRefused(api, make([{ item: milk.sku, quantity: 1, lot: 'ELSEWHERE', reason: 'defective' }]), 400, BAD, ['/lines/0/lot']);
    await expectRefused(api, make([{ item: milk.sku, quantity: 3, lot: 'LATE', reason: 'defective' }]), 422, RULE, ['/lines/0/quantity']);
    await expectRefused(api, make([{ item: milk.sku, quantity: 1, lot: 'LATE', serials: ['X'], reason: 'defective' }]), 400, BAD, ['/lines/0/serials']);

    const ret = await createReturn(api, { order: order.number, lines: [{ item: milk.sku, quantity: 2, lot: 'SOON', reason: 'defective' }, { item: milk.sku, quantity: 2, lot: 'LATE', reason: 'not-wanted' }] });
    expect(ret.lines.map((l) => [l.item.tracking, l.lot?.number, l.lot?.expiresOn, l.authorised])).toEqual([['lot', 'SOON', day(10), '2'], ['lot', 'LATE', day(40), '2']]);
    // LATE shipped 2 and both are on the return; only the one left of SOON may come back on another.
    await expectRefused(api, make([{ item: milk.sku, quantity: 1, lot: 'LATE', reason: 'defective' }]), 422, RULE, ['/lines/0/quantity']);
    expect((await returnable(order))[0]?.lots.map((l) => [l.number, l.returnable])).toEqual([['SOON', '1'], ['LATE', '0']]);

    const received = await stepOk(api, ret, 'receive', { location: shop.qc.code });
    expect(received.movements.map((m) => [m.kind, m.from.code, m.to.code, m.lot?.number, m.quantity])).toEqual([['return', 'customer', shop.qc.code, 'SOON', '2'], ['return', 'customer', shop.qc.code, 'LATE', '2']]);
    const [soon, late] = ret.lines.map((l) => l.lot?.id ?? '');
    expect([await lotAt(soon ?? '', shop.qc.code), await lotAt(late ?? '', shop.qc.code)]).toEqual(['2', '2']);

    const dispose = (lines: unknown[]) => () => returnStep(api, ret, 'dispose', { lines });
    await expectRefused(api, dispose([{ line: ret.lines[0]?.id, lot: 'LATE', quantity: 1, action: 'scrap', reason: 'damage' }]), 400, BAD, ['/lines/0/lot']);
    // Scanning the item and its lot finds the line of that lot.
    const done = await stepOk(api, ret, 'dispose', { lines: [
      { item: milk.sku, lot: 'LATE', quantity: 2, action: 'restock', location: shop.binB.code, reason: 'resellable' },
      { item: milk.sku, lot: 'SOON', quantity: 1, action: 'restock', location: shop.binB.code, reason: 'resellable' },
      { item: milk.sku, lot: 'SOON', quantity: 1, action: 'scrap', reason: 'expired' },
    ] });
    expect(done.movements.map((m) => [m.kind, m.to.code, m.lot?.number, m.quantity])).toEqual([['move', shop.binB.code, 'LATE', '2'], ['move', shop.binB.code, 'SOON', '1'], ['scrap', 'scrap', 'SOON', '1']]);
    expect(done.return.status).toBe('closed');
    expect(lineFigures(done.return)).toEqual([[milk.sku, '2', '2', '1', '1', '0'], [milk.sku, '2', '2', '2', '0', '0']]);
    expect([await lotAt(soon ?? '', shop.qc.code), await lotAt(late ?? '', shop.qc.code), await lotAt(soon ?? '', shop.binB.code), await lotAt(late ?? '', shop.binB.code)]).toEqual(['0', '0', '1', '2']);
    const history = (await getReturn(api, ret.id)).history;
    expect(history.map((h) => [h.action, h.lot?.number, h.lot?.expiresOn, h.quantity])).toEqual([
      ['receipt', 'SOON', day(10), '2'], ['receipt', 'LATE', day(40), '2'], ['restock', 'LATE', day(40), '2'], ['restock', 'SOON', day(10), '1'], ['scrap', 'SOON', day(10), '1'],
    ]);
    await expectConsistent(api);
  });

  /** A serial-tracked item with D-1…D-4 received; an order ships D-1, D-2 and D-3. */
  async function shippedSerials(shop: ReturnsShop) {
    const drill = await makeItem(api, { tracking: 'serial' } as never);
    await receipt(shop.binA.code, [{ item: drill.sku, quantity: 4, serials: ['D-1', 'D-2', 'D-3', 'D-4'] }]);
    const order = await createSalesOrder(api, { channel: shop.channel.code, lines: [{ item: drill.sku, quantity: 3 }] });
    const shipped = await orderAction(api, order, 'ship', { lines: [{ item: drill.sku, quantity: 3, serials: ['D-1', 'D-2', 'D-3'] }] });
    expect(shipped.statusCode, shipped.body).toBe(200);
    return { drill, order };
  }

  it('returns one shipped serial: quality control, then the restock bin; a serial not shipped or returned twice is refused, changing nothing', async () => {
    const shop = await makeReturnsShop(api);
    const { drill, order } = await shippedSerials(shop);
    expect((await returnable(order))[0]?.serials).toEqual(['D-1', 'D-2', 'D-3']);
    const make = (serials: string[], quantity = serials.length) => () => api.request('POST', url, { order: order.number, lines: [{ item: drill.sku, quantity, serials, reason: 'defective' }] });
    const notShipped = await expectRefused(api, make(['D-4']), 400, BAD, ['/lines/0/serials/0']);
    expect(notShipped.detail).toMatch(/D-4 was not shipped on/);
    await expectRefused(api, make(['NO-SUCH']), 400, BAD, ['/lines/0/serials/0']);
    await expectRefused(api, make(['D-1', 'D-1']), 400, BAD, ['/lines/0/serials/1']);
    await expectRefused(api, make(['D-1'], 2), 400, BAD, ['/lines/0/serials']);

    const ret = await createReturn(api, { order: order.number, lines: [{ item: drill.sku, quantity: 1, serials: ['D-1'], reason: 'defective' }] });
    expect(ret.lines[0]).toMatchObject({ item: { tracking: 'serial' }, serials: ['D-1'], lot: null, authorised: '1' });
    const twice = await expectRefused(api, make(['D-1']), 409, CONFLICT, ['/lines/0/serials/0']);
    expect(twice.detail).toContain(`already on ${ret.number}`);
    expect((await returnable(order))[0]?.serials).toEqual(['D-2', 'D-3']);
    await expectRefused(api, () => returnStep(api, ret, 'receive', { location: shop.qc.code, lines: [{ item: drill.sku, quantity: 1, serials: ['D-2'] }] }), 400, BAD, ['/lines/0/serials/0']);

    const received = await stepOk(api, ret, 'receive', { location: shop.qc.code });
    expect(received.movements.map((m) => [m.from.code, m.to.code, m.serials])).toEqual([['customer', shop.qc.code, ['D-1']]]);
    expect(await serialAt(drill.sku, 'D-1')).toBe(shop.qc.code);
    const restocked = await stepOk(api, ret, 'dispose', { lines: [{ item: drill.sku, quantity: 1, action: 'restock', location: shop.binB.code, reason: 'resellable' }] });
    expect(restocked.return.status).toBe('closed');
    expect(restocked.return.history.map((h) => [h.action, h.serials])).toEqual([['receipt', ['D-1']], ['restock', ['D-1']]]);
    expect(await serialAt(drill.sku, 'D-1')).toBe(shop.binB.code);
    const again = await expectRefused(api, make(['D-1']), 409, CONFLICT, ['/lines/0/serials/0']);
    expect(again.detail).toContain(`already came back on ${ret.number}`);
    await expectConsistent(api);
  });

  it('names serials on arrival and, restocking part of a serial line, which ones', async () => {
    const shop = await makeReturnsShop(api);
    const { drill, order } = await shippedSerials(shop);
    const ret = await createReturn(api, { order: order.number, lines: [{ item: drill.sku, quantity: 2, reason: 'not-wanted' }] });
    expect(ret.lines[0]?.serials).toEqual([]);
    const receive = (body: Record<string, unknown>) => () => returnStep(api, ret, 'receive', { location: shop.qc.code, ...body });
    await expectRefused(api, receive({}), 400, BAD);
    await expectRefused(api, receive({ lines: [{ item: drill.sku, quantity: 2, serials: ['D-2', 'D-4'] }] }), 400, BAD, ['/lines/0/serials/1']);
    await expectRefused(api, receive({ lines: [{ item: drill.sku, quantity: 1, serials: ['D-2'] }, { item: drill.sku, quantity: 1, serials: ['D-2'] }] }), 400, BAD, ['/lines/1/serials/0']);
    await stepOk(api, ret, 'receive', { location: shop.qc.code, lines: [{ item: drill.sku, quantity: 2, serials: ['D-3', 'D-2'] }] });
    expect([await serialAt(drill.sku, 'D-2'), await serialAt(drill.sku, 'D-3')]).toEqual([shop.qc.code, shop.qc.code]);

    const dispose = (line: Record<string, unknown>) => () => returnStep(api, ret, 'dispose', { lines: [{ item: drill.sku, quantity: 1, action: 'restock', location: shop.binA.code, reason: 'resellable', ...line }] });
    const which = await expectRefused(api, dispose({}), 400, BAD, ['/lines/0/serials']);
    expect(which.detail).toMatch(/D-2, D-3 in quality control/);
    await expectRefused(api, dispose({ serials: ['D-1'] }), 400, BAD, ['/lines/0/serials/0']);
    await stepOk(api, ret, 'dispose', { lines: [{ item: drill.sku, quantity: 1, serials: ['D-3'], action: 'restock', location: shop.binA.code, reason: 'resellable' }] });
    const scrapped = await stepOk(api, ret, 'dispose', { lines: [{ item: drill.sku, quantity: 1, action: 'scrap', reason: 'defective' }] });
    expect(scrapped.movements.map((m) => [m.to.code, m.serials])).toEqual([['scrap', ['D-2']]]);
    expect([await serialAt(drill.sku, 'D-3'), await serialAt(drill.sku, 'D-2')]).toEqual([shop.binA.code, 'scrap']);
    expect(scrapped.return.status).toBe('closed');
    await expectConsistent(api);
  });

  it('takes tracked items back at a till only by lot or by serials with the customer', async () => {
    const shop = await makeReturnsShop(api);
    const till = await makeChannel(api, [shop.site.code], { kind: 'pos' });
    const { milk } = await shippedFromTwoLots(shop);
    const { drill } = await shippedSerials(shop);
    const make = (line: Record<string, unknown>) => () => api.request('POST', url, { channel: till.code, lines: [{ quantity: 1, reason: 'not-wanted', ...line }] });
    await expectRefused(api, make({ item: milk.sku }), 400, BAD, ['/lines/0/lot']);
    const unknown = await expectRefused(api, make({ item: milk.sku, lot: 'NO-SUCH-LOT' }), 400, BAD, ['/lines/0/lot']);
    expect(unknown.detail).toContain("no lot 'NO-SUCH-LOT'");
    await expectRefused(api, make({ item: drill.sku }), 400, BAD, ['/lines/0/serials']);
    await expectRefused(api, make({ item: drill.sku, serials: ['D-4'] }), 409, CONFLICT, ['/lines/0/serials/0']);
    await expectRefused(api, make({ item: shop.bolt.sku, lot: 'SOON' }), 400, BAD, ['/lines/0/lot']);

    const ret = await createReturn(api, { channel: till.code, lines: [{ item: milk.sku, quantity: 1, lot: 'LATE', reason: 'not-wanted' }, { item: drill.sku, quantity: 1, serials: ['D-2'], reason: 'defective' }] });
    const received = await stepOk(api, ret, 'receive', { location: shop.qc.code });
    expect(received.movements.map((m) => [m.lot?.number ?? null, m.serials])).toEqual([['LATE', []], [null, ['D-2']]]);
    expect(await lotAt(ret.lines[0]?.lot?.id ?? '', shop.qc.code)).toBe('1');
    expect(await serialAt(drill.sku, 'D-2')).toBe(shop.qc.code);
    await expectConsistent(api);
  });
});
