import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseExpiredReservations } from '../../src/operations/reservation-service.js';
import { expireSalesOrders } from '../../src/sales/order-actions-service.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeItem, receiveStock } from '../support/factories.js';
import {
  availabilityOf, createSalesOrder, eventsOfType, figuresAt, getSalesOrder, makeChannel, makeSite, orderAction, stockedItem, type SalesOrder,
} from '../support/sales.js';
import { expectConsistent, expectProblem, expectRefused } from './assertions.js';

const BAD = '/problems/validation';
const RULE = '/problems/rule-violation';
const url = '/api/v1/sales-orders';

describe.each(DIALECTS)('sales orders on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  async function shop(extra: Record<string, unknown> = {}) {
    const wh = await makeSite(api);
    const bolt = await stockedItem(api, [[wh.binA.code, 10]]);
    const rope = await stockedItem(api, [[wh.binB.code, '5.5']], { decimals: 2, unit: 'm' });
    const channel = await makeChannel(api, [wh.site.code], extra);
    return { wh, bolt, rope, channel };
  }

  it('creates an order that reserves every line, with a number, routing, holds and events', async () => {
    const { wh, bolt, rope, channel } = await shop();
    const order = await createSalesOrder(api, { channel: channel.code, externalId: 'web-1001', customerName: 'Ada', lines: [{ item: bolt.sku, quantity: 3 }, { item: rope.id, quantity: '2.25' }] });
    expect(order.number).toMatch(/^SO-\d{6}$/);
    expect(order).toMatchObject({ status: 'reserved', channel: { code: channel.code }, externalId: 'web-1001', customerName: 'Ada', expiresAt: null });
    expect(order.routing).toEqual({ locations: [{ id: wh.site.id, code: wh.site.code }], reason: `${wh.site.code} can ship the whole order` });
    expect(order.lines.map((l) => [l.lineNo, l.quantity, l.reserved, l.backordered, l.holds.map((h) => [h.location.code, h.quantity])])).toEqual([
      [1, '3', '3', '0', [[wh.binA.code, '3']]],
      [2, '2.25', '2.25', '0', [[wh.binB.code, '2.25']]],
    ]);
    expect(await figuresAt(api, bolt.sku, wh.binA.code)).toEqual({ onHand: '10', reserved: '3', available: '7' });
    expect(await availabilityOf(api, channel.code, rope.sku)).toMatchObject({ available: '3.25' });
    const holds = await api.get<{ data: Array<{ reference: string; status: string }> }>(`/api/v1/reservations?item=${bolt.sku}`);
    expect(holds.data).toEqual([expect.objectContaining({ reference: order.number, status: 'active' })]);
    expect(await eventsOfType(api, 'sales_order.created')).toContainEqual({ orderId: order.id, number: order.number, channel: channel.code, status: 'reserved' });
    expect(await api.get(`${url}/${order.number}`)).toEqual(order);
    const second = await createSalesOrder(api, { channel: channel.id, lines: [{ item: bolt.sku, quantity: 1 }] });
    expect(Number(second.number.slice(3))).toBe(Number(order.number.slice(3)) + 1);
  });

  it('refuses bad orders at the field, changing nothing', async () => {
    const { bolt, rope, channel } = await shop();
    const elsewhere = await makeSite(api);
    const archived = await makeChannel(api, [elsewhere.site.code]);
    await api.post(`/api/v1/channels/${archived.code}/archive`);
    const good = { channel: channel.code, lines: [{ item: bolt.sku, quantity: 1 }] };
    const create = (body: Record<string, unknown>) => () => api.request('POST', url, { ...good, ...body });
    await expectRefused(api, create({ channel: 'NO-SUCH-CH' }), 400, BAD, ['/channel']);
    await expectRefused(api, create({ channel: archived.code }), 400, BAD, ['/channel']);
    await expectRefused(api, create({ lines: [] }), 400, BAD, ['/lines']);
    await expectRefused(api, create({ lines: [{ item: bolt.sku, quantity: 1 }, { item: 'NO-SUCH-SKU', quantity: 1 }] }), 400, BAD, ['/lines/1/item']);
    await expectRefused(api, create({ lines: [{ item: bolt.sku, quantity: 1 }, { item: rope.sku, quantity: '0.001' }] }), 400, BAD, ['/lines/1/quantity']);
    await expectRefused(api, create({ lines: [{ item: bolt.sku, quantity: 0 }] }), 400, BAD, ['/lines/0/quantity']);
    await expectRefused(api, create({ location: elsewhere.binA.code }), 400, BAD, ['/location']);
    await expectRefused(api, create({ location: 'NO-SUCH-LOC' }), 400, BAD, ['/location']);
    await expectRefused(api, create({ address: { latitude: '95' } }), 400, BAD, ['/address/latitude']);
    await expectRefused(api, create({ holdTtlSeconds: 60, expiresAt: '2099-01-01T00:00:00Z' }), 400, BAD, ['/holdTtlSeconds']);
    await expectRefused(api, create({ expiresAt: '2001-01-01T00:00:00Z' }), 400, BAD, ['/expiresAt']);
    await expectRefused(api, create({ status: 'shipped' }), 400, BAD, ['/status']);
    await expectRefused(api, () => api.request('GET', `${url}/SO-999999`), 404, '/problems/not-found');
  });

  it('reserves all lines or none: a short line fails the order with 409 and each shortfall', async () => {
    const { bolt, rope, channel } = await shop({ buffer: '1' });
    const problem = await expectRefused(api, () => api.request('POST', url, { channel: channel.code, lines: [{ item: bolt.sku, quantity: 2 }, { item: rope.sku, quantity: 5 }] }), 409, '/problems/insufficient-stock', ['/lines/1/quantity']);
    // 5.5 m on hand, 1 m withheld by the channel's buffer: 4.5 m could be sold.
    expect(problem.shortfalls).toEqual([{ path: '/lines/1/quantity', item: rope.sku, location: channel.code, requested: '5', available: '4.5' }]);
    expect(await availabilityOf(api, channel.code, bolt.sku)).toMatchObject({ stock: '10', available: '9' });
  });

  it('backorders what cannot be reserved when the channel allows it, and allocates it later', async () => {
    const { wh, bolt, channel } = await shop({ allowBackorders: true });
    const order = await createSalesOrder(api, { channel: channel.code, lines: [{ item: bolt.sku, quantity: 14 }] });
    expect(order).toMatchObject({ status: 'backordered', lines: [{ quantity: '14', reserved: '10', backordered: '4' }] });
    const nothingYet = await orderAction(api, order, 'allocate');
    expect(nothingYet.json<SalesOrder>()).toMatchObject({ status: 'backordered', lines: [{ reserved: '10', backordered: '4' }] });
    await receiveStock(api, bolt.sku, wh.binB.code, 6);
    const allocated = await orderAction(api, order, 'allocate');
    expect(allocated.statusCode, allocated.body).toBe(200);
    expect(allocated.json<SalesOrder>()).toMatchObject({ status: 'reserved', lines: [{ reserved: '14', backordered: '0' }] });
    expect(await eventsOfType(api, 'sales_order.status_changed')).toContainEqual({ orderId: order.id, number: order.number, channel: channel.code, status: 'reserved' });
    expect(await figuresAt(api, bolt.sku, wh.binB.code)).toMatchObject({ reserved: '4', available: '2' });
  });

  it('is idempotent by the channel’s order id and by Idempotency-Key', async () => {
    const { bolt, channel } = await shop();
    const body = { channel: channel.code, externalId: 'mp-77', lines: [{ item: bolt.sku, quantity: 2 }] };
    const first = await api.request('POST', url, body);
    expect(first.statusCode).toBe(201);
    const repeat = await api.request('POST', url, body);
    expect(repeat.statusCode).toBe(200);
    expect(repeat.headers['idempotent-replayed']).toBe('true');
    expect(repeat.json<SalesOrder>().id).toBe(first.json<SalesOrder>().id);
    await expectRefused(api, () => api.request('POST', url, { ...body, lines: [{ item: bolt.sku, quantity: 3 }] }), 409, '/problems/conflict', ['/externalId']);
    expect(await figuresAt(api, bolt.sku, (await getSalesOrder(api, first.json<SalesOrder>())).lines[0]?.holds[0]?.location.code ?? '')).toMatchObject({ reserved: '2' });

    const keyed = { channel: channel.code, lines: [{ item: bolt.sku, quantity: 1 }] };
    const once = await api.request('POST', url, keyed, { 'idempotency-key': 'so-key-1' });
    const again = await api.request('POST', url, keyed, { 'idempotency-key': 'so-key-1' });
    expect([once.statusCode, again.statusCode]).toEqual([201, 200]);
    expect(again.json<SalesOrder>().id).toBe(once.json<SalesOrder>().id);
    await expectRefused(api, () => api.request('POST', url, { ...keyed, notes: 'other' }, { 'idempotency-key': 'so-key-1' }), 422, '/problems/idempotency-key-reuse');
  });

  it('ships partially, then the rest, then is delivered; each shipment moves bin → customer for the order', async () => {
    const { wh, bolt, rope, channel } = await shop();
    const order = await createSalesOrder(api, { channel: channel.code, lines: [{ item: bolt.sku, quantity: 3 }, { item: rope.sku, quantity: 1 }] });
    const [boltLine] = order.lines;
    const partial = await orderAction(api, order, 'ship', { lines: [{ line: boltLine?.id, quantity: 1 }, { item: rope.sku, quantity: '0.5' }], reference: 'TRACK-1' });
    expect(partial.statusCode, partial.body).toBe(200);
    const shipped = partial.json<{ order: SalesOrder; movements: Array<{ from: { code: string }; to: { code: string }; quantity: string; document: unknown; reference: string }> }>();
    expect(shipped.order).toMatchObject({ status: 'partially_shipped', lines: [{ shipped: '1', reserved: '2' }, { shipped: '0.5', reserved: '0.5' }] });
    expect(shipped.movements.map((m) => [m.from.code, m.to.code, m.quantity, m.document, m.reference])).toEqual([
      [wh.binA.code, 'customer', '1', { type: 'sales_order', id: order.id }, 'TRACK-1'],
      [wh.binB.code, 'customer', '0.5', { type: 'sales_order', id: order.id }, 'TRACK-1'],
    ]);
    expect(await figuresAt(api, bolt.sku, wh.binA.code)).toEqual({ onHand: '9', reserved: '2', available: '7' });
    await expectRefused(api, () => orderAction(api, order, 'ship', { lines: [{ line: boltLine?.id, quantity: 3 }] }), 422, RULE, ['/lines/0/quantity']);
    await expectRefused(api, () => orderAction(api, order, 'ship', { lines: [{ item: 'NOT-ON-ORDER', quantity: 1 }] }), 400, BAD, ['/lines/0/item']);
    await expectRefused(api, () => orderAction(api, order, 'deliver'), 422, RULE);
    const rest = await orderAction(api, order, 'ship');
    expect(rest.json<{ order: SalesOrder }>().order).toMatchObject({ status: 'shipped', lines: [{ shipped: '3', reserved: '0' }, { shipped: '1', reserved: '0' }] });
    await expectRefused(api, () => orderAction(api, order, 'cancel'), 422, RULE);
    expect((await orderAction(api, order, 'deliver')).json<SalesOrder>()).toMatchObject({ status: 'delivered', closedAt: expect.any(String) });
    const statuses = (await eventsOfType(api, 'sales_order.status_changed')).filter((e) => e.orderId === order.id).map((e) => e.status);
    expect(statuses).toEqual(['partially_shipped', 'shipped', 'delivered']);
    const audit = await api.get<{ data: Array<{ action: string }> }>(`/api/v1/audit?entityType=sales_order&entityId=${order.id}`);
    expect(audit.data.map((a) => a.action).sort()).toEqual(['sales_order.created', 'sales_order.delivered', 'sales_order.shipped', 'sales_order.shipped'].sort());
  });

  it('cancelling releases every hold; a partially shipped order keeps what shipped', async () => {
    const { wh, bolt, channel } = await shop();
    const order = await createSalesOrder(api, { channel: channel.code, lines: [{ item: bolt.sku, quantity: 4 }] });
    await orderAction(api, order, 'ship', { lines: [{ item: bolt.sku, quantity: 1 }] });
    const cancelled = await orderAction(api, order, 'cancel', { note: 'customer changed their mind' });
    expect(cancelled.json<SalesOrder>()).toMatchObject({ status: 'cancelled', lines: [{ shipped: '1', reserved: '0' }] });
    expect(await figuresAt(api, bolt.sku, wh.binA.code)).toEqual({ onHand: '9', reserved: '0', available: '9' });
    await expectRefused(api, () => orderAction(api, order, 'cancel'), 422, RULE);
    await expectRefused(api, () => orderAction(api, order, 'ship'), 422, RULE);
  });

  it('a checkout hold expires: the sweepers release the holds and the order shows expired; a confirmed one does not expire', async () => {
    const { wh, bolt, channel } = await shop();
    const lapsing = await createSalesOrder(api, { channel: channel.code, holdTtlSeconds: 1, lines: [{ item: bolt.sku, quantity: 2 }] });
    const kept = await createSalesOrder(api, { channel: channel.code, holdTtlSeconds: 1, lines: [{ item: bolt.sku, quantity: 3 }] });
    expect(lapsing.expiresAt).not.toBeNull();
    const confirmed = await orderAction(api, kept, 'confirm');
    expect(confirmed.json<SalesOrder>()).toMatchObject({ expiresAt: null, status: 'reserved', lines: [{ reserved: '3' }] });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await releaseExpiredReservations(api.db.store);
    expect(await expireSalesOrders(api.db.store)).toBeGreaterThanOrEqual(1);
    expect(await getSalesOrder(api, lapsing)).toMatchObject({ status: 'expired', closedAt: expect.any(String), lines: [{ reserved: '0' }] });
    expect(await getSalesOrder(api, kept)).toMatchObject({ status: 'reserved', lines: [{ reserved: '3' }] });
    expect(await figuresAt(api, bolt.sku, wh.binA.code)).toMatchObject({ reserved: '3', available: '7' });
    expectProblem(await orderAction(api, lapsing, 'ship'), 422, RULE);
    expect(await expireSalesOrders(api.db.store)).toBe(0);
  });

  it('lists orders newest first, by channel, several statuses, item and a search, page by page', async () => {
    const { bolt, rope, channel } = await shop();
    const a = await createSalesOrder(api, { channel: channel.code, lines: [{ item: bolt.sku, quantity: 1 }] });
    const b = await createSalesOrder(api, { channel: channel.code, externalId: `Shop-${channel.code}-77`, lines: [{ item: rope.sku, quantity: 1 }] });
    const c = await createSalesOrder(api, { channel: channel.code, customerName: 'Ada Lovelace', lines: [{ item: bolt.sku, quantity: 1 }] });
    await orderAction(api, c, 'cancel');
    const found = async (search: string) => (await api.get<{ data: SalesOrder[] }>(`${url}?channel=${channel.code}&search=${encodeURIComponent(search)}`)).data.map((o) => o.number);
    expect(await found(a.number.toLowerCase())).toEqual([a.number]);
    expect(await found(`shop-${channel.code.toLowerCase()}-7`)).toEqual([b.number]);
    expect(await found('LOVELACE')).toEqual([c.number]);
    expect(await found('nobody')).toEqual([]);
    const all = await api.get<{ data: SalesOrder[] }>(`${url}?channel=${channel.code}`);
    expect(all.data.map((o) => o.number)).toEqual([c.number, b.number, a.number]);
    const open = await api.get<{ data: SalesOrder[] }>(`${url}?channel=${channel.code}&status=reserved,picking`);
    expect(open.data.map((o) => o.number)).toEqual([b.number, a.number]);
    const bolts = await api.get<{ data: SalesOrder[] }>(`${url}?channel=${channel.code}&item=${bolt.sku}&status=cancelled,reserved`);
    expect(bolts.data.map((o) => o.number)).toEqual([c.number, a.number]);
    const first = await api.get<{ data: SalesOrder[]; nextCursor: string }>(`${url}?channel=${channel.code}&limit=2`);
    const next = await api.get<{ data: SalesOrder[]; nextCursor: string | null }>(`${url}?channel=${channel.code}&limit=2&cursor=${first.nextCursor}`);
    expect(next).toMatchObject({ data: [{ number: a.number }], nextCursor: null });
    expectProblem(await api.request('GET', `${url}?status=lost`), 400, BAD);
    expectProblem(await api.request('GET', `${url}?channel=NO-SUCH`), 404, '/problems/not-found');
    await expectConsistent(api);
  });

  it('an item that is not stocked anywhere in the channel fails cleanly', async () => {
    const { channel } = await shop();
    const ghost = await makeItem(api);
    const problem = await expectRefused(api, () => api.request('POST', url, { channel: channel.code, lines: [{ item: ghost.sku, quantity: 1 }] }), 409, '/problems/insufficient-stock', ['/lines/0/quantity']);
    expect(problem.shortfalls?.[0]).toMatchObject({ requested: '1', available: '0' });
  });
});
