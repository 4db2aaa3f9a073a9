import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeItem, makeWarehouse, receiveStock, stockOf, unique, type MovementJson } from '../support/factories.js';
import { expectConsistent, expectRefused } from './assertions.js';

interface ReservationJson {
  id: string;
  status: string;
  quantity: string;
  expiresAt: string | null;
  reference: string | null;
}

describe.each(DIALECTS)('reservations on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  const reserve = (body: Record<string, unknown>) => api.post<ReservationJson>('/api/v1/reservations', body);
  const attempt = (body: Record<string, unknown>) => () => api.request('POST', '/api/v1/reservations', body);
  const figures = async (sku: string) => (await stockOf(api, sku)).total;

  /** An item with `quantity` received into a fresh bin. */
  async function stocked(quantity: number | string, decimals = 0) {
    const item = await makeItem(api, { decimals });
    const { binA, binB } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, quantity);
    return { item, bin: binA, otherBin: binB };
  }

  it('holds stock: reserved rises and available falls, on hand stays', async () => {
    const { item, bin } = await stocked(10);
    const response = await api.request('POST', '/api/v1/reservations', { item: item.sku, location: bin.code, quantity: 4, reference: 'ORDER-1' });
    expect(response.statusCode).toBe(201);
    expect(response.json<ReservationJson>()).toMatchObject({ status: 'active', quantity: '4', reference: 'ORDER-1', expiresAt: null });
    expect(await figures(item.sku)).toMatchObject({ onHand: '10', reserved: '4', available: '6' });
    await expectRefused(api, () => api.request('POST', '/api/v1/shipments', { location: bin.code, lines: [{ item: item.sku, quantity: 7 }] }), 409, '/problems/insufficient-stock', ['/lines/0/quantity']);
  });

  it('refuses to hold more than is available with 409 and the shortfall, holding nothing', async () => {
    const { item, bin } = await stocked('2.5', 1);
    await reserve({ item: item.sku, location: bin.code, quantity: '1.5' });
    const problem = await expectRefused(api, attempt({ item: item.sku, location: bin.code, quantity: '1.1' }), 409, '/problems/insufficient-stock', ['/quantity']);
    expect(problem.shortfalls).toEqual([{ path: '/quantity', item: item.sku, location: bin.code, requested: '1.1', available: '1' }]);
    expect(await figures(item.sku)).toMatchObject({ reserved: '1.5', available: '1' });
  });

  it('refuses bad reservations at the field', async () => {
    const { item, bin } = await stocked(5);
    const base = { item: item.sku, location: bin.code, quantity: 1 };
    const bad = '/problems/validation';
    await expectRefused(api, attempt({ ...base, item: 'NO-SUCH-SKU' }), 400, bad, ['/item']);
    await expectRefused(api, attempt({ ...base, location: 'customer' }), 400, bad, ['/location']);
    await expectRefused(api, attempt({ ...base, quantity: '0' }), 400, bad, ['/quantity']);
    await expectRefused(api, attempt({ ...base, quantity: '1.5' }), 400, bad, ['/quantity']);
    await expectRefused(api, attempt({ ...base, ttlSeconds: 0 }), 400, bad, ['/ttlSeconds']);
    await expectRefused(api, attempt({ ...base, ttlSeconds: 60, expiresAt: '2999-01-01T00:00:00Z' }), 400, bad, ['/ttlSeconds']);
    await expectRefused(api, attempt({ ...base, expiresAt: '2020-01-01T00:00:00Z' }), 400, bad, ['/expiresAt']);
    await expectRefused(api, attempt({ ...base, expiresAt: 'soon' }), 400, bad, ['/expiresAt']);
  });

  it('releases a hold once', async () => {
    const { item, bin } = await stocked(3);
    const hold = await reserve({ item: item.sku, location: bin.code, quantity: 3 });
    const released = await api.request('POST', `/api/v1/reservations/${hold.id}/release`, { note: 'customer cancelled' });
    expect(released.json<ReservationJson>()).toMatchObject({ status: 'released', quantity: '3' });
    expect(await figures(item.sku)).toMatchObject({ onHand: '3', reserved: '0', available: '3' });
    await expectRefused(api, () => api.request('POST', `/api/v1/reservations/${hold.id}/release`, {}), 422, '/problems/rule-violation');
    await expectRefused(api, () => api.request('POST', '/api/v1/reservations/NO-SUCH-ID/release', {}), 404, '/problems/not-found');
  });

  it('consumes a whole hold: a shipment to the customer, reserved and on hand fall together', async () => {
    const { item, bin } = await stocked(6);
    const hold = await reserve({ item: item.sku, location: bin.code, quantity: 4, reference: 'ORDER-2' });
    const response = await api.request('POST', `/api/v1/reservations/${hold.id}/consume`, {});
    expect(response.statusCode).toBe(200);
    const { reservation, movement } = response.json<{ reservation: ReservationJson; movement: MovementJson & { reference: string } }>();
    expect(reservation).toMatchObject({ status: 'consumed', quantity: '4' });
    expect(movement).toMatchObject({ kind: 'shipment', quantity: '4', from: { code: bin.code }, to: { code: 'customer' }, document: { type: 'reservation', id: hold.id }, reference: 'ORDER-2' });
    expect(await figures(item.sku)).toMatchObject({ onHand: '2', reserved: '0', available: '2' });
    await expectRefused(api, () => api.request('POST', `/api/v1/reservations/${hold.id}/consume`, {}), 422, '/problems/rule-violation');
  });

  it('consumes part of a hold, keeping the rest held', async () => {
    const { item, bin } = await stocked('5', 2);
    const hold = await reserve({ item: item.sku, location: bin.code, quantity: '3' });
    const partial = await api.post<{ reservation: ReservationJson; movement: MovementJson }>(`/api/v1/reservations/${hold.id}/consume`, { quantity: '1.25' });
    expect(partial.reservation).toMatchObject({ status: 'active', quantity: '1.75' });
    expect(partial.movement.quantity).toBe('1.25');
    expect(await figures(item.sku)).toMatchObject({ onHand: '3.75', reserved: '1.75', available: '2' });
    await expectRefused(api, () => api.request('POST', `/api/v1/reservations/${hold.id}/consume`, { quantity: '2' }), 400, '/problems/validation', ['/quantity']);
    await expectRefused(api, () => api.request('POST', `/api/v1/reservations/${hold.id}/consume`, { quantity: '0.001' }), 400, '/problems/validation', ['/quantity']);
    const rest = await api.post<{ reservation: ReservationJson }>(`/api/v1/reservations/${hold.id}/consume`, {});
    expect(rest.reservation).toMatchObject({ status: 'consumed' });
    expect(await figures(item.sku)).toMatchObject({ onHand: '2', reserved: '0', available: '2' });
  });

  it('refuses to consume a released hold with 422, shipping nothing', async () => {
    const { item, bin } = await stocked(2);
    const hold = await reserve({ item: item.sku, location: bin.code, quantity: 2 });
    await api.post(`/api/v1/reservations/${hold.id}/release`, {});
    await expectRefused(api, () => api.request('POST', `/api/v1/reservations/${hold.id}/consume`, {}), 422, '/problems/rule-violation');
    expect(await figures(item.sku)).toMatchObject({ onHand: '2', reserved: '0' });
  });

  it('lets a lapsed checkout hold stop blocking a new reservation', async () => {
    const { item, bin } = await stocked(3);
    const checkout = await reserve({ item: item.sku, location: bin.code, quantity: 3, ttlSeconds: 1 });
    expect(checkout.expiresAt).not.toBeNull();
    // The hold stays on the balance until something releases it, so this reads the same however slow the machine is.
    expect(await figures(item.sku)).toMatchObject({ reserved: '3', available: '0' });
    await sleep(1500);
    const order = await reserve({ item: item.sku, location: bin.code, quantity: 3 });
    expect(order.status).toBe('active');
    expect(await api.get(`/api/v1/reservations/${checkout.id}`)).toMatchObject({ status: 'expired' });
    expect(await figures(item.sku)).toMatchObject({ onHand: '3', reserved: '3', available: '0' });
    await expectRefused(api, () => api.request('POST', `/api/v1/reservations/${checkout.id}/consume`, {}), 422, '/problems/rule-violation');
  });

  it('grants concurrent holds of one item exactly up to what is available, each audited once', async () => {
    const { item, bin } = await stocked(45);
    const responses = await Promise.all(Array.from({ length: 60 }, (_, i) => api.request('POST', '/api/v1/reservations', { item: item.sku, location: bin.code, quantity: 1, reference: `FLASH-${i}` })));
    const created = responses.filter((r) => r.statusCode === 201).map((r) => r.json<ReservationJson>());
    expect(created).toHaveLength(45);
    for (const refused of responses.filter((r) => r.statusCode !== 201)) expect(refused.json<{ type: string }>().type).toBe('/problems/insufficient-stock');
    expect(new Set(created.map((r) => r.reference)).size).toBe(45);
    expect(await figures(item.sku)).toMatchObject({ onHand: '45', reserved: '45', available: '0' });
    const audited = await api.db.store.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'reservation.created').where('entity_id', 'in', created.map((r) => r.id)).execute();
    expect(audited.map((a) => a.entity_id).sort()).toEqual(created.map((r) => r.id).sort());
  });

  it('lists reservations by item, status and reference', async () => {
    const { item, bin } = await stocked(10);
    const reference = unique('ORDER');
    const first = await reserve({ item: item.sku, location: bin.code, quantity: 1, reference });
    const second = await reserve({ item: item.sku, location: bin.code, quantity: 2 });
    await api.post(`/api/v1/reservations/${first.id}/release`, {});
    const list = (query: string) => api.get<{ data: ReservationJson[] }>(`/api/v1/reservations?${query}`);
    expect((await list(`item=${item.sku}`)).data.map((r) => r.id).sort()).toEqual([first.id, second.id].sort());
    expect((await list(`item=${item.sku}&status=active`)).data.map((r) => r.id)).toEqual([second.id]);
    expect((await list(`reference=${reference}`)).data.map((r) => r.id)).toEqual([first.id]);
    expect((await list(`location=${bin.code}&status=released`)).data.map((r) => r.id)).toEqual([first.id]);
  });

  it('leaves the ledger consistent', async () => {
    await expectConsistent(api);
  });
});
