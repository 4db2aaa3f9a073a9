import type { Channel, ChannelItemAvailability } from '../../src/sales/channel-types.js';
import type { TestApi } from './api.js';
import { makeItem, makeLocation, receiveStock, unique, type ItemJson, type LocationJson } from './factories.js';

export type { Channel, ChannelItemAvailability };

export async function makeChannel(api: TestApi, locations: string[], overrides: Record<string, unknown> = {}): Promise<Channel> {
  return api.post<Channel>('/api/v1/channels', { code: unique('CH'), name: 'Test channel', kind: 'web', locations, ...overrides });
}

/** A site with a zone and two bins; the site may carry coordinates or a region. */
export async function makeSite(api: TestApi, geography: Record<string, unknown> = {}): Promise<{ site: LocationJson; binA: LocationJson; binB: LocationJson }> {
  const site = await makeLocation(api, 'site', undefined, geography);
  const zone = await makeLocation(api, 'zone', site.code);
  const binA = await makeLocation(api, 'bin', zone.code);
  const binB = await makeLocation(api, 'bin', zone.code);
  return { site, binA, binB };
}

/** An item with `quantity` received into each of the given bins. */
export async function stockedItem(api: TestApi, stock: Array<[bin: string, quantity: string | number]>, overrides: Record<string, unknown> = {}): Promise<ItemJson> {
  const item = await makeItem(api, overrides);
  for (const [bin, quantity] of stock) await receiveStock(api, item.sku, bin, quantity);
  return item;
}

export async function availabilityOf(api: TestApi, channel: string, item: string): Promise<ChannelItemAvailability> {
  const page = await api.get<{ data: ChannelItemAvailability[] }>(`/api/v1/channels/${encodeURIComponent(channel)}/availability?item=${encodeURIComponent(item)}`);
  const row = page.data[0];
  if (!row) throw new Error(`no availability of ${item} in ${channel}`);
  return row;
}
