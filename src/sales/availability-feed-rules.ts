import type { StockPair } from '../ledger/stock-events.js';

/**
 * The pure part of the channel availability feed: which item × location pairs a run of events
 * touched, and which channel × item figures differ from what was last published. Coalescing
 * lives here: a burst of stock events is read in one run and yields at most one figure per
 * channel × item, the latest, and none when it equals the one already sent.
 */

/** Distinct item × location pairs over a run of stock.changed payloads, in first-seen order. */
export function touchedPairs(payloads: ReadonlyArray<{ changes: readonly StockPair[] }>): StockPair[] {
  const seen = new Set<string>();
  const pairs: StockPair[] = [];
  for (const payload of payloads) {
    for (const pair of payload.changes) {
      const key = `${pair.itemId}\u0000${pair.locationId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push(pair);
    }
  }
  return pairs;
}

/** For each channel, the items whose stock moved in one of its locations (item order as first seen). */
export function itemsPerChannel(pairs: readonly StockPair[], channelsOf: ReadonlyMap<string, readonly string[]>): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const { itemId, locationId } of pairs) {
    for (const channelId of channelsOf.get(locationId) ?? []) {
      const items = result.get(channelId) ?? [];
      if (!items.includes(itemId)) items.push(itemId);
      result.set(channelId, items);
    }
  }
  return result;
}

export interface Figure {
  channelId: string;
  itemId: string;
  /** Scaled integer, in the item's smallest unit. */
  available: number;
}

/** The figures to publish: those never published, or published with another value. */
export function changedFigures(current: readonly Figure[], published: ReadonlyMap<string, number>): Array<Figure & { previous: number | null }> {
  return current.flatMap((figure) => {
    const previous = published.get(figureKey(figure));
    return previous === figure.available ? [] : [{ ...figure, previous: previous ?? null }];
  });
}

export function figureKey(figure: { channelId: string; itemId: string }): string {
  return `${figure.channelId}\u0000${figure.itemId}`;
}
