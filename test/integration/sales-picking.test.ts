import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PickList } from '../../src/sales/pick-list-types.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeLocation, uniqueGtin13 } from '../support/factories.js';
import { createSalesOrder, getSalesOrder, makeChannel, orderAction, stockedItem, type SalesOrder } from '../support/sales.js';
import { expectConsistent, expectRefused } from './assertions.js';

const BAD = '/problems/validation';
const RULE = '/problems/rule-violation';

describe.each(DIALECTS)('picking on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  /** A site whose bins are created out of walking order, so sorting is visible. */
  async function warehouse() {
    const site = await makeLocation(api, 'site');
    const aisle = await makeLocation(api, 'zone', site.code, { code: `${site.code}-A` });
    const late = await makeLocation(api, 'bin', aisle.code, { code: `${site.code}-A-09` });
    const early = await makeLocation(api, 'bin', aisle.code, { code: `${site.code}-A-01` });
    return { site, late, early };
  }

  it('picks a wave of orders from a list sorted by bin, confirmed by scanning, and refuses an over-pick', async () => {
    const { site, late, early } = await warehouse();
    const gtin = uniqueGtin13();
    const mug = await stockedItem(api, [[late.code, 10]], { barcodes: [{ code: gtin, kind: 'gtin' }] });
    const tea = await stockedItem(api, [[early.code, 10]]);
    const channel = await makeChannel(api, [site.code]);
    const one = await createSalesOrder(api, { channel: channel.code, lines: [{ item: mug.sku, quantity: 2 }, { item: tea.sku, quantity: 1 }] });
    const two = await createSalesOrder(api, { channel: channel.code, lines: [{ item: mug.sku, quantity: 3 }] });

    const created = await api.request('POST', '/api/v1/pick-lists', { orders: [one.number, two.id] });
    expect(created.statusCode, created.body).toBe(201);
    const list = created.json<PickList>();
    expect(list.number).toMatch(/^PL-\d{6}$/);
    expect(list).toMatchObject({ status: 'open', orders: expect.arrayContaining([{ id: one.id, number: one.number }, { id: two.id, number: two.number }]) });
    expect(list.lines.map((l) => [l.location.code, l.item.sku, l.order.number, l.quantity, l.remaining])).toEqual([
      [early.code, tea.sku, one.number, '1', '1'],
      [late.code, mug.sku, one.number, '2', '2'],
      [late.code, mug.sku, two.number, '3', '3'],
    ]);
    for (const order of [one, two]) expect((await getSalesOrder(api, order)).status).toBe('picking');

    const confirm = (body: Record<string, unknown>) => api.request('POST', `/api/v1/pick-lists/${list.id}/confirm`, body);
    await expectRefused(api, () => confirm({ item: gtin, bin: late.code, quantity: 6 }), 422, RULE, ['/quantity']);
    await expectRefused(api, () => confirm({ item: gtin, bin: early.code, quantity: 1 }), 400, BAD, ['/bin']);
    await expectRefused(api, () => confirm({ item: 'NO-SUCH', bin: late.code, quantity: 1 }), 400, BAD, ['/item']);
    const scanned = (await confirm({ item: gtin, bin: late.code, quantity: 3 })).json<PickList>();
    expect(scanned.lines.map((l) => l.picked)).toEqual(['0', '2', '1']);
    expect((await getSalesOrder(api, one)).lines.map((l) => l.picked)).toEqual(['2', '0']);
    await confirm({ item: tea.sku, bin: early.id, quantity: 1 });
    const finished = (await confirm({ item: mug.id, bin: late.code, quantity: 2 })).json<PickList>();
    expect(finished).toMatchObject({ status: 'done', completedAt: expect.any(String) });
    expect(finished.lines.every((l) => l.remaining === '0')).toBe(true);
    expect(await api.get(`/api/v1/pick-lists/${list.number}`)).toEqual(finished);
    const listed = await api.get<{ data: PickList[] }>(`/api/v1/pick-lists?order=${two.number}&status=done`);
    expect(listed.data.map((l) => l.id)).toEqual([list.id]);
    expect((await api.get<{ data: PickList[] }>(`/api/v1/pick-lists?order=${two.number}&status=open`)).data).toEqual([]);
    await expectRefused(api, () => confirm({ item: mug.sku, bin: late.code, quantity: 1 }), 422, RULE);
    // Everything of order one is picked and waits to be shipped: a new list would send the picker for it again.
    await expectRefused(api, () => api.request('POST', '/api/v1/pick-lists', { orders: [one.number] }), 422, RULE);

    const shipped = await orderAction(api, two, 'ship');
    expect(shipped.json<{ order: SalesOrder }>().order).toMatchObject({ status: 'shipped', lines: [{ picked: '3', shipped: '3' }] });
    await expectConsistent(api);
  });

  it('starts picking one order through the order, and refuses orders that cannot be picked', async () => {
    const { site, early } = await warehouse();
    const mug = await stockedItem(api, [[early.code, 5]]);
    const channel = await makeChannel(api, [site.code]);
    const order = await createSalesOrder(api, { channel: channel.code, holdTtlSeconds: 600, lines: [{ item: mug.sku, quantity: 2 }] });
    const started = await orderAction(api, order, 'pick');
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json<PickList>().lines).toMatchObject([{ location: { code: early.code }, quantity: '2' }]);
    // Picking makes the checkout hold firm.
    expect(await getSalesOrder(api, order)).toMatchObject({ status: 'picking', expiresAt: null, lines: [{ reserved: '2' }] });
    await expectRefused(api, () => orderAction(api, order, 'pick'), 422, RULE, ['/orders/0']);
    const cancelled = await createSalesOrder(api, { channel: channel.code, lines: [{ item: mug.sku, quantity: 1 }] });
    await orderAction(api, cancelled, 'cancel');
    await expectRefused(api, () => api.request('POST', '/api/v1/pick-lists', { orders: [cancelled.id] }), 422, RULE, ['/orders/0']);
    await expectRefused(api, () => api.request('POST', '/api/v1/pick-lists', { orders: ['SO-999999'] }), 400, BAD, ['/orders/0']);
    await expectRefused(api, () => api.request('POST', '/api/v1/pick-lists', { orders: [] }), 400, BAD, ['/orders']);
    await expectRefused(api, () => api.request('GET', '/api/v1/pick-lists/PL-999999'), 404, '/problems/not-found');
  });
});
