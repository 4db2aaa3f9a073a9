import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { allPages, makeApiKey, makeItem, unique } from '../support/factories.js';
import { addTerms, makeSupplier, type Supplier, type SupplierItem } from '../support/purchasing.js';
import { expectConsistent, expectProblem, expectRefused } from './assertions.js';

const BAD = '/problems/validation';

describe.each(DIALECTS)('suppliers on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  const create = (body: Record<string, unknown>) => () => api.request('POST', '/api/v1/suppliers', body);

  it('creates a supplier with contact, currency, lead time, terms and an exact tolerance', async () => {
    const code = unique('ACME');
    const response = await api.request('POST', '/api/v1/suppliers', {
      code, name: 'Acme Fasteners', email: 'sales@acme.test', phone: '+49 30 1234', address: 'Dock Road 1\n12345 Port',
      currency: 'eur', leadTimeDays: 14, paymentTerms: '30 days net', overReceiptTolerance: '2.5',
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<Supplier>()).toMatchObject({
      code, name: 'Acme Fasteners', email: 'sales@acme.test', phone: '+49 30 1234', address: 'Dock Road 1\n12345 Port',
      currency: 'EUR', leadTimeDays: 14, paymentTerms: '30 days net', overReceiptTolerance: '2.5', archived: false,
    });
    expect(await makeSupplier(api)).toMatchObject({ overReceiptTolerance: '0', leadTimeDays: null, email: null });
  });

  it('refuses bad suppliers at the field, creating nothing', async () => {
    const good = { code: unique('S'), name: 'x', currency: 'EUR' };
    await expectRefused(api, create({ ...good, currency: 'EURO' }), 400, BAD, ['/currency']);
    await expectRefused(api, create({ ...good, currency: 'ABC' }), 400, BAD, ['/currency']);
    await expectRefused(api, create({ ...good, overReceiptTolerance: '0.125' }), 400, BAD, ['/overReceiptTolerance']);
    await expectRefused(api, create({ ...good, overReceiptTolerance: '-1' }), 400, BAD, ['/overReceiptTolerance']);
    await expectRefused(api, create({ ...good, email: 'not-an-email' }), 400, BAD, ['/email']);
    await expectRefused(api, create({ ...good, leadTimeDays: 1.5 }), 400, BAD, ['/leadTimeDays']);
    await expectRefused(api, create({ ...good, code: 'has space' }), 400, BAD, ['/code']);
    await expectRefused(api, create({ ...good, colour: 'red' }), 400, BAD, ['/colour']);
    await expectRefused(api, create({ code: unique('S'), currency: 'EUR' }), 400, BAD, ['/name']);
    const taken = await makeSupplier(api);
    await expectRefused(api, create({ ...good, code: taken.code }), 409, '/problems/conflict', ['/code']);
  });

  it('gets by id or code, changes with PATCH and refuses a code change', async () => {
    const supplier = await makeSupplier(api);
    expect(await api.get<Supplier>(`/api/v1/suppliers/${supplier.code}`)).toMatchObject({ id: supplier.id });
    const patched = await api.request('PATCH', `/api/v1/suppliers/${supplier.id}`, { name: 'Renamed', currency: 'usd', overReceiptTolerance: 5, leadTimeDays: null });
    expect(patched.statusCode).toBe(200);
    expect(patched.json<Supplier>()).toMatchObject({ name: 'Renamed', currency: 'USD', overReceiptTolerance: '5', leadTimeDays: null });
    await expectRefused(api, () => api.request('PATCH', `/api/v1/suppliers/${supplier.id}`, { code: 'NEW' }), 400, BAD, ['/code']);
    await expectRefused(api, () => api.request('PATCH', `/api/v1/suppliers/${supplier.id}`, { currency: 'ZZZ' }), 400, BAD, ['/currency']);
    await expectRefused(api, () => api.request('PATCH', '/api/v1/suppliers/NO-SUCH', { name: 'x' }), 404, '/problems/not-found');
  });

  it('archives and restores, hiding archived suppliers from the list', async () => {
    const search = unique('Arch');
    const supplier = await makeSupplier(api, { name: search });
    expect((await api.post<Supplier>(`/api/v1/suppliers/${supplier.code}/archive`)).archived).toBe(true);
    expect((await api.get<{ data: Supplier[] }>(`/api/v1/suppliers?search=${search}`)).data).toEqual([]);
    expect((await api.get<{ data: Supplier[] }>(`/api/v1/suppliers?search=${search}&includeArchived=true`)).data.map((s) => s.id)).toEqual([supplier.id]);
    expect((await api.post<Supplier>(`/api/v1/suppliers/${supplier.code}/restore`)).archived).toBe(false);
  });

  it('pages through suppliers by code, each once', async () => {
    const prefix = unique('PAGE').toUpperCase();
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await makeSupplier(api, { code: `${prefix}-${i}` }));
    const { rows, pages } = await allPages<Supplier>(api, `/api/v1/suppliers?search=${prefix.toLowerCase()}&limit=2`);
    expect(pages).toBe(3);
    expect(rows.map((r) => r.code)).toEqual(made.map((m) => m.code));
    expectProblem(await api.request('GET', '/api/v1/suppliers?cursor=forged'), 400, BAD, ['/cursor']);
  });

  it('keeps terms per item × supplier with sorted price breaks, minimum, pack size and lead time', async () => {
    const supplier = await makeSupplier(api);
    const rope = await makeItem(api, { unit: 'm', decimals: 2 });
    const terms = await addTerms(api, supplier.code, {
      item: rope.sku, supplierSku: 'R-100', minOrderQuantity: '10.5', packSize: '0.5', leadTimeDays: 3,
      prices: [{ minQuantity: 100, unitPrice: '0.95' }, { minQuantity: '0', unitPrice: 1.2 }, { minQuantity: '50.25', unitPrice: '1.0999' }],
    });
    expect(terms).toMatchObject({
      supplier: { code: supplier.code, currency: 'EUR' }, item: { sku: rope.sku, unit: 'm' }, supplierSku: 'R-100',
      minOrderQuantity: '10.5', packSize: '0.5', leadTimeDays: 3, preferred: false,
      prices: [{ minQuantity: '0', unitPrice: '1.2' }, { minQuantity: '50.25', unitPrice: '1.0999' }, { minQuantity: '100', unitPrice: '0.95' }],
    });
    const changed = await api.request('PATCH', `/api/v1/suppliers/${supplier.code}/items/${rope.sku}`, { prices: [{ minQuantity: 0, unitPrice: '1.1' }], packSize: null });
    expect(changed.json<SupplierItem>()).toMatchObject({ prices: [{ minQuantity: '0', unitPrice: '1.1' }], packSize: null, minOrderQuantity: '10.5' });
    expect(await api.get<SupplierItem>(`/api/v1/suppliers/${supplier.id}/items/${rope.id}`)).toMatchObject({ supplierSku: 'R-100', packSize: null });
  });

  it('refuses bad terms at the field, changing nothing', async () => {
    const supplier = await makeSupplier(api);
    const rope = await makeItem(api, { unit: 'm', decimals: 2 });
    const add = (body: Record<string, unknown>) => () => api.request('POST', `/api/v1/suppliers/${supplier.code}/items`, { item: rope.sku, ...body });
    await expectRefused(api, add({ prices: [{ minQuantity: 1, unitPrice: '1' }, { minQuantity: '1.00', unitPrice: '2' }] }), 400, BAD, ['/prices/1/minQuantity']);
    await expectRefused(api, add({ prices: [{ minQuantity: '1.001', unitPrice: '1' }] }), 400, BAD, ['/prices/0/minQuantity']);
    await expectRefused(api, add({ prices: [{ minQuantity: 1, unitPrice: '0.00001' }] }), 400, BAD, ['/prices/0/unitPrice']);
    await expectRefused(api, add({ prices: [{ minQuantity: -1, unitPrice: '1' }] }), 400, BAD, ['/prices/0/minQuantity']);
    await expectRefused(api, add({ minOrderQuantity: '0' }), 400, BAD, ['/minOrderQuantity']);
    await expectRefused(api, add({ packSize: '0.125' }), 400, BAD, ['/packSize']);
    await expectRefused(api, add({ item: 'NO-SUCH-SKU' }), 400, BAD, ['/item']);
    await addTerms(api, supplier.code, { item: rope.sku });
    await expectRefused(api, add({}), 409, '/problems/conflict', ['/item']);
    const other = await makeItem(api);
    await expectRefused(api, () => api.request('PATCH', `/api/v1/suppliers/${supplier.code}/items/${other.sku}`, { supplierSku: 'x' }), 404, '/problems/not-found');
  });

  it('lets an item have several suppliers but at most one preferred, listed first', async () => {
    const item = await makeItem(api);
    const [a, b, c] = [await makeSupplier(api), await makeSupplier(api), await makeSupplier(api)];
    await addTerms(api, a.code, { item: item.sku, preferred: true });
    await addTerms(api, b.code, { item: item.sku });
    await addTerms(api, c.code, { item: item.sku, preferred: true });
    const suppliersOf = async () => (await api.get<{ data: SupplierItem[] }>(`/api/v1/items/${item.sku}/suppliers`)).data.map((t) => [t.supplier.code, t.preferred]);
    expect(await suppliersOf()).toEqual([[c.code, true], [a.code, false], [b.code, false]]);
    await api.request('PATCH', `/api/v1/suppliers/${b.code}/items/${item.sku}`, { preferred: true });
    expect(await suppliersOf()).toEqual([[b.code, true], [a.code, false], [c.code, false]]);
    const { rows, pages } = await allPages<SupplierItem>(api, `/api/v1/items/${item.sku}/suppliers?limit=1`);
    expect([pages, rows.map((t) => t.supplier.code)]).toEqual([3, [b.code, a.code, c.code]]);

    const removed = await api.request('DELETE', `/api/v1/suppliers/${b.code}/items/${item.sku}`);
    expect(removed.json<SupplierItem>()).toMatchObject({ preferred: true, supplier: { code: b.code } });
    expect(await suppliersOf()).toEqual([[a.code, false], [c.code, false]]);
    expect((await api.get<{ data: SupplierItem[] }>(`/api/v1/suppliers/${a.code}/items`)).data.map((t) => t.item.sku)).toEqual([item.sku]);
  });

  it('lets viewers read and operators edit, and records every change in the audit log', async () => {
    const [viewer, operator] = [await makeApiKey(api, 'viewer'), await makeApiKey(api, 'operator')];
    const as = (key: string, method: 'GET' | 'POST', url: string, payload?: object) =>
      api.app.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(payload && { payload }) });
    const supplier = await makeSupplier(api);
    expect((await as(viewer.key, 'GET', `/api/v1/suppliers/${supplier.code}`)).statusCode).toBe(200);
    await expectRefused(api, () => as(viewer.key, 'POST', '/api/v1/suppliers', { code: unique('V'), name: 'x', currency: 'EUR' }), 403, '/problems/forbidden');
    const byOperator = await as(operator.key, 'POST', '/api/v1/suppliers', { code: unique('O'), name: 'By operator', currency: 'GBP' });
    expect(byOperator.statusCode).toBe(201);
    const created = byOperator.json<Supplier>();
    await api.request('PATCH', `/api/v1/suppliers/${created.id}`, { paymentTerms: 'prepaid' });
    await api.post(`/api/v1/suppliers/${created.id}/archive`);
    const audit = await api.get<{ data: Array<{ action: string; actor: { id: string } }> }>(`/api/v1/audit?entityType=supplier&entityId=${created.id}`);
    expect(audit.data.map((e) => e.action)).toEqual(['supplier.archived', 'supplier.updated', 'supplier.created']);
    expect(audit.data[2]?.actor.id).toBe(`api-key:${operator.id}`);
  });

  it('leaves the ledger consistent', async () => {
    await expectConsistent(api);
  });
});
