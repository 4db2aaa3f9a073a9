import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelAvailability, channelsSellingFrom } from '../../src/sales/availability-service.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeItem, makeLocation, receiveStock } from '../support/factories.js';
import { availabilityOf, makeChannel, makeSite, stockedItem, type Channel, type ChannelItemAvailability } from '../support/sales.js';
import { expectConsistent, expectRefused } from './assertions.js';

const BAD = '/problems/validation';

describe.each(DIALECTS)('sales channels on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  it('creates, reads, lists, changes, archives and restores a channel', async () => {
    const north = await makeSite(api);
    const south = await makeSite(api);
    const item = await makeItem(api, { decimals: 2 });
    const created = await makeChannel(api, [north.site.code, south.binA.id], {
      kind: 'marketplace', buffer: '2', itemBuffers: [{ item: item.sku, buffer: '0.5' }], allowBackorders: true,
      routing: { rules: ['priority', 'single_location', 'split'], priority: [south.site.code] },
    });
    expect(created).toMatchObject({
      kind: 'marketplace', buffer: '2', allowBackorders: true, archived: false,
      itemBuffers: [{ item: { id: item.id, sku: item.sku }, buffer: '0.5' }],
      routing: { rules: ['priority', 'single_location', 'split'], priority: [{ id: south.site.id, code: south.site.code }] },
    });
    expect(created.locations.map((l) => [l.code, l.kind]).sort()).toEqual([[north.site.code, 'site'], [south.binA.code, 'bin']].sort());
    expect(await api.get(`/api/v1/channels/${created.code}`)).toEqual(created);
    const defaults = await makeChannel(api, [north.site.code]);
    expect(defaults).toMatchObject({ kind: 'web', buffer: '0', itemBuffers: [], allowBackorders: false, routing: { rules: ['single_location', 'closest', 'split'], priority: [] } });

    const patched = await api.request('PATCH', `/api/v1/channels/${created.id}`, { name: 'Marketplace EU', locations: [south.site.code], buffer: '1.25', itemBuffers: [] });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json<Channel>()).toMatchObject({ name: 'Marketplace EU', buffer: '1.25', itemBuffers: [], locations: [{ code: south.site.code }] });

    expect(await api.post(`/api/v1/channels/${created.code}/archive`)).toMatchObject({ archived: true });
    const listed = await api.get<{ data: Channel[] }>('/api/v1/channels?limit=500');
    expect(listed.data.map((c) => c.code)).not.toContain(created.code);
    const withArchived = await api.get<{ data: Channel[] }>('/api/v1/channels?limit=500&includeArchived=true');
    expect(withArchived.data.map((c) => c.code)).toContain(created.code);
    expect(await api.post(`/api/v1/channels/${created.code}/restore`)).toMatchObject({ archived: false });
    const paged = await api.get<{ data: Channel[]; nextCursor: string | null }>('/api/v1/channels?limit=1');
    expect(paged.data).toHaveLength(1);
    expect(paged.nextCursor).not.toBeNull();
  });

  it('refuses bad channels at the field, changing nothing', async () => {
    const { site, binA } = await makeSite(api);
    const taken = await makeChannel(api, [site.code]);
    const good = { code: 'GOOD-CH', name: 'Good', kind: 'web', locations: [site.code] };
    const create = (body: Record<string, unknown>) => () => api.request('POST', '/api/v1/channels', { ...good, ...body });
    await expectRefused(api, create({ locations: ['NO-SUCH-LOC'] }), 400, BAD, ['/locations/0']);
    await expectRefused(api, create({ locations: [site.code, 'customer'] }), 400, BAD, ['/locations/1']);
    await expectRefused(api, create({ locations: [] }), 400, BAD, ['/locations']);
    await expectRefused(api, create({ buffer: '0.0000001' }), 400, BAD, ['/buffer']);
    await expectRefused(api, create({ buffer: '-1' }), 400, BAD, ['/buffer']);
    await expectRefused(api, create({ itemBuffers: [{ item: 'NO-SUCH-SKU', buffer: 1 }] }), 400, BAD, ['/itemBuffers/0/item']);
    await expectRefused(api, create({ kind: 'fax' }), 400, BAD, ['/kind']);
    await expectRefused(api, create({ routing: { rules: ['priority'] } }), 400, BAD, ['/routing/rules']);
    await expectRefused(api, create({ routing: { rules: ['split', 'split'] } }), 400, BAD, ['/routing/rules']);
    await expectRefused(api, create({ routing: { priority: [binA.code] } }), 400, BAD, ['/routing/priority/0']);
    await expectRefused(api, create({ code: taken.code }), 409, '/problems/conflict', ['/code']);
    await expectRefused(api, () => api.request('PATCH', `/api/v1/channels/${taken.code}`, { buffer: 'lots' }), 400, BAD, ['/buffer']);
    await expectRefused(api, () => api.request('GET', '/api/v1/channels/NO-SUCH-CH'), 404, '/problems/not-found');
  });

  it('gives sites coordinates and a region, and refuses them elsewhere or out of range', async () => {
    const site = await makeLocation(api, 'site', undefined, { latitude: '52.520008', longitude: 13.404954, region: 'DE-BE' });
    expect(site).toMatchObject({ latitude: '52.520008', longitude: '13.404954', region: 'DE-BE' });
    const patched = await api.request('PATCH', `/api/v1/locations/${site.code}`, { latitude: null, region: 'north' });
    expect(patched.json()).toMatchObject({ latitude: null, longitude: '13.404954', region: 'north' });
    const post = (body: Record<string, unknown>) => () => api.request('POST', '/api/v1/locations', { code: 'GEO-X', name: 'x', kind: 'site', ...body });
    await expectRefused(api, post({ latitude: '91' }), 400, BAD, ['/latitude']);
    await expectRefused(api, post({ longitude: '-180.000001' }), 400, BAD, ['/longitude']);
    await expectRefused(api, post({ latitude: '1.0000001' }), 400, BAD, ['/latitude']);
    await expectRefused(api, post({ kind: 'bin', parent: site.code, region: 'north' }), 400, BAD, ['/region']);
  });

  it('availability is the sellable stock of its locations minus the buffer, never below zero', async () => {
    const one = await makeSite(api);
    const other = await makeSite(api);
    const quarantine = await makeLocation(api, 'bin', one.site.code, { sellable: false });
    const item = await stockedItem(api, [[one.binA.code, 7], [one.binB.code, 3], [quarantine.code, 4], [other.binA.code, 5]]);
    await api.post('/api/v1/reservations', { item: item.sku, location: one.binA.code, quantity: '2' });
    const web = await makeChannel(api, [one.site.code], { buffer: '1' });
    const store = await makeChannel(api, [one.binB.code, other.site.code], { kind: 'pos', itemBuffers: [{ item: item.sku, buffer: 20 }] });
    expect(await availabilityOf(api, web.code, item.sku)).toMatchObject({ stock: '8', buffer: '1', available: '7' });
    expect(await availabilityOf(api, store.code, item.sku)).toMatchObject({ stock: '8', buffer: '20', available: '0' });

    const perItem = await api.get<{ data: ChannelItemAvailability[] }>(`/api/v1/items/${item.sku}/availability`);
    const mine = perItem.data.filter((r) => [web.code, store.code].includes(r.channel.code));
    expect(mine.map((r) => [r.channel.code, r.available]).sort()).toEqual([[store.code, '0'], [web.code, '7']].sort());

    // A channel-wide buffer finer than a counted item's unit withholds a whole unit.
    await api.request('PATCH', `/api/v1/channels/${web.code}`, { buffer: '0.5' });
    expect(await availabilityOf(api, web.code, item.sku)).toMatchObject({ buffer: '1', available: '7' });

    const page = await api.get<{ data: ChannelItemAvailability[]; nextCursor: string | null }>(`/api/v1/channels/${web.code}/availability?limit=1`);
    expect(page.data).toHaveLength(1);
    expect(page.nextCursor).not.toBeNull();
    await expectRefused(api, () => api.request('GET', `/api/v1/channels/${web.code}/availability?item=NO-SUCH`), 404, '/problems/not-found');

    // The service functions the channel feed builds on.
    const db = api.db.store.db;
    expect(await channelAvailability(db, web.id, [item.id])).toEqual([await availabilityOf(api, web.code, item.sku)]);
    const selling = await channelsSellingFrom(db, [one.binA.id, one.binB.id, other.binB.id, quarantine.id, 'customer']);
    expect(selling.get(one.binA.id)).toEqual([web.id]);
    expect(selling.get(one.binB.id)).toEqual([web.id, store.id].sort());
    expect(selling.get(other.binB.id)).toEqual([store.id]);
    expect(selling.get('customer')).toEqual([]);
    await receiveStock(api, item.sku, other.binB.code, 1);
    expect(await availabilityOf(api, store.code, item.sku)).toMatchObject({ stock: '9', available: '0' });
    await expectConsistent(api);
  });
});
