import type { Executor } from '../db/schema.js';
import type { FieldRef } from '../shared/references.js';
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

/**
 * One cache per database handle: a process may hold several databases (tests, the bench), and
 * the same SKU or code names a different id in each.
 */
const caches = new WeakMap<Executor, { items: Map<string, ItemIdentity>; locations: Map<string, LocationIdentity> }>();

function cacheOf(db: Executor) {
  let cache = caches.get(db);
  if (!cache) {
    cache = { items: new Map(), locations: new Map() };
    caches.set(db, cache);
  }
  return cache;
}

function remember<T>(map: Map<string, T>, keys: string[], value: T): void {
  if (map.size >= LIMIT) map.clear();
  for (const key of keys) map.set(key, value);
}

/** Identifies an item and a location by id, SKU or code, asking the database only the first time. */
export async function identify(db: Executor, itemRef: string, locationRef: string): Promise<{ item: ItemIdentity; location: LocationIdentity }> {
  const { item, locations: [location] } = await identifyAll(db, { ref: itemRef, path: '/item' }, [{ ref: locationRef, path: '/location' }]);
  return { item, location: location as LocationIdentity };
}

/** Identifies a movement's item and its two locations; a reference never seen is resolved (and refused) at its field. */
export async function identifyMovement(db: Executor, path: string, refs: { item: string; from: string; to: string }): Promise<{ item: ItemIdentity; from: LocationIdentity; to: LocationIdentity }> {
  const { item, locations: [from, to] } = await identifyAll(db, { ref: refs.item, path: `${path}/item` }, [{ ref: refs.from, path: `${path}/from` }, { ref: refs.to, path: `${path}/to` }]);
  return { item, from: from as LocationIdentity, to: to as LocationIdentity };
}

async function identifyAll(db: Executor, itemRef: FieldRef, locationRefs: FieldRef[]): Promise<{ item: ItemIdentity; locations: LocationIdentity[] }> {
  const { items, locations } = cacheOf(db);
  const item = items.get(itemRef.ref);
  const known = locationRefs.map((l) => locations.get(l.ref));
  if (item && known.every((l) => l !== undefined)) return { item, locations: known as LocationIdentity[] };
  const resolved = await resolveRefs(db, [itemRef], locationRefs);
  const i = resolved.item(itemRef.ref);
  const itemIdentity = { id: i.id, sku: i.sku, decimals: i.decimals, tracking: i.tracking };
  remember(items, [itemRef.ref, i.id], itemIdentity);
  const locationIdentities = locationRefs.map(({ ref }) => {
    const l = resolved.location(ref);
    const identity = { id: l.id, code: l.code, kind: l.kind };
    remember(locations, [ref, l.id], identity);
    return identity;
  });
  return { item: itemIdentity, locations: locationIdentities };
}
