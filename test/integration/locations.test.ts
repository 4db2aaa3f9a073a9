import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { allPages, makeItem, makeLocation, makeWarehouse, onHandAt, receiveStock, stockOf, unique } from '../support/factories.js';
import { expectConsistent, expectProblem, expectRefused } from './assertions.js';

interface Location {
  id: string;
  code: string;
  kind: string;
  virtualKind: string | null;
  parentId: string | null;
  siteId: string | null;
  sellable: boolean;
  allowNegative: boolean;
  archived: boolean;
}
type Node = Location & { children: Node[] };

describe.each(DIALECTS)('locations on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  const create = (body: Record<string, unknown>) => api.request('POST', '/api/v1/locations', body);

  it('builds a site → zone → bin tree, each knowing its site', async () => {
    const { site, zone, binA } = await makeWarehouse(api);
    const bin = await api.get<Location>(`/api/v1/locations/${binA.code}`);
    expect(bin).toMatchObject({ kind: 'bin', parentId: zone.id, siteId: site.id, sellable: true, allowNegative: false, archived: false });
    expect(await api.get<Location>(`/api/v1/locations/${site.id}`)).toMatchObject({ code: site.code, kind: 'site', parentId: null, siteId: site.id });
    const direct = await makeLocation(api, 'bin', site.code);
    expect(direct.siteId).toBe(site.id);
    expectProblem(await api.request('GET', '/api/v1/locations/NO-SUCH-CODE'), 404, '/problems/not-found');
  });

  it('refuses shapes a warehouse does not have at /parent', async () => {
    const { site, binA } = await makeWarehouse(api);
    await expectRefused(api, () => create({ code: unique('B'), name: 'orphan', kind: 'bin' }), 400, '/problems/validation', ['/parent']);
    await expectRefused(api, () => create({ code: unique('Z'), name: 'zone in bin', kind: 'zone', parent: binA.code }), 400, '/problems/validation', ['/parent']);
    await expectRefused(api, () => create({ code: unique('S'), name: 'site in site', kind: 'site', parent: site.code }), 400, '/problems/validation', ['/parent']);
    await expectRefused(api, () => create({ code: unique('B'), name: 'bin in supplier', kind: 'bin', parent: 'supplier' }), 400, '/problems/validation', ['/parent']);
    await expectRefused(api, () => create({ code: unique('V'), name: 'loose virtual', kind: 'virtual' }), 400, '/problems/validation', ['/parent']);
    await expectRefused(api, () => create({ code: unique('V'), name: 'virtual in site', kind: 'virtual', parent: site.code }), 400, '/problems/validation', ['/parent']);
    await expectRefused(api, () => create({ code: unique('B'), name: 'lost', kind: 'bin', parent: 'NO-SUCH-PARENT' }), 400, '/problems/validation', ['/parent']);
    await expectRefused(api, () => create({ code: 'has space', name: 'x', kind: 'site' }), 400, '/problems/validation', ['/code']);
    await expectRefused(api, () => create({ code: unique('X'), name: 'x', kind: 'shelf' }), 400, '/problems/validation', ['/kind']);
  });

  it('refuses a duplicate code with 409 at /code', async () => {
    const site = await makeLocation(api, 'site');
    await expectRefused(api, () => create({ code: site.code, name: 'again', kind: 'site' }), 409, '/problems/conflict', ['/code']);
    await expectRefused(api, () => create({ code: 'customer', name: 'shadow', kind: 'site' }), 409, '/problems/conflict', ['/code']);
  });

  it('counts nothing as available in a not-sellable location and refuses to ship or reserve from it', async () => {
    const site = await makeLocation(api, 'site');
    const qc = await makeLocation(api, 'zone', site.code, { sellable: false });
    const qcBin = await makeLocation(api, 'bin', qc.code);
    expect((await api.get<Location>(`/api/v1/locations/${qcBin.code}`)).sellable).toBe(false);
    const item = await makeItem(api);
    await receiveStock(api, item.sku, qcBin.code, 5);
    const stock = await stockOf(api, item.sku);
    expect(stock.locations).toEqual([expect.objectContaining({ onHand: '5', available: '0' })]);
    expect(stock.total).toMatchObject({ onHand: '5', available: '0' });
    await expectRefused(api, () => api.request('POST', '/api/v1/shipments', { location: qcBin.code, lines: [{ item: item.sku, quantity: 1 }] }), 400, '/problems/validation', ['/location']);
    await expectRefused(api, () => api.request('POST', '/api/v1/reservations', { item: item.sku, location: qcBin.code, quantity: 1 }), 400, '/problems/validation', ['/location']);

    const released = await api.request('PATCH', `/api/v1/locations/${qcBin.code}`, { sellable: true });
    expect(released.json<Location>().sellable).toBe(true);
    await api.post('/api/v1/shipments', { location: qcBin.code, lines: [{ item: item.sku, quantity: 2 }] });
    expect(await onHandAt(api, item.sku, qcBin.code)).toBe('3');
  });

  it('changes a location with PATCH and refuses unknown fields and virtual flags', async () => {
    const site = await makeLocation(api, 'site');
    expect((await api.request('PATCH', `/api/v1/locations/${site.code}`, { name: 'Main store' })).json<Location>()).toMatchObject({ code: site.code });
    await expectRefused(api, () => api.request('PATCH', `/api/v1/locations/${site.code}`, { code: 'NEW' }), 400, '/problems/validation', ['/code']);
    await expectRefused(api, () => api.request('PATCH', '/api/v1/locations/customer', { sellable: true }), 400, '/problems/validation', ['/sellable']);
    await expectRefused(api, () => api.request('PATCH', '/api/v1/locations/NO-SUCH', { name: 'x' }), 404, '/problems/not-found');
  });

  it('archives only an empty location without children', async () => {
    const { zone, binA } = await makeWarehouse(api);
    const item = await makeItem(api);
    await receiveStock(api, item.sku, binA.code, 3);
    await expectRefused(api, () => api.request('POST', `/api/v1/locations/${binA.code}/archive`), 422, '/problems/rule-violation');
    await expectRefused(api, () => api.request('POST', `/api/v1/locations/${zone.code}/archive`), 422, '/problems/rule-violation');
    await expectRefused(api, () => api.request('POST', '/api/v1/locations/supplier/archive'), 422, '/problems/rule-violation');

    await api.post('/api/v1/shipments', { location: binA.code, lines: [{ item: item.sku, quantity: 3 }] });
    expect((await api.post<Location>(`/api/v1/locations/${binA.code}/archive`)).archived).toBe(true);
    await expectRefused(api, () => api.request('POST', '/api/v1/receipts', { location: binA.code, lines: [{ item: item.sku, quantity: 1 }] }), 400, '/problems/validation', ['/location']);
    const listed = await api.get<{ data: Location[] }>(`/api/v1/locations?parent=${zone.code}`);
    expect(listed.data.map((l) => l.code)).not.toContain(binA.code);
    const withArchived = await api.get<{ data: Location[] }>(`/api/v1/locations?parent=${zone.code}&includeArchived=true`);
    expect(withArchived.data.map((l) => l.code)).toContain(binA.code);
  });

  it('serves the tree of sites with zones and bins nested, for all sites or one', async () => {
    const { site, zone, binA, binB } = await makeWarehouse(api);
    const other = await makeWarehouse(api);
    const one = await api.get<{ data: Node[] }>(`/api/v1/locations/tree?site=${site.code}`);
    expect(one.data).toHaveLength(1);
    const [root] = one.data;
    expect(root).toMatchObject({ code: site.code, children: [{ code: zone.code }] });
    expect(root?.children[0]?.children.map((b) => b.code).sort()).toEqual([binA.code, binB.code].sort());
    const all = await api.get<{ data: Node[] }>('/api/v1/locations/tree');
    expect(all.data.map((n) => n.code)).toEqual(expect.arrayContaining([site.code, other.site.code]));
    expect(all.data.every((n) => n.kind === 'site')).toBe(true);
    expectProblem(await api.request('GET', '/api/v1/locations/tree?site=NO-SUCH'), 404, '/problems/not-found', ['/site']);
  });

  it('keeps a named supplier as a virtual location under `supplier` that receipts may come from', async () => {
    const acme = await api.post<Location>('/api/v1/locations', { code: unique('ACME'), name: 'Acme Ltd', kind: 'virtual', parent: 'supplier' });
    expect(acme).toMatchObject({ kind: 'virtual', virtualKind: 'supplier', sellable: false, allowNegative: true, siteId: null });
    const { binA } = await makeWarehouse(api);
    const item = await makeItem(api);
    const receipt = await api.post<{ movements: Array<{ from: { code: string } }> }>('/api/v1/receipts', { location: binA.code, source: acme.code, lines: [{ item: item.sku, quantity: 4 }] });
    expect(receipt.movements[0]?.from.code).toBe(acme.code);
    await expectRefused(api, () => api.request('POST', '/api/v1/receipts', { location: binA.code, source: 'customer', lines: [{ item: item.sku, quantity: 1 }] }), 400, '/problems/validation', ['/source']);
    await expectRefused(api, () => api.request('POST', '/api/v1/receipts', { location: acme.code, lines: [{ item: item.sku, quantity: 1 }] }), 400, '/problems/validation', ['/location']);
    const history = await api.get<{ data: unknown[] }>(`/api/v1/movements?location=supplier&item=${item.sku}`);
    expect(history.data).toHaveLength(1);
  });

  it('lists by kind and pages through every location once', async () => {
    const site = await makeLocation(api, 'site');
    const bins = [];
    for (let i = 0; i < 5; i++) bins.push(await makeLocation(api, 'bin', site.code));
    const { rows, pages } = await allPages<Location>(api, `/api/v1/locations?site=${site.code}&kind=bin&limit=2`);
    expect(pages).toBe(3);
    expect(rows.map((r) => r.code).sort()).toEqual(bins.map((b) => b.code).sort());
    const virtual = await api.get<{ data: Location[] }>('/api/v1/locations?kind=virtual&limit=500');
    expect(virtual.data.map((l) => l.code)).toEqual(expect.arrayContaining(['supplier', 'customer', 'loss', 'transit', 'production', 'scrap']));
    expectProblem(await api.request('GET', '/api/v1/locations?kind=shelf'), 400, '/problems/validation', ['/querystring/kind']);
  });

  it('leaves the ledger consistent', async () => {
    await expectConsistent(api);
  });
});
