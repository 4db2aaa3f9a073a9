import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { allPages, makeItem, makeWarehouse, onHandAt, receiveStock, unique, uniqueGtin13, uniqueUpc12 } from '../support/factories.js';
import { expectConsistent, expectProblem, expectRefused } from './assertions.js';

interface Item {
  id: string;
  sku: string;
  name: string;
  category: string | null;
  unit: string;
  decimals: number;
  reorderPoint: string | null;
  barcodes: Array<{ code: string; kind: string }>;
  archived: boolean;
}

describe.each(DIALECTS)('items on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  const create = (body: Record<string, unknown>) => api.request('POST', '/api/v1/items', body);

  it('creates an item with unit, decimals and GTIN barcodes stored as GTIN-14', async () => {
    const ean = uniqueGtin13();
    const sku = unique('FLOUR');
    const response = await create({ sku, name: 'Flour', unit: 'kg', decimals: 3, reorderPoint: '2.5', category: 'baking', barcodes: [{ code: ean }, { code: 'SHELF-7', kind: 'custom' }] });
    expect(response.statusCode).toBe(201);
    expect(response.json<Item>()).toMatchObject({
      sku, name: 'Flour', unit: 'kg', decimals: 3, reorderPoint: '2.5', category: 'baking', archived: false,
      barcodes: [{ code: `0${ean}`, kind: 'gtin' }, { code: 'SHELF-7', kind: 'custom' }],
    });
  });

  it('defaults to whole pieces', async () => {
    const item = await api.post<Item>('/api/v1/items', { sku: unique('PCS'), name: 'Bolt' });
    expect(item).toMatchObject({ unit: 'pcs', decimals: 0, reorderPoint: null, barcodes: [] });
  });

  it('refuses a GTIN with a wrong check digit at its field', async () => {
    const good = uniqueGtin13();
    const bad = `${good.slice(0, 12)}${(Number(good[12]) + 1) % 10}`;
    await expectRefused(api, () => create({ sku: unique('BAD'), name: 'x', barcodes: [{ code: bad }] }), 400, '/problems/validation', ['/barcodes/0/code']);
    await expectRefused(api, () => create({ sku: unique('BAD'), name: 'x', barcodes: [{ code: uniqueGtin13() }, { code: '12345' }] }), 400, '/problems/validation', ['/barcodes/1/code']);
  });

  it('refuses malformed fields with their paths', async () => {
    await expectRefused(api, () => create({ sku: 'has space', name: 'x' }), 400, '/problems/validation', ['/sku']);
    await expectRefused(api, () => create({ sku: unique('D'), name: 'x', decimals: 7 }), 400, '/problems/validation', ['/decimals']);
    await expectRefused(api, () => create({ sku: unique('D'), name: 'x', decimals: 1.5 }), 400, '/problems/validation', ['/decimals']);
    await expectRefused(api, () => create({ sku: unique('D'), name: '' }), 400, '/problems/validation', ['/name']);
    await expectRefused(api, () => create({ sku: unique('D') }), 400, '/problems/validation', ['/name']);
    await expectRefused(api, () => create({ sku: unique('D'), name: 'x', reorderPoint: '1.5' }), 400, '/problems/validation', ['/reorderPoint']);
    await expectRefused(api, () => create({ sku: unique('D'), name: 'x', reorderPoint: '-1' }), 400, '/problems/validation', ['/reorderPoint']);
  });

  it('refuses a duplicate SKU with 409 at /sku', async () => {
    const item = await makeItem(api);
    await expectRefused(api, () => create({ sku: item.sku, name: 'again' }), 409, '/problems/conflict', ['/sku']);
  });

  it('refuses a barcode another item already has, in any of its GTIN forms', async () => {
    const upc = uniqueUpc12();
    const first = await makeItem(api, { barcodes: [{ code: upc }] });
    await expectRefused(api, () => create({ sku: unique('DUP'), name: 'x', barcodes: [{ code: `0${upc}` }] }), 409, '/problems/conflict', ['/barcodes/0/code']);
    const other = await makeItem(api);
    await expectRefused(api, () => api.request('POST', `/api/v1/items/${other.sku}/barcodes`, { code: `00${upc}` }), 409, '/problems/conflict', ['/code']);
    expect((await api.get<Item>(`/api/v1/items/${first.id}`)).barcodes).toEqual([{ code: `00${upc}`, kind: 'gtin' }]);
  });

  it('gets an item by id and by SKU, and answers 404 problem+json for an unknown one', async () => {
    const item = await makeItem(api, { name: 'Lookup' });
    expect(await api.get<Item>(`/api/v1/items/${item.id}`)).toMatchObject({ id: item.id, sku: item.sku, name: 'Lookup' });
    expect(await api.get<Item>(`/api/v1/items/${encodeURIComponent(item.sku)}`)).toMatchObject({ id: item.id });
    expectProblem(await api.request('GET', '/api/v1/items/NO-SUCH-SKU'), 404, '/problems/not-found');
  });

  it('finds an item from its UPC-12, EAN-13 or GTIN-14 form', async () => {
    const upc = uniqueUpc12();
    const item = await makeItem(api, { barcodes: [{ code: upc }] });
    for (const code of [upc, `0${upc}`, `00${upc}`]) {
      expect(await api.get<Item>(`/api/v1/items/by-barcode/${code}`), code).toMatchObject({ id: item.id });
    }
    const custom = unique('BIN-LABEL');
    const tagged = await makeItem(api, { barcodes: [{ code: custom, kind: 'custom' }] });
    expect(await api.get<Item>(`/api/v1/items/by-barcode/${custom}`)).toMatchObject({ id: tagged.id });
    expectProblem(await api.request('GET', `/api/v1/items/by-barcode/${uniqueGtin13()}`), 404, '/problems/not-found');
  });

  it('adds and removes a barcode', async () => {
    const item = await makeItem(api);
    const ean = uniqueGtin13();
    const added = await api.request('POST', `/api/v1/items/${item.sku}/barcodes`, { code: ean });
    expect(added.statusCode).toBe(201);
    expect(added.json<Item>().barcodes).toEqual([{ code: `0${ean}`, kind: 'gtin' }]);
    await expectRefused(api, () => api.request('POST', `/api/v1/items/${item.sku}/barcodes`, { code: '4006381333932' }), 400, '/problems/validation', ['/code']);
    const removed = await api.request('DELETE', `/api/v1/items/${item.sku}/barcodes/${ean}`);
    expect(removed.json<Item>().barcodes).toEqual([]);
    await expectRefused(api, () => api.request('DELETE', `/api/v1/items/${item.sku}/barcodes/${ean}`), 404, '/problems/not-found');
  });

  it('updates an item with PATCH and refuses unknown or fixed fields', async () => {
    const item = await makeItem(api, { decimals: 2 });
    const response = await api.request('PATCH', `/api/v1/items/${item.sku}`, { name: 'Renamed', category: 'tools', reorderPoint: '3.25', unit: 'm' });
    expect(response.statusCode).toBe(200);
    expect(response.json<Item>()).toMatchObject({ name: 'Renamed', category: 'tools', reorderPoint: '3.25', unit: 'm', decimals: 2 });
    const patch = (body: unknown) => () => api.request('PATCH', `/api/v1/items/${item.sku}`, body);
    await expectRefused(api, patch({ name: 'x', colour: 'red' }), 400, '/problems/validation', ['/colour']);
    await expectRefused(api, patch({ decimals: 0 }), 400, '/problems/validation', ['/decimals']);
    await expectRefused(api, patch({ name: '' }), 400, '/problems/validation', ['/name']);
    await expectRefused(api, patch({ reorderPoint: '1.001' }), 400, '/problems/validation', ['/reorderPoint']);
    await expectRefused(api, () => api.request('PATCH', '/api/v1/items/NO-SUCH-SKU', { name: 'x' }), 404, '/problems/not-found');
    expect(await api.get<Item>(`/api/v1/items/${item.id}`)).toMatchObject({ name: 'Renamed', reorderPoint: '3.25' });
  });

  it('archives an item: hidden from lists, refused in new movements at the item field, back after restore', async () => {
    const item = await makeItem(api, { category: unique('cat') });
    const { binA } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, 4);
    expect((await api.post<Item>(`/api/v1/items/${item.sku}/archive`)).archived).toBe(true);
    expect((await api.get<{ data: Item[] }>(`/api/v1/items?search=${item.sku}`)).data).toEqual([]);
    expect((await api.get<{ data: Item[] }>(`/api/v1/items?search=${item.sku}&includeArchived=true`)).data.map((i) => i.id)).toEqual([item.id]);
    await expectRefused(api, () => api.request('POST', '/api/v1/receipts', { location: binA.code, lines: [{ item: item.sku, quantity: 1 }] }), 400, '/problems/validation', ['/lines/0/item']);
    await expectRefused(api, () => api.request('POST', '/api/v1/movements', { item: item.id, quantity: 1, from: binA.code, to: 'loss' }), 400, '/problems/validation', ['/item']);
    await expectRefused(api, () => api.request('POST', '/api/v1/movements/batch', { movements: [{ item: item.id, quantity: 1, from: binA.code, to: 'loss' }] }), 400, '/problems/validation', ['/movements/0/item']);
    expect((await api.post<Item>(`/api/v1/items/${item.sku}/restore`)).archived).toBe(false);
    await api.post('/api/v1/shipments', { location: binA.code, lines: [{ item: item.sku, quantity: 1 }] });
    expect(await onHandAt(api, item.sku, binA.code)).toBe('3');
  });

  it('lists with search, category and a cursor walk that returns every item exactly once', async () => {
    const category = unique('walk');
    const prefix = unique('Walk').toUpperCase();
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await makeItem(api, { sku: `${prefix}-${i}`, name: `Walker ${i}`, category }));
    const ean = uniqueGtin13();
    const scanned = await makeItem(api, { category: unique('other'), barcodes: [{ code: ean }] });

    const { rows, pages } = await allPages<Item>(api, `/api/v1/items?category=${category}&limit=3`);
    expect(pages).toBe(3);
    expect(rows.map((r) => r.id)).toEqual(made.map((m) => m.id));

    const searched = await api.get<{ data: Item[] }>(`/api/v1/items?search=${prefix.toLowerCase()}&limit=50`);
    expect(searched.data.map((i) => i.sku)).toEqual(made.map((m) => m.sku));
    expect((await api.get<{ data: Item[] }>(`/api/v1/items?search=${ean}`)).data.map((i) => i.id)).toEqual([scanned.id]);
    expect((await api.get<{ data: string[] }>('/api/v1/items/categories')).data).toContain(category);

    expectProblem(await api.request('GET', '/api/v1/items?cursor=forged'), 400, '/problems/validation', ['/cursor']);
    expectProblem(await api.request('GET', '/api/v1/items?limit=0'), 400, '/problems/validation', ['/querystring/limit']);
    expectProblem(await api.request('GET', '/api/v1/items?limit=501'), 400, '/problems/validation', ['/querystring/limit']);
  });

  it('leaves the ledger consistent', async () => {
    await expectConsistent(api);
  });
});
