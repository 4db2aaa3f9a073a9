import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeItem, makeWarehouse, postMovement, receiveStock, type ItemJson, type LocationJson } from '../support/factories.js';
import { expectConsistent } from './assertions.js';

interface Report {
  ok: boolean;
  balancesChecked: number;
  drift: Array<{ itemId: string; locationId: string; field: string; expected: number; actual: number }>;
  unbalancedItems: string[];
}

describe.each(DIALECTS)('consistency check on %s', (dialect) => {
  let api: TestApi;
  let item: ItemJson;
  let bin: LocationJson;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  const report = () => api.get<Report>('/api/v1/consistency');
  /** Test-only tampering with the balance cache, behind the ledger's back. */
  const tamper = (set: ReturnType<typeof sql>) =>
    sql`update balances set ${set} where item_id = ${item.id} and location_id = ${bin.id}`.execute(api.db.store.db);

  it('reports ok after every kind of operation', async () => {
    item = await makeItem(api, { decimals: 2 });
    const other = await makeItem(api);
    const [w1, w2] = [await makeWarehouse(api), await makeWarehouse(api)];
    bin = w1.binA;
    await receiveStock(api, item.sku, bin.code, '20.5', '1.2345');
    await receiveStock(api, other.sku, w2.binA.code, 9);
    await api.post('/api/v1/shipments', { location: bin.code, lines: [{ item: item.sku, quantity: '1.25' }] });
    await api.post('/api/v1/transfers', { from: bin.code, to: w2.binB.code, lines: [{ item: item.sku, quantity: 2 }] });
    const twoStep = await api.post<{ transfer: { id: string } }>('/api/v1/transfers', { from: w2.binA.code, to: w1.binB.code, mode: 'two-step', lines: [{ item: other.sku, quantity: 4 }] });
    await expectConsistent(api);
    await api.post(`/api/v1/transfers/${twoStep.transfer.id}/receive`);
    await api.post('/api/v1/adjustments', { location: bin.code, reason: 'count', lines: [{ item: item.sku, countedQuantity: '15' }] });
    const hold = await api.post<{ id: string }>('/api/v1/reservations', { item: item.sku, location: bin.code, quantity: 5 });
    await api.post(`/api/v1/reservations/${hold.id}/consume`, { quantity: 2 });
    await api.post('/api/v1/reservations', { item: item.sku, location: bin.code, quantity: 1 });
    const moved = await postMovement(api, { item: other.sku, quantity: 1, from: w1.binB.code, to: 'scrap', kind: 'scrap' });
    await api.post(`/api/v1/movements/${moved.id}/reverse`);
    const result = await report();
    expect(result).toMatchObject({ ok: true, drift: [], unbalancedItems: [] });
    expect(result.balancesChecked).toBeGreaterThan(8);
  });

  it('reports drift in on hand when a balance row is corrupted, and ok once it is put back', async () => {
    await tamper(sql`on_hand = on_hand + 7`);
    const drifted = await report();
    expect(drifted.ok).toBe(false);
    expect(drifted.drift).toEqual([{ itemId: item.id, locationId: bin.id, field: 'on_hand', expected: 1300, actual: 1307 }]);
    expect(drifted.unbalancedItems).toEqual([item.id]);
    await tamper(sql`on_hand = on_hand - 7`);
    await expectConsistent(api);
  });

  it('reports drift in reserved stock against the active reservations', async () => {
    await tamper(sql`reserved = 0`);
    const drifted = await report();
    expect(drifted).toMatchObject({ ok: false, unbalancedItems: [] });
    expect(drifted.drift).toEqual([{ itemId: item.id, locationId: bin.id, field: 'reserved', expected: 400, actual: 0 }]);
    await tamper(sql`reserved = 400`);
    await expectConsistent(api);
  });

  it('reports a balance row that went missing', async () => {
    await sql`delete from balances where item_id = ${item.id} and location_id = ${bin.id}`.execute(api.db.store.db);
    const drifted = await report();
    expect(drifted.ok).toBe(false);
    expect(drifted.drift).toEqual(expect.arrayContaining([
      { itemId: item.id, locationId: bin.id, field: 'on_hand', expected: 1300, actual: 0 },
      { itemId: item.id, locationId: bin.id, field: 'reserved', expected: 400, actual: 0 },
    ]));
  });
});
