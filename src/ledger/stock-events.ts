import type { NewEvent } from '../db/outbox.js';

/** The one event type the ledger emits: on hand or reserved changed somewhere. */
export const STOCK_CHANGED = 'stock.changed';

export interface StockPair {
  itemId: string;
  locationId: string;
}

/**
 * What changed and why, not by how much: a consumer re-reads the figures it shows, so an event
 * never carries a number that a later event could make stale. A posting that consumes a
 * reservation names both.
 */
export interface StockChangedPayload {
  postingId?: string;
  reservationId?: string;
  changes: StockPair[];
}

export function stockChanged(source: { postingId?: string | undefined; reservationId?: string | undefined }, changes: StockPair[]): NewEvent {
  const payload: StockChangedPayload = {
    ...(source.postingId !== undefined && { postingId: source.postingId }),
    ...(source.reservationId !== undefined && { reservationId: source.reservationId }),
    changes,
  };
  return { type: STOCK_CHANGED, payload };
}

/** Each item × location a set of movements debits or credits, once, in the order first touched. */
export function movedPairs(movements: ReadonlyArray<{ itemId: string; from: { id: string }; to: { id: string } }>): StockPair[] {
  const seen = new Set<string>();
  const pairs: StockPair[] = [];
  for (const m of movements) {
    for (const locationId of [m.from.id, m.to.id]) {
      const key = `${m.itemId}\u0000${locationId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs.push({ itemId: m.itemId, locationId });
    }
  }
  return pairs;
}

/** A stock.changed payload read back from the log; one without its list of changes is not one the ledger wrote. */
export function readStockChanged(payload: Readonly<Record<string, unknown>>): StockChangedPayload {
  if (!Array.isArray(payload.changes)) throw new TypeError('a stock.changed payload without changes');
  return payload as unknown as StockChangedPayload;
}
