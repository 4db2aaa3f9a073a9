import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { allPages, makeItem, makeLocation, makeWarehouse, receiveStock, stockOf } from '../support/factories.js';
import { expectConsistent, expectProblem } from './assertions.js';

interface StockRowJson {
  item: { sku: string };
  location: { code: string; siteId: string | null };
  onHand: string;
  reserved: string;
  available: string;
  inTransit: string;
}
interface AsOfRow {
  item: { sku: string };
  location: { code: string };
  onHand: string;
}

describe.each(DIALECTS)('stock on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  it('rolls one item up per location, per site and in total', async () => {
    const item = await makeItem(api, { decimals: 3 });
    const [w1, w2] = [await makeWarehouse(api), await makeWarehouse(api)];
    const damaged = await makeLocation(api, 'bin', w2.zone.code, { sellable: false });
    await receiveStock(api, item.sku, w1.binA.code, '1.5');
    await receiveStock(api, item.sku, w1.binB.code, '2.25');
    await receiveStock(api, item.sku, w2.binA.code, '4');
    await receiveStock(api, item.sku, damaged.code, '0.125');
    await api.post('/api/v1/reservations', { item: item.sku, location: w1.binB.code, quantity: '0.25' });

    const stock = await stockOf(api, item.sku);
    const byCode = Object.fromEntries(stock.locations.map((l) => [l.location.code, [l.onHand, l.reserved, l.available]]));
    expect(byCode).toEqual({
      [w1.binA.code]: ['1.5', '0', '1.5'], [w1.binB.code]: ['2.25', '0.25', '2'], [w2.binA.code]: ['4', '0', '4'], [damaged.code]: ['0.125', '0', '0'],
    });
    const bySite = Object.fromEntries(stock.sites.map((s) => [s.site.code, [s.onHand, s.reserved, s.available]]));
    expect(bySite).toEqual({ [w1.site.code]: ['3.75', '0.25', '3.5'], [w2.site.code]: ['4.125', '0', '4'] });
    expect(stock.total).toEqual({ onHand: '7.875', reserved: '0.25', available: '7.5', inTransit: '0', incoming: '0' });
    expect((await api.get<{ item: { unit: string } }>(`/api/v1/items/${item.id}/stock`)).item.unit).toBe('pcs');
    expectProblem(await api.request('GET', '/api/v1/items/NO-SUCH-SKU/stock'), 404, '/problems/not-found');
  });

  it('lists stock per item × location, filtered by item and by location with everything under it', async () => {
    const [a, b] = [await makeItem(api), await makeItem(api)];
    const [w1, w2] = [await makeWarehouse(api), await makeWarehouse(api)];
    await receiveStock(api, a.sku, w1.binA.code, 1);
    await receiveStock(api, a.sku, w1.binB.code, 2);
    await receiveStock(api, b.sku, w1.binA.code, 3);
    await receiveStock(api, a.sku, w2.binA.code, 4);
    const rows = async (query: string) => (await api.get<{ data: StockRowJson[] }>(`/api/v1/stock?${query}`)).data.map((r) => `${r.item.sku === a.sku ? 'A' : 'B'}@${r.location.code}=${r.onHand}`).sort();

    expect(await rows(`item=${a.sku}`)).toEqual([`A@${w1.binA.code}=1`, `A@${w1.binB.code}=2`, `A@${w2.binA.code}=4`].sort());
    expect(await rows(`location=${w1.site.code}`)).toEqual([`A@${w1.binA.code}=1`, `A@${w1.binB.code}=2`, `B@${w1.binA.code}=3`].sort());
    expect(await rows(`location=${w1.zone.code}&item=${b.id}`)).toEqual([`B@${w1.binA.code}=3`]);
    expect(await rows(`location=${w2.binB.code}`)).toEqual([]);
    const all = await api.get<{ data: StockRowJson[] }>('/api/v1/stock?limit=500');
    expect(all.data.some((r) => ['supplier', 'customer', 'loss', 'transit'].includes(r.location.code))).toBe(false);
    expectProblem(await api.request('GET', '/api/v1/stock?location=NOWHERE'), 404, '/problems/not-found', ['/location']);
    expectProblem(await api.request('GET', '/api/v1/stock?item=NO-SUCH-SKU'), 404, '/problems/not-found');
  });

  it('pages through stock rows, returning each once', async () => {
    const site = await makeLocation(api, 'site');
    const item = await makeItem(api);
    const bins = [];
    for (let i = 0; i < 5; i++) {
      const bin = await makeLocation(api, 'bin', site.code);
      await receiveStock(api, item.sku, bin.code, i + 1);
      bins.push(bin.code);
    }
    const { rows, pages } = await allPages<StockRowJson>(api, `/api/v1/stock?location=${site.code}&limit=2`);
    expect(pages).toBe(3);
    expect(rows.map((r) => r.location.code).sort()).toEqual(bins.sort());
    const everything = await allPages<StockRowJson>(api, '/api/v1/stock?limit=3');
    const keys = everything.rows.map((r) => `${r.item.sku}@${r.location.code}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBe((await api.get<{ data: unknown[] }>('/api/v1/stock?limit=500')).data.length);
    expectProblem(await api.request('GET', '/api/v1/stock?cursor=forged'), 400, '/problems/validation', ['/cursor']);
  });

  it('replays on hand at a past time, including movements backdated later', async () => {
    const item = await makeItem(api);
    const { binA, binB } = await makeWarehouse(api);
    await api.post('/api/v1/receipts', { location: binA.code, lines: [{ item: item.sku, quantity: 10 }], occurredAt: '2024-01-01T09:00:00Z' });
    await api.post('/api/v1/shipments', { location: binA.code, lines: [{ item: item.sku, quantity: 3 }], occurredAt: '2024-02-01T09:00:00Z' });
    await api.post('/api/v1/transfers', { from: binA.code, to: binB.code, lines: [{ item: item.sku, quantity: 2 }], occurredAt: '2024-03-01T09:00:00Z' });
    const asOf = async (at: string) =>
      (await api.get<{ data: AsOfRow[] }>(`/api/v1/stock/as-of?at=${encodeURIComponent(at)}&item=${item.sku}`)).data.map((r) => `${r.location.code}=${r.onHand}`).sort();

    expect(await asOf('2023-12-31T23:59:59Z')).toEqual([]);
    expect(await asOf('2024-01-01T09:00:00Z')).toEqual([`${binA.code}=10`]);
    expect(await asOf('2024-01-15T00:00:00Z')).toEqual([`${binA.code}=10`]);
    expect(await asOf('2024-02-15T00:00:00+01:00')).toEqual([`${binA.code}=7`]);
    expect(await asOf('2024-03-02T00:00:00Z')).toEqual([`${binA.code}=5`, `${binB.code}=2`].sort());

    // A count found a receipt that was never booked: it is posted today but dated in the past.
    await api.post('/api/v1/receipts', { location: binA.code, lines: [{ item: item.sku, quantity: 4 }], occurredAt: '2024-01-10T09:00:00Z' });
    expect(await asOf('2024-01-15T00:00:00Z')).toEqual([`${binA.code}=14`]);
    expect(await asOf('2024-01-05T00:00:00Z')).toEqual([`${binA.code}=10`]);
    expect(await asOf(new Date().toISOString())).toEqual([`${binA.code}=9`, `${binB.code}=2`].sort());

    expectProblem(await api.request('GET', '/api/v1/stock/as-of'), 400, '/problems/validation', ['/querystring/at']);
    expectProblem(await api.request('GET', '/api/v1/stock/as-of?at=yesterday'), 400, '/problems/validation', ['/at']);
  });

  it('pages the as-of replay by item', async () => {
    const { rows, pages } = await allPages<AsOfRow>(api, `/api/v1/stock/as-of?at=${encodeURIComponent(new Date().toISOString())}&limit=2`);
    expect(pages).toBeGreaterThan(1);
    const current = await allPages<StockRowJson>(api, '/api/v1/stock?limit=500');
    const now = (r: { item: { sku: string }; location: { code: string }; onHand: string }) => `${r.item.sku}@${r.location.code}=${r.onHand}`;
    expect(rows.map(now).sort()).toEqual(current.rows.filter((r) => r.onHand !== '0').map(now).sort());
  });

  it('leaves the ledger consistent', async () => {
    await expectConsistent(api);
  });
});
