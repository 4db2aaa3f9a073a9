import type { ItemRef } from '../catalog/item-types.js';
import type { BalanceRow, ChannelRow, Executor } from '../db/schema.js';
import { isSqlite } from '../db/dialect.js';
import { getBalanceForUpdate, listBalanceRows } from '../ledger/balance-repository.js';
import { holdTracked } from '../tracking/tracked-holds.js';
import { sellableFree } from '../ledger/sellable.js';
import { nowIso } from '../shared/time.js';
import { parseCoordinate } from '../locations/location-rules.js';
import { locationIdsWithin, locationsByIds } from '../locations/location-service.js';
import type { LocationRef } from '../locations/location-types.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { channelSellableLocations } from './availability-service.js';
import { bufferForItem, channelAvailable, type RoutingRule } from './channel-rules.js';
import { itemBufferRows } from './channel-repository.js';
import * as repo from './order-repository.js';
import type { Routing } from './order-types.js';
import { routeOrder, takeFromBins, type RoutingAddress, type RoutingSite } from './routing-rules.js';

/** A quantity of one order line still to be reserved. */
export interface Need {
  lineId: string;
  path: string;
  item: ItemRef;
  quantity: number;
}

export interface Take {
  need: Need;
  location: LocationRef;
  quantity: number;
}

export interface Plan {
  takes: Take[];
  /** Per need (same index), what could not be placed. */
  shortfalls: number[];
  routing: Routing;
}

/** A hold was refused because stock changed after the plan read it; the caller re-plans once. */
export class HoldRaceLost extends Error {
  constructor(readonly refusal: DomainError) {
    super(refusal.message);
    this.name = 'HoldRaceLost';
  }
}

/**
 * Decides where each need is reserved: the channel's sellable locations (within `within` when the
 * order named one), their available stock as read now, the channel's buffer as a cap per item, and
 * its routing rules across sites; inside a site, bins by `takeFromBins`. Reads only; the holds
 * are taken by `takeHolds`, whose conditional UPDATE is what guarantees nothing is oversold.
 */
export async function planAllocation(db: Executor, channel: ChannelRow, needs: Need[], options: { within: LocationRef | null; address: RoutingAddress }): Promise<Plan> {
  let sources = await channelSellableLocations(db, channel.id);
  if (options.within) {
    const inside = new Set(await locationIdsWithin(db, options.within.id));
    sources = sources.filter((s) => inside.has(s.id));
    if (sources.length === 0) throw invalidField('/location', `channel '${channel.code}' does not sell from '${options.within.code}'`);
  }
  const itemIds = [...new Set(needs.map((n) => n.item.id))];
  const [overrides, sites] = await Promise.all([itemBufferRows(db, channel.id, itemIds), locationsByIds(db, sources.map((s) => s.siteId ?? s.id))]);
  const override = new Map(overrides.map((o) => [o.item_id, Number(o.buffer)]));
  const buffers = new Map(needs.map((n) => [n.item.id, override.get(n.item.id) ?? bufferForItem(Number(channel.buffer_micro), n.item.decimals)]));
  const balances = await readBalances(db, itemIds, sources.map((s) => s.id), itemIds.filter((id) => (buffers.get(id) ?? 0) > 0));
  const free = await sellableFree(db, itemIds, sources.map((s) => s.id), nowIso().slice(0, 10), balances);
  const freeAt = (itemId: string, locationId: string) => free.get(`${itemId}\u0000${locationId}`) ?? 0;
  const caps = new Map(itemIds.map((id) => [id, channelAvailable(sources.map((s) => freeAt(id, s.id)), buffers.get(id) ?? 0).available]));
  const routingSites: RoutingSite[] = sites.map((site) => {
    const bins = sources.filter((s) => (s.siteId ?? s.id) === site.id);
    return {
      id: site.id, code: site.code, region: site.region,
      latitude: site.latitude === null ? null : parseCoordinate(site.latitude, 'latitude', '/latitude'),
      longitude: site.longitude === null ? null : parseCoordinate(site.longitude, 'longitude', '/longitude'),
      available: new Map(itemIds.map((itemId) => [itemId, bins.reduce((sum, b) => sum + freeAt(itemId, b.id), 0)])),
    };
  });
  const rules: RoutingRule[] = options.within ? ['single_location', 'split'] : (JSON.parse(channel.routing_rules) as RoutingRule[]);
  const priority = JSON.parse(channel.priority_location_ids) as string[];
  const decision = routeOrder(needs.map((n) => ({ itemId: n.item.id, quantity: n.quantity })), routingSites, rules, priority, options.address, caps);

  const takes: Take[] = [];
  needs.forEach((need, i) => {
    for (const part of decision.allocations[i] ?? []) {
      const bins = sources.filter((s) => (s.siteId ?? s.id) === part.siteId).map((b) => ({ ...b, available: freeAt(need.item.id, b.id) }));
      for (const take of takeFromBins(bins, part.quantity).takes) {
        const location = sources.find((s) => s.id === take.id) as LocationRef;
        takes.push({ need, location, quantity: take.quantity });
        free.set(`${need.item.id}\u0000${take.id}`, freeAt(need.item.id, take.id) - take.quantity);
      }
    }
  });
  const codeOf = new Map(sites.map((s) => [s.id, s.code]));
  const reason = options.within ? `the order asked for ${options.within.code}: ${decision.reason}` : decision.reason;
  return { takes, shortfalls: decision.shortfalls, routing: { locations: decision.sites.map((id) => ({ id, code: codeOf.get(id) ?? id })), reason } };
}

/**
 * The balances a plan works from. The conditional UPDATE of each hold guards physical stock by
 * itself, but a buffer is a limit on the sum over many rows: for a buffered item on PostgreSQL the
 * rows are read locked (in item × location order, so concurrent orders queue rather than deadlock)
 * until the order commits, so two orders cannot both see the same units above the buffer. SQLite
 * runs one write at a time, so its reads are already exact.
 */
async function readBalances(db: Executor, itemIds: string[], locationIds: string[], buffered: string[]): Promise<BalanceRow[]> {
  const rows = await listBalanceRows(db, { itemIds, locationIds });
  if (buffered.length === 0 || isSqlite(db)) return rows;
  const locked = rows.filter((r) => buffered.includes(r.item_id)).sort((a, b) => (a.item_id + a.location_id < b.item_id + b.location_id ? -1 : 1));
  const fresh = new Map<string, BalanceRow>();
  for (const r of locked) fresh.set(`${r.item_id}\u0000${r.location_id}`, await getBalanceForUpdate(db, 'postgres', r.item_id, r.location_id));
  return rows.map((r) => fresh.get(`${r.item_id}\u0000${r.location_id}`) ?? r);
}

/**
 * Takes the planned holds in the caller's transaction, each with the ledger's one conditional
 * UPDATE, in item × location order so concurrent orders lock balance rows in the same order.
 * The link rows go in first, so the contended balance rows are touched last and locked briefly.
 */
export async function takeHolds(
  trx: Executor, ctx: CommandContext, order: { id: string; number: string }, takes: Take[], expiresAt: string | null, now: string,
): Promise<void> {
  const sorted = takes.map((t) => ({ ...t, id: newId() })).sort((a, b) => (a.need.item.id + a.location.id < b.need.item.id + b.location.id ? -1 : 1));
  await repo.insertHolds(trx, sorted.map((t) => ({ reservation_id: t.id, sales_order_id: order.id, line_id: t.need.lineId, location_id: t.location.id })));
  for (const take of sorted) {
    try {
      await holdTracked(trx, {
        id: take.id, itemId: take.need.item.id, locationId: take.location.id, quantity: take.quantity, expiresAt, reference: order.number,
        actor: ctx.actor.id, now, path: take.need.path, display: { sku: take.need.item.sku, decimals: take.need.item.decimals, locationCode: take.location.code },
      }, take.need.item.tracking);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'insufficient-stock') throw new HoldRaceLost(error);
      throw error;
    }
  }
}
