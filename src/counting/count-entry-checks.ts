import type { CountRow, Executor, ItemTracking } from '../db/schema.js';
import { resolveLocationRefs } from '../locations/location-service.js';
import { DomainError, invalidField } from '../shared/errors.js';
import { parseScaled } from '../shared/quantity.js';
import { checkSerialNumbers } from '../tracking/lot-rules.js';
import { findLotOf } from '../tracking/tracking-lookup.js';
import { MAX_LINE_SERIALS } from './count-line-stock.js';
import type { EntryMode } from './count-rules.js';
import { countArea, resolveScannedItems, type ScannedItem } from './count-scope.js';
import type { EntryInput, StoredScope } from './count-types.js';

export interface CheckedEntry {
  /** The entry's field, e.g. `/entries/3`. */
  base: string;
  itemId: string;
  sku: string;
  tracking: ItemTracking;
  locationId: string;
  lotId: string | null;
  /** Counted quantity; for a serial-tracked item, the number of serials scanned. */
  quantity: number;
  /** The serial numbers scanned (serial-tracked items only). */
  serials: string[] | null;
  mode: EntryMode;
}

type FieldError = { path: string; message: string };

/** Resolves and checks every entry before anything is written, reporting each bad field at once. */
export async function checkEntries(db: Executor, count: CountRow, entries: EntryInput[]): Promise<CheckedEntry[]> {
  const [items, locations] = await Promise.all([
    resolveScannedItems(db, entries.map((e, i) => ({ ref: e.item, path: `/entries/${i}/item` }))),
    resolveLocationRefs(db, entries.map((e, i) => ({ ref: e.location, path: `/entries/${i}/location` }))),
  ]);
  const area = await countArea(db, count.site_id, JSON.parse(count.scope) as StoredScope);
  const errors: FieldError[] = [];
  const checked: CheckedEntry[] = [];
  for (const [i, entry] of entries.entries()) {
    const item = items.get(entry.item);
    const location = locations.get(entry.location);
    if (!item || !location) continue;
    if (!area.has(location.id)) {
      errors.push({ path: `/entries/${i}/location`, message: `'${location.code}' is not a location this count covers` });
      continue;
    }
    try {
      checked.push({ ...(await checkTracked(db, item, entry, `/entries/${i}`)), base: `/entries/${i}`, itemId: item.id, sku: item.sku, tracking: item.tracking, locationId: location.id, mode: entry.mode ?? 'set' });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      errors.push(...error.fieldErrors);
    }
  }
  if (errors.length > 0) throw new DomainError('validation', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  return checked;
}

/**
 * What an entry says for its item's tracking: a lot-tracked item is counted per lot (one it has),
 * a serial-tracked one by its serial numbers (the count is how many), anything else by quantity;
 * a lot or serials named for an item not tracked that way are refused.
 */
async function checkTracked(db: Executor, item: ScannedItem, entry: EntryInput, base: string): Promise<Pick<CheckedEntry, 'lotId' | 'quantity' | 'serials'>> {
  if (item.tracking !== 'lot' && entry.lot !== undefined) throw invalidField(`${base}/lot`, `${item.sku} is not lot-tracked`);
  if (item.tracking !== 'serial' && entry.serials !== undefined) throw invalidField(`${base}/serials`, `${item.sku} is not serial-tracked`);
  if (item.tracking === 'serial') return checkSerialEntry(item, entry, base);
  const quantity = countedQuantity(item, entry, base);
  if (item.tracking !== 'lot') return { lotId: null, quantity, serials: null };
  if (entry.lot === undefined || entry.lot.trim() === '') throw invalidField(`${base}/lot`, `${item.sku} is lot-tracked: name the lot counted`);
  const lot = await findLotOf(db, item.id, entry.lot.trim());
  if (!lot) throw invalidField(`${base}/lot`, `${item.sku} has no lot '${entry.lot}': receive it, or adjust it in with POST /api/v1/adjustments`);
  return { lotId: lot.id, quantity, serials: null };
}

function countedQuantity(item: ScannedItem, entry: EntryInput, base: string): number {
  if (entry.quantity === undefined) throw invalidField(`${base}/quantity`, 'a counted quantity is needed');
  const quantity = parseScaled(entry.quantity, item.decimals, `${base}/quantity`);
  if (quantity < 0) throw invalidField(`${base}/quantity`, 'a counted quantity cannot be negative');
  return quantity;
}

function checkSerialEntry(item: ScannedItem, entry: EntryInput, base: string): Pick<CheckedEntry, 'lotId' | 'quantity' | 'serials'> {
  if (entry.serials === undefined) throw invalidField(`${base}/serials`, `${item.sku} is serial-tracked: scan the serial numbers counted (an empty list when none were found)`);
  if (entry.serials.length > MAX_LINE_SERIALS) throw invalidField(`${base}/serials`, `at most ${MAX_LINE_SERIALS} serials per entry`);
  const serials = checkSerialNumbers(entry.serials, `${base}/serials`);
  if (entry.quantity !== undefined && parseScaled(entry.quantity, 0, `${base}/quantity`) !== serials.length) {
    throw invalidField(`${base}/quantity`, `${serials.length} serial numbers were scanned; leave the quantity out or make it match`);
  }
  return { lotId: null, quantity: serials.length, serials };
}
