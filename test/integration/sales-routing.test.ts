import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeLocation, receiveStock } from '../support/factories.js';
import { createSalesOrder, figuresAt, makeChannel, makeSite, stockedItem } from '../support/sales.js';
import { expectConsistent } from './assertions.js';

// Warehouses in Hamburg, Munich and Cologne; customers in Berlin and Frankfurt (micro-degree precision).
const HAMBURG = { latitude: '53.551086', longitude: '9.993682', region: 'north' };
const MUNICH = { latitude: '48.135125', longitude: '11.581981', region: 'south' };
const COLOGNE = { latitude: '50.937531', longitude: '6.960279', region: 'west' };
const BERLIN = { latitude: '52.520008', longitude: '13.404954' };
const FRANKFURT = { latitude: '50.110924', longitude: '8.682127' };

describe.each(DIALECTS)('fulfilment routing on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  async function network() {
    const ham = await makeSite(api, HAMBURG);
    const muc = await makeSite(api, MUNICH);
    const cgn = await makeSite(api, COLOGNE);
    return { ham, muc, cgn };
  }

  it('prefers the one site that can ship the whole order, and says how far it is', async () => {
    const { ham, muc, cgn } = await network();
    const cup = await stockedItem(api, [[ham.binA.code, 5], [muc.binA.code, 5], [cgn.binA.code, 1]]);
    const saucer = await stockedItem(api, [[ham.binA.code, 1], [muc.binB.code, 5], [cgn.binA.code, 5]]);
    const channel = await makeChannel(api, [ham.site.code, muc.site.code, cgn.site.code]);
    const order = await createSalesOrder(api, { channel: channel.code, address: { city: 'Berlin', ...BERLIN }, lines: [{ item: cup.sku, quantity: 2 }, { item: saucer.sku, quantity: 2 }] });
    // Hamburg is nearest but short of saucers; Munich has both.
    expect(order.routing).toEqual({ locations: [{ id: muc.site.id, code: muc.site.code }], reason: `${muc.site.code} can ship the whole order and is 504 km from the address` });
    expect(order.lines.flatMap((l) => l.holds.map((h) => h.location.code))).toEqual([muc.binA.code, muc.binB.code]);
  });

  it('ships from the closest of the sites that could, by coordinates, or by region without them', async () => {
    const { ham, muc, cgn } = await network();
    const cup = await stockedItem(api, [[ham.binA.code, 5], [muc.binA.code, 5], [cgn.binA.code, 5]]);
    const channel = await makeChannel(api, [ham.site.code, muc.site.code, cgn.site.code]);
    const toFrankfurt = await createSalesOrder(api, { channel: channel.code, address: FRANKFURT, lines: [{ item: cup.sku, quantity: 1 }] });
    expect(toFrankfurt.routing).toEqual({ locations: [{ id: cgn.site.id, code: cgn.site.code }], reason: `${cgn.site.code} can ship the whole order and is 153 km from the address` });
    const south = await createSalesOrder(api, { channel: channel.code, address: { region: 'South', city: 'Augsburg' }, lines: [{ item: cup.sku, quantity: 1 }] });
    expect(south.routing).toEqual({ locations: [{ id: muc.site.id, code: muc.site.code }], reason: `${muc.site.code} can ship the whole order and is in the address’s region (south)` });
    expect(south.address).toEqual({ region: 'South', city: 'Augsburg' });
  });

  it('splits across sites, nearest first, when no site has it all', async () => {
    const { ham, muc, cgn } = await network();
    const cup = await stockedItem(api, [[ham.binA.code, 2], [ham.binB.code, 1], [muc.binA.code, 4], [cgn.binA.code, 1]]);
    const channel = await makeChannel(api, [ham.site.code, muc.site.code]);
    const order = await createSalesOrder(api, { channel: channel.code, address: BERLIN, lines: [{ item: cup.sku, quantity: 5 }] });
    expect(order.routing).toEqual({
      locations: [{ id: ham.site.id, code: ham.site.code }, { id: muc.site.id, code: muc.site.code }],
      reason: `no single site can ship the whole order; split across ${ham.site.code} (255 km away), ${muc.site.code} (504 km away)`,
    });
    expect(order.lines[0]?.holds.map((h) => [h.location.code, h.quantity])).toEqual([[ham.binA.code, '2'], [ham.binB.code, '1'], [muc.binA.code, '2']].sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : 1)));
    expect(await figuresAt(api, cup.sku, muc.binA.code)).toMatchObject({ reserved: '2', available: '2' });
    // Cologne is not the channel's: its unit is never touched.
    expect(await figuresAt(api, cup.sku, cgn.binA.code)).toMatchObject({ reserved: '0' });
  });

  it('does not split for a channel without the split rule: the order fails, listing what one site could give', async () => {
    const { ham, muc } = await network();
    const cup = await stockedItem(api, [[ham.binA.code, 2], [muc.binA.code, 3]]);
    const channel = await makeChannel(api, [ham.site.code, muc.site.code], { routing: { rules: ['single_location', 'closest'] } });
    const refused = await api.request('POST', '/api/v1/sales-orders', { channel: channel.code, lines: [{ item: cup.sku, quantity: 4 }] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ shortfalls: unknown[] }>().shortfalls).toEqual([{ path: '/lines/0/quantity', item: cup.sku, location: channel.code, requested: '4', available: '3' }]);
    const backordering = await makeChannel(api, [ham.site.code, muc.site.code], { allowBackorders: true, routing: { rules: ['single_location'] } });
    const order = await createSalesOrder(api, { channel: backordering.code, lines: [{ item: cup.sku, quantity: 4 }] });
    expect(order).toMatchObject({ status: 'backordered', lines: [{ reserved: '3', backordered: '1' }], routing: { locations: [{ code: muc.site.code }] } });
    expect(order.routing?.reason).toBe(`no site can ship the whole order and the channel does not split orders; ${muc.site.code} ships the most`);
  });

  it('tries the channel’s priority sites first, and keeps to a location the order names', async () => {
    const { ham, muc } = await network();
    const cup = await stockedItem(api, [[ham.binA.code, 5], [muc.binA.code, 5], [muc.binB.code, 5]]);
    const channel = await makeChannel(api, [ham.site.code, muc.site.code], { routing: { rules: ['priority', 'single_location', 'closest', 'split'], priority: [muc.site.code] } });
    const order = await createSalesOrder(api, { channel: channel.code, address: BERLIN, lines: [{ item: cup.sku, quantity: 1 }] });
    expect(order.routing?.reason).toBe(`${muc.site.code} can ship the whole order and is first in the channel’s priority list and is 504 km from the address`);
    const named = await createSalesOrder(api, { channel: channel.code, location: muc.binB.code, lines: [{ item: cup.sku, quantity: 2 }] });
    expect(named.lines[0]?.holds.map((h) => h.location.code)).toEqual([muc.binB.code]);
    expect(named.routing?.reason).toBe(`the order asked for ${muc.binB.code}: ${muc.site.code} can ship the whole order`);
  });

  it('never routes to a location that is not sellable', async () => {
    const { ham } = await network();
    const quarantine = await makeLocation(api, 'bin', ham.site.code, { sellable: false });
    const cup = await stockedItem(api, [[quarantine.code, 9], [ham.binA.code, 1]]);
    const channel = await makeChannel(api, [ham.site.code], { allowBackorders: true });
    const order = await createSalesOrder(api, { channel: channel.code, lines: [{ item: cup.sku, quantity: 3 }] });
    expect(order.lines[0]).toMatchObject({ reserved: '1', backordered: '2', holds: [{ location: { code: ham.binA.code } }] });
    await receiveStock(api, cup.sku, ham.binB.code, 2);
    await expectConsistent(api);
  });
});
