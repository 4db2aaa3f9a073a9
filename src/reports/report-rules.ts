import { COST_DECIMALS } from '../shared/money.js';
import { MAX_DECIMALS } from '../shared/quantity.js';

/**
 * Figures summed across items of different precision. Each item's scaled quantity is first
 * brought to the finest scale any item may use (MAX_DECIMALS) as a BigInt, so sums stay exact
 * whatever their size; values carry the cost's four places on top.
 */
export const COMMON_DECIMALS = MAX_DECIMALS;
export const VALUE_DECIMALS = MAX_DECIMALS + COST_DECIMALS;

export function toCommonScale(scaled: number | bigint, decimals: number): bigint {
  return BigInt(scaled) * 10n ** BigInt(COMMON_DECIMALS - decimals);
}

/** Quantity × unit cost at VALUE_DECIMALS: exact, since both factors are integers. */
export function valueAtCommonScale(scaled: number | bigint, decimals: number, unitCost: number | bigint): bigint {
  return toCommonScale(scaled, decimals) * BigInt(unitCost);
}

/** Decimal text of a scaled BigInt, without trailing zeros ("12.5", "-0.25", "7"). */
export function formatBig(scaled: bigint, decimals: number): string {
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const whole = decimals === 0 ? digits : digits.slice(0, -decimals);
  const fraction = decimals === 0 ? '' : digits.slice(-decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** One group of on-hand stock sharing a site, a precision and a last unit cost. */
export interface StockGroup {
  siteId: string;
  decimals: number;
  unitCost: number | null;
  onHand: number;
  items: number;
}

export interface StockTotals {
  units: bigint;
  value: bigint;
  itemsValued: number;
  itemsUnvalued: number;
}

const emptyTotals = (): StockTotals => ({ units: 0n, value: 0n, itemsValued: 0, itemsUnvalued: 0 });

/** Folds groups into per-site and overall totals; stock with no known cost adds to units only. */
export function foldStockGroups(groups: readonly StockGroup[]): { total: StockTotals; bySite: Map<string, StockTotals> } {
  const total = emptyTotals();
  const bySite = new Map<string, StockTotals>();
  for (const group of groups) {
    const site = bySite.get(group.siteId) ?? emptyTotals();
    bySite.set(group.siteId, site);
    for (const totals of [total, site]) {
      totals.units += toCommonScale(group.onHand, group.decimals);
      if (group.unitCost === null) totals.itemsUnvalued += group.items;
      else {
        totals.value += valueAtCommonScale(group.onHand, group.decimals, group.unitCost);
        totals.itemsValued += group.items;
      }
    }
  }
  return { total, bySite };
}

/** The UTC calendar days from `days - 1` days before `today` up to `today`, as YYYY-MM-DD. */
export function dayRange(today: Date, days: number): string[] {
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Array.from({ length: days }, (_, i) => new Date(end - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

/**
 * On hand at the end of each day, walking back from today's balance: the end of day D is the
 * current figure minus every net change dated after D (including any dated after today).
 */
export function onHandByDay(current: bigint, netByDay: ReadonlyMap<string, bigint>, days: readonly string[]): Array<{ date: string; onHand: bigint }> {
  const last = days[days.length - 1] ?? '';
  let running = current;
  for (const [day, net] of netByDay) if (day > last) running -= net;
  const points: Array<{ date: string; onHand: bigint }> = [];
  for (let i = days.length - 1; i >= 0; i--) {
    const date = days[i] as string;
    points.push({ date, onHand: running });
    running -= netByDay.get(date) ?? 0n;
  }
  return points.reverse();
}

export const ITEM_SORTS = ['sku', 'name', 'onHand', 'available'] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

/**
 * Where the previous page of a sorted list ended: its sort key and the SKU that breaks ties.
 * Quantity keys are integer text at COMMON_DECIMALS, so they survive JSON whatever their size.
 */
export interface SortCursor {
  sort: ItemSort;
  order: SortOrder;
  key: string;
  sku: string;
}

export function encodeSortCursor(cursor: SortCursor): string {
  return JSON.stringify([cursor.sort, cursor.order, cursor.key, cursor.sku]);
}

/** Null when the text is not a cursor of this same sort and order (a client must restart the list). */
export function decodeSortCursor(text: string, sort: ItemSort, order: SortOrder): SortCursor | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return null;
  const [s, o, key, sku] = parsed as unknown[];
  if (s !== sort || o !== order || typeof sku !== 'string' || typeof key !== 'string') return null;
  if (isQuantitySort(sort) && !/^-?\d+$/.test(key)) return null;
  return { sort, order, key, sku };
}

export function isQuantitySort(sort: ItemSort): sort is 'onHand' | 'available' {
  return sort === 'onHand' || sort === 'available';
}

export const ACTIVITY_KINDS = ['receipts', 'shipments', 'transfers', 'adjustments', 'other'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** The chart groups movement kinds the way a person reads them: in, out, moved, corrected, the rest. */
export function activityKindOf(movementKind: string): ActivityKind {
  if (movementKind === 'receipt') return 'receipts';
  if (movementKind === 'shipment') return 'shipments';
  if (movementKind === 'adjustment') return 'adjustments';
  if (['transfer', 'transfer_out', 'transfer_in', 'move'].includes(movementKind)) return 'transfers';
  return 'other';
}
