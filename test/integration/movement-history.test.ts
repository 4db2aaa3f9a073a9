import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { allPages, makeItem, makeWarehouse, type ItemJson, type LocationJson, type MovementJson, type PostingJson } from '../support/factories.js';
import { expectConsistent, expectProblem } from './assertions.js';

/**
 * One small, dated history shared by the tests below:
 *   Jan 10  receive 10 A into W1/binA         Jan 20  receive 5 B into W2/binA
 *   Feb 01  transfer 4 A W1/binA → W1/binB     Feb 15  adjust −1 A at W1/binB (damage)
 *   Mar 01  ship 2 A from W1/binA              Mar 10  ship 1 B from W2/binA
 */
describe.each(DIALECTS)('movement history on %s', (dialect) => {
  let api: TestApi;
  let a: ItemJson;
  let b: ItemJson;
  let w1: { site: LocationJson; zone: LocationJson; binA: LocationJson; binB: LocationJson };
  let w2: { site: LocationJson; binA: LocationJson };
  let transferId: string;

  beforeAll(async () => {
    api = await startTestApi(dialect);
    [a, b] = [await makeItem(api), await makeItem(api)];
    w1 = await makeWarehouse(api);
    w2 = await makeWarehouse(api);
    const at = (day: string) => `2024-${day}T12:00:00Z`;
    await api.post('/api/v1/receipts', { location: w1.binA.code, lines: [{ item: a.sku, quantity: 10 }], occurredAt: at('01-10') });
    await api.post('/api/v1/receipts', { location: w2.binA.code, lines: [{ item: b.sku, quantity: 5 }], occurredAt: at('01-20') });
    const transfer = await api.post<{ transfer: { id: string } }>('/api/v1/transfers', { from: w1.binA.code, to: w1.binB.code, lines: [{ item: a.sku, quantity: 4 }], occurredAt: at('02-01') });
    transferId = transfer.transfer.id;
    await api.post('/api/v1/adjustments', { location: w1.binB.code, reason: 'damage', lines: [{ item: a.sku, delta: -1 }], occurredAt: at('02-15') });
    await api.post('/api/v1/shipments', { location: w1.binA.code, lines: [{ item: a.sku, quantity: 2 }], occurredAt: at('03-01') });
    await api.post('/api/v1/shipments', { location: w2.binA.code, lines: [{ item: b.sku, quantity: 1 }], occurredAt: at('03-10') });
  });
  afterAll(async () => api.close());

  const list = (query: string) => api.get<{ data: MovementJson[]; nextCursor: string | null }>(`/api/v1/movements?${query}`);
  const kinds = (rows: MovementJson[]) => rows.map((m) => `${m.kind}:${m.item.sku === a.sku ? 'A' : 'B'}`);

  it('lists newest first by default and oldest first with order=asc', async () => {
    const desc = await list('limit=100');
    expect(kinds(desc.data)).toEqual(['shipment:B', 'shipment:A', 'adjustment:A', 'transfer:A', 'receipt:B', 'receipt:A']);
    const asc = await list('limit=100&order=asc');
    expect(asc.data.map((m) => m.id)).toEqual(desc.data.map((m) => m.id).reverse());
    expect(asc.data.map((m) => m.seq)).toEqual([...asc.data.map((m) => m.seq)].sort((x, y) => x - y));
  });

  it('filters by item (id or SKU) and by kind', async () => {
    expect(kinds((await list(`item=${a.sku}`)).data)).toEqual(['shipment:A', 'adjustment:A', 'transfer:A', 'receipt:A']);
    expect((await list(`item=${a.id}`)).data).toHaveLength(4);
    expect(kinds((await list('kind=shipment')).data)).toEqual(['shipment:B', 'shipment:A']);
    expect(kinds((await list(`kind=receipt&item=${b.sku}`)).data)).toEqual(['receipt:B']);
    expectProblem(await api.request('GET', '/api/v1/movements?item=NO-SUCH-SKU'), 404, '/problems/not-found');
  });

  it('filters by location including everything under it', async () => {
    expect(kinds((await list(`location=${w1.binB.code}`)).data)).toEqual(['adjustment:A', 'transfer:A']);
    const site = kinds((await list(`location=${w1.site.code}`)).data);
    expect(site).toEqual(['shipment:A', 'adjustment:A', 'transfer:A', 'receipt:A']);
    expect(kinds((await list(`location=${w1.zone.id}`)).data)).toEqual(site);
    expect(kinds((await list(`location=${w2.site.code}`)).data)).toEqual(['shipment:B', 'receipt:B']);
    expect(kinds((await list('location=customer')).data)).toEqual(['shipment:B', 'shipment:A']);
    expectProblem(await api.request('GET', '/api/v1/movements?location=NOWHERE'), 404, '/problems/not-found', ['/location']);
  });

  it('filters by document', async () => {
    const rows = (await list(`documentType=transfer&documentId=${transferId}`)).data;
    expect(rows).toEqual([expect.objectContaining({ kind: 'transfer', quantity: '4', document: { type: 'transfer', id: transferId } })]);
    expect((await list('documentType=transfer&documentId=NO-SUCH')).data).toEqual([]);
  });

  it('filters by business time: from inclusive, to exclusive', async () => {
    const feb = await list('from=2024-02-01T12:00:00Z&to=2024-03-01T12:00:00Z');
    expect(kinds(feb.data)).toEqual(['adjustment:A', 'transfer:A']);
    expect(kinds((await list('to=2024-01-20T12:00:00Z')).data)).toEqual(['receipt:A']);
    expect(kinds((await list('from=2024-03-05T00:00:00%2B01:00')).data)).toEqual(['shipment:B']);
    expect(feb.data.every((m) => m.occurredAt >= '2024-02-01T12:00:00.000Z' && m.occurredAt < '2024-03-01T12:00:00.000Z')).toBe(true);
    expectProblem(await api.request('GET', '/api/v1/movements?from=last-week'), 400, '/problems/validation', ['/from']);
  });

  it('pages with a cursor in both orders, returning every movement once', async () => {
    const all = (await list('limit=100')).data.map((m) => m.id);
    const desc = await allPages<MovementJson>(api, '/api/v1/movements?limit=4');
    expect(desc.pages).toBe(2);
    expect(desc.rows.map((m) => m.id)).toEqual(all);
    const asc = await allPages<MovementJson>(api, '/api/v1/movements?limit=2&order=asc');
    expect(asc.pages).toBe(3);
    expect(asc.rows.map((m) => m.id)).toEqual([...all].reverse());
    const filtered = await allPages<MovementJson>(api, `/api/v1/movements?limit=1&item=${a.sku}&order=asc`);
    expect(kinds(filtered.rows)).toEqual(['receipt:A', 'transfer:A', 'adjustment:A', 'shipment:A']);
    expectProblem(await api.request('GET', '/api/v1/movements?cursor=forged'), 400, '/problems/validation', ['/cursor']);
    expectProblem(await api.request('GET', '/api/v1/movements?order=sideways'), 400, '/problems/validation', ['/querystring/order']);
  });

  it('finds movements of one posting', async () => {
    const posting = await api.post<PostingJson>('/api/v1/movements/batch', {
      movements: [
        { item: a.sku, quantity: 1, from: w1.binA.code, to: w1.binB.code },
        { item: a.sku, quantity: 1, from: w1.binB.code, to: w1.binA.code },
      ],
    });
    const rows = (await list(`postingId=${posting.postingId}&order=asc`)).data;
    expect(rows.map((m) => m.id)).toEqual(posting.movements.map((m) => m.id));
  });

  it('leaves the ledger consistent', async () => {
    await expectConsistent(api);
  });
});
