import { findItemByBarcode, getItem, itemRefsByIds, resolveItemRefs } from '../catalog/item-service.js';
import type { Executor, ItemTracking } from '../db/schema.js';
import { listBalanceRows } from '../ledger/balance-repository.js';
import { locationIdsWithin, physicalLocations, resolveLocationRefs } from '../locations/location-service.js';
import type { LocationRef } from '../locations/location-types.js';
import { valueAtCommonScale } from '../reports/report-rules.js';
import { DomainError, invalidField } from '../shared/errors.js';
import type { FieldRef } from '../shared/references.js';
import { dueByAbc } from './abc-rules.js';
import * as repo from './count-repository.js';
import { MAX_COUNT_LINES, snapshotLines, type ExpectedLine } from './count-snapshot.js';
import type { CountScopeInput, StoredScope } from './count-types.js';

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

/** Where counters may enter quantities: the chosen bins (and what is under them), or the whole site. */
export async function countArea(db: Executor, siteId: string, scope: StoredScope): Promise<Set<string>> {
  if (scope.bins.length === 0) return new Set((await physicalLocations(db, siteId)).map((l) => l.id));
  const nested = await Promise.all(scope.bins.map((b) => locationIdsWithin(db, b.id)));
  return new Set(nested.flat());
}

/** The item × location (× lot) stock a count expects to find, read when counting starts. */
export async function expectedLines(db: Executor, siteId: string, scope: StoredScope, now: Date): Promise<ExpectedLine[]> {
  const area = [...(await countArea(db, siteId, scope))];
  const itemIds = scope.items.length > 0 ? scope.items.map((i) => i.id) : undefined;
  const balances = await listBalanceRows(db, { locationIds: area, itemIds, nonZeroOnly: true, limit: MAX_COUNT_LINES });
  if (balances.length > MAX_COUNT_LINES) {
    throw new DomainError('rule-violation', `the scope holds more than ${MAX_COUNT_LINES} item × location balances; count fewer bins or items at a time`);
  }
  const items = await itemRefsByIds(db, balances.map((b) => b.item_id));
  const tracking = new Map([...items.values()].map((i) => [i.id, i.tracking]));
  const lines = await snapshotLines(db, balances, tracking, area);
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
  tracking: ItemTracking;
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
    else found.set(ref, { id: item.id, sku: item.sku, decimals: item.decimals, tracking: item.tracking });
  }
  if (errors.length > 0) throw new DomainError('validation', errors.map((e) => e.message).join('; '), errors);
  return found;
}
