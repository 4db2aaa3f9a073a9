/**
 * ABC cycle counting: the items holding most of a site's stock value are counted most often.
 * Items are ranked by on-hand value at the site (on hand × last unit cost, ties by id so the
 * ranking is stable); the first 20% of them (rounded up) are class A, the next 30% class B, the
 * rest class C. An item is due when it was never counted at the site or its last approved count
 * is at least its class's interval old.
 */
export type AbcClass = 'A' | 'B' | 'C';

export const ABC_SHARES = { A: 0.2, B: 0.3 } as const;
export const ABC_INTERVAL_DAYS: Record<AbcClass, number> = { A: 30, B: 90, C: 180 };

const DAY_MS = 86_400_000;

export interface ValuedItem {
  itemId: string;
  /** Exact value of the item's stock at the site; items without a cost count as 0. */
  value: bigint;
}

export function classify(items: readonly ValuedItem[]): Map<string, AbcClass> {
  const ranked = [...items].sort((a, b) => (a.value === b.value ? (a.itemId < b.itemId ? -1 : 1) : a.value > b.value ? -1 : 1));
  const aCount = Math.ceil(ranked.length * ABC_SHARES.A);
  const bCount = Math.ceil(ranked.length * (ABC_SHARES.A + ABC_SHARES.B)) - aCount;
  return new Map(ranked.map((item, i) => [item.itemId, i < aCount ? 'A' : i < aCount + bCount ? 'B' : 'C']));
}

/** Whether an item last counted at `lastCounted` (ISO time, or null for never) is due on `now`. */
export function isDue(lastCounted: string | null, intervalDays: number, now: Date): boolean {
  if (lastCounted === null) return true;
  return now.getTime() - Date.parse(lastCounted) >= intervalDays * DAY_MS;
}

/** The items of an ABC count: those whose class interval has run out since they were last counted. */
export function dueByAbc(items: readonly ValuedItem[], lastCounted: ReadonlyMap<string, string>, now: Date): string[] {
  const classes = classify(items);
  return [...classes].filter(([itemId, cls]) => isDue(lastCounted.get(itemId) ?? null, ABC_INTERVAL_DAYS[cls], now)).map(([itemId]) => itemId);
}
