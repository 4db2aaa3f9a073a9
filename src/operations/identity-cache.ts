import type { Executor } from '../db/schema.js';
import { resolveRefs } from './refs.js';

/**
 * The parts of items and locations that never change once created (an item's id, SKU and decimals;
 * a location's id, code and kind), remembered per process. Safe to share between server processes
 * because nothing can alter them; anything that can change (archived, sellable) must be checked
 * by the statement that uses these ids. Filled only from committed reads.
 */
export interface ItemIdentity {
  id: string;
  sku: string;
  decimals: number;
  tracking: 'none' | 'lot' | 'serial';
}

export interface LocationIdentity {
  id: string;
  code: string;
  kind: string;
}

const LIMIT = 100_000;
const items = new Map<string, ItemIdentity>();
const locations = new Map<string, LocationIdentity>();

function remember<T>(map: Map<string, T>, keys: string[], value: T): void {
  if (map.size >= LIMIT) map.clear();
  for (const key of keys) map.set(key, value);
}

/** Identifies an item and a location by id, SKU or code, asking the database only the first time. */
export async function identify(db: Executor, itemRef: string, locationRef: string): Promise<{ item: ItemIdentity; location: LocationIdentity }> {
  const item = items.get(itemRef);
  const location = locations.get(locationRef);
  if (item && location) return { item, location };
  const resolved = await resolveRefs(db, [{ ref: itemRef, path: '/item' }], [{ ref: locationRef, path: '/location' }]);
  const i = resolved.item(itemRef);
  const l = resolved.location(locationRef);
  const itemIdentity = { id: i.id, sku: i.sku, decimals: i.decimals, tracking: i.tracking };
  const locationIdentity = { id: l.id, code: l.code, kind: l.kind };
  remember(items, [itemRef, i.id], itemIdentity);
  remember(locations, [locationRef, l.id], locationIdentity);
  return { item: itemIdentity, location: locationIdentity };
}
