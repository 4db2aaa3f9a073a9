import { findItemByBarcode, getItem, itemRefsByIds, resolveItemRefs } from '../catalog/item-service.js';
import type { Executor } from '../db/schema.js';
import { listBalanceRows } from '../ledger/balance-repository.js';
import { locationIdsWithin, physicalLocations, resolveLocationRefs } from '../locations/location-service.js';
import type { LocationRef } from '../locations/location-types.js';
import { valueAtCommonScale } from '../reports/report-rules.js';
import { DomainError, invalidField } from '../shared/errors.js';
import type { FieldRef } from '../shared/references.js';
import { dueByAbc } from './abc-rules.js';
import * as repo from './count-repository.js';
import type { CountScopeInput, StoredScope } from './count-types.js';

/** A count snapshots at most this many item × location lines, so one request stays bounded. */
export const MAX_COUNT_LINES = 20_000;

/** Resolves the site, bins and items a new count names, each bad reference reported at its field. */
export async function resolveScope(db: Executor, scope: CountScopeInput): Promise<{ site: LocationRef; stored: StoredScope }> {
  const binRefs = scope.type === 'selection' ? (scope.bins ?? []) : [];
  const itemRefs = scope.type === 'selection' ? (scope.items ?? []) : [];
  if (scope.type === 'selection' && binRefs.length === 0 && itemRefs.length === 0) throw invalidField('/scope', 'name at least one bin or item');
  const locations = await resolveLocationRefs(db, [{ ref: scope.site, path: '/scope/site' }, ...binRefs.map((ref, i) => ({ ref, path: `/scope/bins/${i}` }))]);
  const site = locations.get(scope.site) as LocationRef;
  if (site.kind !== 'site') throw invalidField('/scope/site', `'${scope.site}' is a ${site.kind}; a count belongs to a site`);
  binRefs.forEach((ref, i) => {
    const bin = locations.get(ref) as LocationRef;
    if (bin.kind === 'virtual' || bin.siteId !== site.id) throw invalidField(`/scope/bins/${i}`, `'${ref}' is not a location in site ${site.code}`);
  });
  const items = await resolveItemRefs(db, itemRefs.map((ref, i) => ({ ref, path: `/scope/items/${i}` })));
  itemRefs.forEach((ref, i) => {
    const item = resolveOrThrow(items, ref);
    if (item.tracking !== 'none') throw invalidField(`/scope/items/${i}`, untrackedOnly(item.sku, item.tracking));
  });
  const unique = <T extends { id: string }>(values: T[]) => [...new Map(values.map((v) => [v.id, v])).values()];
  return {
    site,
    stored: {
      type: scope.type,
      bins: unique(binRefs.map((ref) => locations.get(ref) as LocationRef)).map((b) => ({ id: b.id, code: b.code })),
      items: unique(itemRefs.map((ref) => resolveOrThrow(items, ref))).map((i) => ({ id: i.id, sku: i.sku })),
      days: scope.type === 'not-counted' ? scope.days : null,
    },
  };
}

function resolveOrThrow<T>(map: Map<string, T>, ref: string): T {
  const value = map.get(ref);
  if (value === undefined) throw new Error(`${ref} was not resolved`);
  return value;
}

/**
 * Lot- and serial-tracked stock is adjusted per lot or serial, which a count line (item × location)
 * does not record yet; such items are left out of snapshots and refused as entries.
 */
export function untrackedOnly(sku: string, tracking: string): string {
  return `'${sku}' is ${tracking}-tracked: counts cover untracked items only; adjust it per ${tracking} with POST /api/v1/adjustments`;
}

async function trackedItemIds(db: Executor, itemIds: string[]): Promise<Set<string>> {
  const items = await itemRefsByIds(db, itemIds);
  return new Set([...items.values()].filter((i) => i.tracking !== 'none').map((i) => i.id));
}

/** Where counters may enter quantities: the chosen bins (and what is under them), or the whole site. */
export async function countArea(db: Executor, siteId: string, scope: StoredScope): Promise<Set<string>> {
  if (scope.bins.length === 0) return new Set((await physicalLocations(db, siteId)).map((l) => l.id));
  const nested = await Promise.all(scope.bins.map((b) => locationIdsWithin(db, b.id)));
  return new Set(nested.flat());
}

export interface ExpectedLine {
  itemId: string;
  locationId: string;
  onHand: number;
}

/** The item × location balances a count expects to find, read when counting starts. */
export async function expectedLines(db: Executor, siteId: string, scope: StoredScope, now: Date): Promise<ExpectedLine[]> {
  const area = [...(await countArea(db, siteId, scope))];
  const itemIds = scope.items.length > 0 ? scope.items.map((i) => i.id) : undefined;
  const balances = await listBalanceRows(db, { locationIds: area, itemIds, nonZeroOnly: true, limit: MAX_COUNT_LINES });
  if (balances.length > MAX_COUNT_LINES) {
    throw new DomainError('rule-violation', `the scope holds more than ${MAX_COUNT_LINES} item × location balances; count fewer bins or items at a time`);
  }
  const tracked = await trackedItemIds(db, balances.map((b) => b.item_id));
  const lines = balances.filter((b) => Number(b.on_hand) !== 0 && !tracked.has(b.item_id)).map((b) => ({ itemId: b.item_id, locationId: b.location_id, onHand: Number(b.on_hand) }));
  if (scope.type === 'not-counted') {
    const last = await repo.lastCountedAt(db, siteId);
    const cutoff = now.getTime() - (scope.days ?? 0) * 86_400_000;
    return lines.filter((l) => {
      const at = last.get(l.itemId);
      return at === undefined || Date.parse(at) <= cutoff;
    });
  }
  if (scope.type === 'abc') {
    const due = new Set(dueByAbc(await siteValues(db, lines), await repo.lastCountedAt(db, siteId), now));
    return lines.filter((l) => due.has(l.itemId));
  }
  return lines;
}

/** Each item's stock value at the site, brought to one scale so items of any precision rank together. */
async function siteValues(db: Executor, lines: ExpectedLine[]): Promise<Array<{ itemId: string; value: bigint }>> {
  const itemIds = [...new Set(lines.map((l) => l.itemId))];
  const [costs, items] = await Promise.all([repo.lastUnitCosts(db, itemIds), itemRefsByIds(db, itemIds)]);
  const values = new Map<string, bigint>();
  for (const line of lines) {
    const cost = costs.get(line.itemId) ?? 0;
    const decimals = items.get(line.itemId)?.decimals ?? 0;
    values.set(line.itemId, (values.get(line.itemId) ?? 0n) + valueAtCommonScale(Math.max(0, line.onHand), decimals, cost));
  }
  return [...values].map(([itemId, value]) => ({ itemId, value }));
}

export interface ScannedItem {
  id: string;
  sku: string;
  decimals: number;
}

/** Items a counter named by id, SKU or a scanned barcode; every one that matches nothing is reported at its field. */
export async function resolveScannedItems(db: Executor, refs: FieldRef[]): Promise<Map<string, ScannedItem>> {
  const found = new Map<string, ScannedItem>();
  const errors: Array<{ path: string; message: string }> = [];
  for (const { ref, path } of refs) {
    if (found.has(ref)) continue;
    const item = await getItem(db, ref).catch(() => findItemByBarcode(db, ref)).catch(() => null);
    if (!item) errors.push({ path, message: `no item has the id, SKU or barcode '${ref}'` });
    else if (item.archived) errors.push({ path, message: `item '${item.sku}' is archived` });
    else if (item.tracking !== 'none') errors.push({ path, message: untrackedOnly(item.sku, item.tracking) });
    else found.set(ref, { id: item.id, sku: item.sku, decimals: item.decimals });
  }
  if (errors.length > 0) throw new DomainError('validation', errors.map((e) => e.message).join('; '), errors);
  return found;
}
