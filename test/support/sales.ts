import type { Channel, ChannelItemAvailability } from '../../src/sales/channel-types.js';
import type { SalesOrder } from '../../src/sales/order-types.js';
import type { TestApi } from './api.js';
import { makeItem, makeLocation, receiveStock, unique, type ItemJson, type LocationJson } from './factories.js';

export type { Channel, ChannelItemAvailability, SalesOrder };
export { settled } from './events.js';

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

export async function createSalesOrder(api: TestApi, body: Record<string, unknown>, headers?: Record<string, string>): Promise<SalesOrder> {
  return api.post<SalesOrder>('/api/v1/sales-orders', body, headers);
}

export async function orderAction(api: TestApi, order: { id: string }, action: 'pick' | 'ship' | 'deliver' | 'cancel' | 'confirm' | 'allocate', body: Record<string, unknown> = {}) {
  return api.request('POST', `/api/v1/sales-orders/${order.id}/${action}`, body);
}

export async function getSalesOrder(api: TestApi, order: { id: string }): Promise<SalesOrder> {
  return api.get<SalesOrder>(`/api/v1/sales-orders/${order.id}`);
}

/** The figures of an item at one location from the stock API ("0" where it has nothing). */
export async function figuresAt(api: TestApi, item: string, code: string): Promise<{ onHand: string; reserved: string; available: string }> {
  const stock = await api.get<{ locations: Array<{ location: { code: string }; onHand: string; reserved: string; available: string }> }>(`/api/v1/items/${encodeURIComponent(item)}/stock`);
  const row = stock.locations.find((l) => l.location.code === code);
  return row ? { onHand: row.onHand, reserved: row.reserved, available: row.available } : { onHand: '0', reserved: '0', available: '0' };
}

/** Payloads of every event of one type in the outbox (numbered or not), oldest first. */
export async function eventsOfType(api: TestApi, type: string): Promise<Array<Record<string, unknown>>> {
  const rows = await api.db.store.db.selectFrom('events').select(['type', 'payload']).where('type', '=', type).orderBy('id').execute();
  return rows.map((r) => JSON.parse(r.payload) as Record<string, unknown>);
}

