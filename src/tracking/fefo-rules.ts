/**
 * First-expired-first-out: which lots an outgoing movement or a hold that names no lot takes
 * from. Pure; the caller reads the lots and guards every take with a conditional UPDATE.
 */

export interface LotStock {
  lotId: string;
  /** YYYY-MM-DD, or null for a lot that does not expire. */
  expiresOn: string | null;
  /** UTC ISO time the lot was first received: the FIFO order among lots without expiry (and ties). */
  firstReceivedAt: string;
  /** What the lot has available here (on hand − reserved), in the item's smallest unit. */
  available: number;
}

export interface LotTake {
  lotId: string;
  quantity: number;
}

export interface FefoPlan {
  takes: LotTake[];
  /** Σ of what the non-expired lots had available: all that could be taken. */
  available: number;
  /** True when the takes add up to what was asked. */
  complete: boolean;
}

/** A lot is expired from the day after its expiry date (UTC); `today` is YYYY-MM-DD. */
export function isExpired(expiresOn: string | null, today: string): boolean {
  return expiresOn !== null && expiresOn < today;
}

/** Earlier expiry first, lots without expiry last; then first received first; then by id, so the order is total. */
export function fefoOrder(a: LotStock, b: LotStock): number {
  if (a.expiresOn !== b.expiresOn) {
    if (a.expiresOn === null) return 1;
    if (b.expiresOn === null) return -1;
    return a.expiresOn < b.expiresOn ? -1 : 1;
  }
  if (a.firstReceivedAt !== b.firstReceivedAt) return a.firstReceivedAt < b.firstReceivedAt ? -1 : 1;
  return a.lotId < b.lotId ? -1 : a.lotId > b.lotId ? 1 : 0;
}

/**
 * Takes `quantity` from the lots in FEFO order, skipping expired lots and lots with nothing
 * available, each take no more than its lot has. When the lots fall short the plan is incomplete
 * (the caller fails the whole request, naming `available`).
 */
export function allocateFefo(lots: readonly LotStock[], quantity: number, today: string): FefoPlan {
  const usable = lots.filter((l) => !isExpired(l.expiresOn, today) && l.available > 0).sort(fefoOrder);
  const takes: LotTake[] = [];
  let rest = quantity;
  for (const lot of usable) {
    if (rest <= 0) break;
    const take = Math.min(rest, lot.available);
    takes.push({ lotId: lot.lotId, quantity: take });
    rest -= take;
  }
  const available = usable.reduce((sum, l) => sum + l.available, 0);
  return { takes, available, complete: rest <= 0 };
}
