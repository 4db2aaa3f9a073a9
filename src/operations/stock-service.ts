import { getItem, itemRefsByIds, listItems } from '../catalog/item-service.js';
import type { Executor } from '../db/schema.js';
import { listBalanceRows } from '../ledger/balance-repository.js';
import { replayOnHand } from '../ledger/movement-repository.js';
import { locationIdsWithin, locationRefsByIds, physicalLocations, virtualLocationIds } from '../locations/location-service.js';
import type { LocationRef } from '../locations/location-types.js';
import { decodeCursor, encodeCursor, type Page } from '../shared/page.js';
import { formatScaled } from '../shared/quantity.js';
import { nowIso, parseTimestamp } from '../shared/time.js';
import { sellableFree } from '../ledger/sellable.js';
import { incomingBySite } from '../purchasing/po-query-service.js';
import { figuresFor, sumFigures, type StockFigures } from './stock-rules.js';
import { sumInTransit } from './transfer-repository.js';

export interface StockText {
  onHand: string;
  reserved: string;
  available: string;
  inTransit: string;
  /** Still expected on open purchase orders; shown at the order's destination site. */
  incoming: string;
}

type Place = { id: string; code: string; name: string };

export interface StockRow extends StockText {
  item: { id: string; sku: string };
  location: Place & { siteId: string | null };
}

export interface ItemStock {
  item: { id: string; sku: string; unit: string };
  total: StockText;
  sites: Array<StockText & { site: Place }>;
  locations: Array<StockText & { location: Place & { siteId: string | null; sellable: boolean } }>;
}

const text = (f: StockFigures, decimals: number, incoming: number): StockText => ({
  onHand: formatScaled(f.onHand, decimals), reserved: formatScaled(f.reserved, decimals),
  available: formatScaled(f.available, decimals), inTransit: formatScaled(f.inTransit, decimals),
  incoming: formatScaled(incoming, decimals),
});
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const place = (l: LocationRef): Place => ({ id: l.id, code: l.code, name: l.name });

/** One item's stock in every physical location, rolled up per site and in total. */
export async function itemStock(db: Executor, ref: string): Promise<ItemStock> {
  const item = await getItem(db, ref);
  const [balances, transit, locations, incoming] = await Promise.all([
    listBalanceRows(db, { itemIds: [item.id], nonZeroOnly: true }),
    sumInTransit(db, { itemIds: [item.id] }),
    physicalLocations(db),
    incomingBySite(db, [item.id]),
  ]);
  const byId = new Map(locations.map((l) => [l.id, l]));
  const free = await sellableFree(db, [item.id], balances.map((b) => b.location_id), nowIso().slice(0, 10), balances);
  const perLocation = new Map<string, StockFigures>();
  for (const b of balances) {
    const location = byId.get(b.location_id);
    if (location) perLocation.set(location.id, figuresFor(b, location.sellable, 0, free.get(`${b.item_id}\u0000${b.location_id}`)));
  }
  for (const t of transit) {
    const location = byId.get(t.location_id);
    if (!location) continue;
    const current = perLocation.get(location.id) ?? figuresFor({ on_hand: 0, reserved: 0 }, location.sellable, 0);
    perLocation.set(location.id, { ...current, inTransit: current.inTransit + Number(t.quantity) });
  }
  // Purchase orders are delivered to a site, so what they bring shows on the site's own row and in its roll-up.
  const incomingAt = new Map<string, number>();
  for (const order of incoming) {
    const site = byId.get(order.siteId);
    if (!site) continue;
    incomingAt.set(site.id, (incomingAt.get(site.id) ?? 0) + order.quantity);
    if (!perLocation.has(site.id)) perLocation.set(site.id, figuresFor({ on_hand: 0, reserved: 0 }, site.sellable, 0));
  }
  const rows = [...perLocation]
    .map(([id, figures]) => ({ location: byId.get(id) as LocationRef, figures, incoming: incomingAt.get(id) ?? 0 }))
    .sort((a, b) => (a.location.code < b.location.code ? -1 : 1));
  const siteIds = [...new Set(rows.map((r) => r.location.siteId).filter((s): s is string => s !== null))];
  return {
    item: { id: item.id, sku: item.sku, unit: item.unit },
    total: text(sumFigures(rows.map((r) => r.figures)), item.decimals, sum(rows.map((r) => r.incoming))),
    sites: siteIds.map((siteId) => {
      const inSite = rows.filter((r) => r.location.siteId === siteId);
      return { site: place(byId.get(siteId) as LocationRef), ...text(sumFigures(inSite.map((r) => r.figures)), item.decimals, sum(inSite.map((r) => r.incoming))) };
    }),
    locations: rows.map((r) => ({ location: { ...place(r.location), siteId: r.location.siteId, sellable: r.location.sellable }, ...text(r.figures, item.decimals, r.incoming) })),
  };
}

/** Stock per item × physical location with stock or holds, filtered by item and/or location (with everything under it). */
export async function stockLevels(db: Executor, query: { item?: string | undefined; location?: string | undefined; cursor?: string | undefined; limit: number }): Promise<Page<StockRow>> {
  const itemIds = query.item === undefined ? undefined : [(await getItem(db, query.item)).id];
  // Without a location filter, every balance but those of the (few) virtual locations.
  const locationIds = query.location === undefined ? undefined : await locationIdsWithin(db, query.location);
  const excludeLocationIds = query.location === undefined ? await virtualLocationIds(db) : undefined;
  const after = query.cursor === undefined ? undefined : splitKey(decodeCursor<string>(query.cursor, 'string'));
  const rows = await listBalanceRows(db, { itemIds, locationIds, excludeLocationIds, after, nonZeroOnly: true, limit: query.limit });
  const pageRows = rows.slice(0, query.limit);
  const pageItemIds = [...new Set(pageRows.map((r) => r.item_id))];
  const [items, locations, transit, incoming, free] = await Promise.all([
    itemRefsByIds(db, pageRows.map((r) => r.item_id)),
    locationRefsByIds(db, pageRows.map((r) => r.location_id)),
    sumInTransit(db, { itemIds: pageItemIds }),
    incomingBySite(db, pageItemIds),
    sellableFree(db, pageItemIds, [...new Set(pageRows.map((r) => r.location_id))], nowIso().slice(0, 10), pageRows),
  ]);
  const transitOf = (itemId: string, locationId: string) => Number(transit.find((t) => t.item_id === itemId && t.location_id === locationId)?.quantity ?? 0);
  const incomingOf = (itemId: string, locationId: string) => sum(incoming.filter((o) => o.itemId === itemId && o.siteId === locationId).map((o) => o.quantity));
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.map((r) => {
      const item = items.get(r.item_id);
      const location = locations.get(r.location_id) as LocationRef;
      return {
        item: { id: r.item_id, sku: item?.sku ?? r.item_id },
        location: { ...place(location), siteId: location.siteId },
        ...text(figuresFor(r, location.sellable, transitOf(r.item_id, r.location_id), free.get(`${r.item_id}\u0000${r.location_id}`)), item?.decimals ?? 0, incomingOf(r.item_id, r.location_id)),
      };
    }),
    nextCursor: rows.length > query.limit && last ? encodeCursor(`${last.item_id}\u0000${last.location_id}`) : null,
  };
}

function splitKey(key: string): { itemId: string; locationId: string } {
  const [itemId = '', locationId = ''] = key.split('\u0000');
  return { itemId, locationId };
}

export interface StockAsOfRow {
  item: { id: string; sku: string };
  location: Place;
  onHand: string;
}

/**
 * On hand at a past moment, replayed from the ledger (movements with occurredAt ≤ at).
 * Paged by item so the replay stays bounded.
 */
export async function stockAsOf(db: Executor, query: { at: string; item?: string | undefined; cursor?: string | undefined; limit: number }): Promise<Page<StockAsOfRow>> {
  const at = parseTimestamp(query.at, '/at');
  const itemsPage = query.item === undefined
    ? await listItems(db, { includeArchived: true, cursor: query.cursor, limit: query.limit })
    : { data: [await getItem(db, query.item)], nextCursor: null };
  const items = new Map(itemsPage.data.map((i) => [i.id, i]));
  const replayed = await replayOnHand(db, { itemIds: [...items.keys()], asOf: at });
  const locations = await locationRefsByIds(db, replayed.map((r) => r.location_id));
  const data = replayed.flatMap((r) => {
    const location = locations.get(r.location_id);
    const item = items.get(r.item_id);
    if (!location || location.kind === 'virtual' || !item || Number(r.on_hand) === 0) return [];
    return [{ item: { id: item.id, sku: item.sku }, location: place(location), onHand: formatScaled(Number(r.on_hand), item.decimals) }];
  });
  return { data, nextCursor: itemsPage.nextCursor };
}
