import { getItem, itemRefsByIds, listItems } from '../catalog/item-service.js';
import type { ChannelRow, Executor } from '../db/schema.js';
import { sellableFree } from '../ledger/sellable.js';
import { nowIso } from '../shared/time.js';
import { locationIdsWithin, locationRefsByIds, locationsByIds } from '../locations/location-service.js';
import type { LocationRef } from '../locations/location-types.js';
import type { Page } from '../shared/page.js';
import { formatScaled } from '../shared/quantity.js';
import { bufferForItem, channelAvailable } from './channel-rules.js';
import * as repo from './channel-repository.js';
import { requireChannel } from './channel-service.js';
import type { ChannelItemAvailability } from './channel-types.js';

/** More channels than this are not listed per item; a business has a handful. */
const MAX_CHANNELS = 500;
/** Sites hold zones hold bins; no tree is deeper than this. */
const MAX_DEPTH = 16;

/**
 * The physical, sellable, not archived locations a channel sells from: each location it names
 * and everything nested under it (a site means all its zones and bins).
 */
export async function channelSellableLocations(db: Executor, channelId: string): Promise<LocationRef[]> {
  const named = (await repo.channelLocationRows(db, [channelId])).map((l) => l.location_id);
  const within = await Promise.all(named.map((id) => locationIdsWithin(db, id)));
  const refs = await locationRefsByIds(db, within.flat());
  return [...refs.values()].filter((l) => l.kind !== 'virtual' && l.sellable && !l.archived).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/**
 * What a channel may sell of each item now: Σ (on hand − reserved) over its sellable locations,
 * minus its buffer (the item's own, else the channel's), never below zero. Items in the order given.
 */
export async function channelAvailability(db: Executor, channelId: string, itemIds: readonly string[]): Promise<ChannelItemAvailability[]> {
  const channel = await requireChannel(db, channelId);
  return availabilityOf(db, channel, itemIds);
}

async function availabilityOf(db: Executor, channel: ChannelRow, itemIds: readonly string[]): Promise<ChannelItemAvailability[]> {
  if (itemIds.length === 0) return [];
  const [locations, overrides, items] = await Promise.all([
    channelSellableLocations(db, channel.id), repo.itemBufferRows(db, channel.id, itemIds), itemRefsByIds(db, itemIds),
  ]);
  const free = await sellableFree(db, itemIds, locations.map((l) => l.id), nowIso().slice(0, 10));
  const override = new Map(overrides.map((o) => [o.item_id, Number(o.buffer)]));
  return itemIds.flatMap((itemId) => {
    const item = items.get(itemId);
    if (!item) return [];
    const buffer = override.get(itemId) ?? bufferForItem(Number(channel.buffer_micro), item.decimals);
    const perLocation = locations.map((l) => free.get(`${itemId}\u0000${l.id}`) ?? 0);
    const { stock, available } = channelAvailable(perLocation, buffer);
    return [{
      channel: { id: channel.id, code: channel.code }, item: { id: item.id, sku: item.sku },
      stock: formatScaled(stock, item.decimals), buffer: formatScaled(buffer, item.decimals), available: formatScaled(available, item.decimals),
    }];
  });
}

/**
 * Which channels sell from each of these locations (directly, or through a zone or site above
 * it), keyed by location id; archived channels are left out. A location no channel sells from
 * maps to an empty list.
 */
export async function channelsSellingFrom(db: Executor, locationIds: readonly string[]): Promise<Map<string, string[]>> {
  const chains = new Map(locationIds.map((id) => [id, [id]]));
  let frontier = [...new Set(locationIds)];
  const parentOf = new Map<string, string | null>();
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    for (const l of await locationsByIds(db, frontier)) parentOf.set(l.id, l.parentId);
    frontier = [...new Set(frontier.map((id) => parentOf.get(id)).filter((p): p is string => typeof p === 'string' && !parentOf.has(p)))];
  }
  for (const chain of chains.values()) {
    for (let parent = parentOf.get(chain[chain.length - 1] as string); parent; parent = parentOf.get(parent)) chain.push(parent);
  }
  const naming = await repo.channelsNaming(db, [...new Set([...chains.values()].flat())]);
  const result = new Map<string, string[]>();
  for (const [id, chain] of chains) {
    result.set(id, [...new Set(naming.filter((n) => chain.includes(n.location_id)).map((n) => n.channel_id))].sort());
  }
  return result;
}

/** A page of a channel's availability, one row per item (by SKU), or the one item asked for. */
export async function listChannelAvailability(db: Executor, ref: string, query: { item?: string | undefined; cursor?: string | undefined; limit: number }): Promise<Page<ChannelItemAvailability>> {
  const channel = await requireChannel(db, ref);
  if (query.item !== undefined) return { data: await availabilityOf(db, channel, [(await getItem(db, query.item)).id]), nextCursor: null };
  const items = await listItems(db, { cursor: query.cursor, limit: query.limit });
  return { data: await availabilityOf(db, channel, items.data.map((i) => i.id)), nextCursor: items.nextCursor };
}

/** One item's availability in every channel that is not archived, by channel code. */
export async function itemAvailability(db: Executor, itemRef: string): Promise<{ data: ChannelItemAvailability[] }> {
  const item = await getItem(db, itemRef);
  const channels = (await repo.listChannelRows(db, { limit: MAX_CHANNELS })).slice(0, MAX_CHANNELS);
  const rows = await Promise.all(channels.map((c) => availabilityOf(db, c, [item.id])));
  return { data: rows.flat() };
}
