import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeItem, makeWarehouse, receiveStock, type ItemJson } from '../support/factories.js';

interface Page<T> {
  data: T[];
  nextCursor: string | null;
}
interface Entry {
  item: { sku: string };
  onHand: string;
  available: string;
  belowReorder: boolean;
}

/** Noon UTC `n` days before today, so a backdated movement lands on a known calendar day. */
function daysAgo(n: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - n, 12)).toISOString();
}

describe.each(DIALECTS)('reports on %s', (dialect) => {
  let api: TestApi;
  let pcs: ItemJson;
  let kg: ItemJson;
  let uncosted: ItemJson;
  let empty: ItemJson;
  let site1: string;
  let site2: string;

  // One known stock picture, on a database of its own so the totals are exact.
  beforeAll(async () => {
    api = await startTestApi(dialect);
    const w1 = await makeWarehouse(api);
    const w2 = await makeWarehouse(api);
    [site1, site2] = [w1.site.code, w2.site.code];
    pcs = await makeItem(api, { name: 'Bolt' });
    kg = await makeItem(api, { name: 'Flour', unit: 'kg', decimals: 3 });
    uncosted = await makeItem(api, { name: 'Crate', reorderPoint: '5' });
    empty = await makeItem(api, { name: 'Axle', reorderPoint: '1' });
    await api.post('/api/v1/receipts', { location: w1.binA.code, occurredAt: daysAgo(2), lines: [{ item: pcs.sku, quantity: 10, unitCost: '2.5' }] });
    await receiveStock(api, pcs.sku, w2.binA.code, 5, '3');
    await api.post('/api/v1/shipments', { location: w1.binA.code, lines: [{ item: pcs.sku, quantity: 3 }] });
    await receiveStock(api, kg.sku, w1.binB.code, '1.25', '0.1');
    await receiveStock(api, uncosted.sku, w2.binB.code, 4);
  });
  afterAll(async () => api.close());

  it('values stock exactly at each item’s last unit cost, in total and per site', async () => {
    const summary = await api.get<Record<string, unknown> & { sites: Array<{ site: { code: string } }> }>('/api/v1/reports/stock-summary');
    expect(summary).toMatchObject({ itemsInStock: 3, units: '17.25', value: '36.125', itemsWithoutCost: 1, belowReorder: 2 });
    const bySite = Object.fromEntries(summary.sites.map((s) => [s.site.code, s]));
    expect(bySite[site1]).toMatchObject({ itemsInStock: 2, units: '8.25', value: '21.125', itemsWithoutCost: 0 });
    expect(bySite[site2]).toMatchObject({ itemsInStock: 2, units: '9', value: '15', itemsWithoutCost: 1 });
  });

  it('sorts items by on hand across pages without repeating or skipping any', async () => {
    const first = await api.get<Page<Entry>>('/api/v1/reports/item-stock?sort=onHand&order=desc&limit=2');
    expect(first.data.map((e) => [e.item.sku, e.onHand])).toEqual([[pcs.sku, '12'], [uncosted.sku, '4']]);
    const second = await api.get<Page<Entry>>(`/api/v1/reports/item-stock?sort=onHand&order=desc&limit=2&cursor=${first.nextCursor}`);
    expect(second.data.map((e) => [e.item.sku, e.onHand])).toEqual([[kg.sku, '1.25'], [empty.sku, '0']]);
    expect(second.nextCursor).toBeNull();
    const ascending = await api.get<Page<Entry>>('/api/v1/reports/item-stock?sort=available&order=asc');
    expect(ascending.data.map((e) => e.item.sku)).toEqual([empty.sku, kg.sku, uncosted.sku, pcs.sku]);
    const byName = await api.get<Page<Entry>>('/api/v1/reports/item-stock?sort=name&limit=3');
    expect(byName.data.map((e) => e.item.sku)).toEqual([empty.sku, pcs.sku, uncosted.sku]);
  });

  it('lists the items below their reorder point and refuses a cursor of another sort', async () => {
    const below = await api.get<Page<Entry>>('/api/v1/reports/item-stock?belowReorder=true&sort=name');
    expect(below.data.map((e) => [e.item.sku, e.available, e.belowReorder])).toEqual([[empty.sku, '0', true], [uncosted.sku, '4', true]]);
    const page = await api.get<Page<Entry>>('/api/v1/reports/item-stock?sort=name&limit=1');
    const mixed = await api.request('GET', `/api/v1/reports/item-stock?sort=onHand&cursor=${page.nextCursor}`);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json()).toMatchObject({ errors: [{ path: '/cursor' }] });
  });

  it('replays on hand per day from the ledger, for one item and for the business', async () => {
    const item = await api.get<{ points: Array<{ onHand: string }> }>(`/api/v1/reports/stock-history?item=${pcs.sku}&days=4`);
    expect(item.points.map((p) => p.onHand)).toEqual(['0', '10', '10', '12']);
    const business = await api.get<{ item: null; points: Array<{ date: string; onHand: string }> }>('/api/v1/reports/stock-history?days=3');
    expect(business.points.map((p) => p.onHand)).toEqual(['10', '10', '17.25']);
    expect(business.points[2]?.date).toBe(new Date().toISOString().slice(0, 10));
  });

  it('counts movements per day by kind', async () => {
    const activity = await api.get<{ days: Array<Record<string, number | string>> }>(`/api/v1/reports/movements-per-day?item=${pcs.sku}&days=3`);
    expect(activity.days).toEqual([
      { date: daysAgo(2).slice(0, 10), receipts: 1, shipments: 0, transfers: 0, adjustments: 0, other: 0 },
      { date: daysAgo(1).slice(0, 10), receipts: 0, shipments: 0, transfers: 0, adjustments: 0, other: 0 },
      { date: daysAgo(0).slice(0, 10), receipts: 1, shipments: 1, transfers: 0, adjustments: 0, other: 0 },
    ]);
    const bad = await api.request('GET', '/api/v1/reports/movements-per-day?days=0');
    expect(bad.statusCode).toBe(400);
  });
});
