import type { ChannelKind, ReturnStatus } from '../db/schema.js';

/**
 * A customer return's life: authorised → partially received → received → closed once every
 * received unit is restocked or scrapped; cancelled while nothing has arrived. Quantities are
 * integers in the item's smallest unit, as in the ledger.
 */
export type ReturnAction = 'receive' | 'dispose' | 'cancel' | 'close';

const ALLOWED: Record<ReturnAction, readonly ReturnStatus[]> = {
  receive: ['authorised', 'partially_received'],
  dispose: ['partially_received', 'received'],
  // Once something arrived it has to be dealt with (restocked or scrapped), so the return is closed instead.
  cancel: ['authorised'],
  // Ends a return whose customer sent back less than authorised; a fully received one closes by itself.
  close: ['partially_received'],
};

const DOING: Record<ReturnAction, string> = { receive: 'received', dispose: 'restocked or scrapped', cancel: 'cancelled', close: 'closed' };

/** Why `action` is not possible in `status`; null when it is. */
export function returnActionProblem(status: ReturnStatus, action: ReturnAction): string | null {
  if (ALLOWED[action].includes(status)) return null;
  const words = (s: ReturnStatus) => s.replace('_', ' ');
  return `a return that is ${words(status)} cannot be ${DOING[action]} (allowed when ${ALLOWED[action].map(words).join(', ')})`;
}

export interface ReturnLineState {
  /** Authorised. */
  quantity: number;
  received: number;
  restocked: number;
  scrapped: number;
}

/** Still expected from the customer on a line. */
export function receivable(line: ReturnLineState): number {
  return Math.max(0, line.quantity - line.received);
}

/** Received and still in quality control: what may yet be restocked or scrapped. */
export function disposable(line: ReturnLineState): number {
  return Math.max(0, line.received - line.restocked - line.scrapped);
}

/**
 * How much of an order line a return takes up: an open return its whole authorisation (so two
 * returns cannot both send back the same unit), a closed one what actually came back, a
 * cancelled one nothing.
 */
export function committedToReturn(status: ReturnStatus, line: ReturnLineState): number {
  if (status === 'cancelled') return 0;
  if (status === 'closed') return line.received;
  return line.quantity;
}

/** What may still be returned of an order line: shipped less what returns already take up, never below zero. */
export function returnable(shipped: number, committed: number): number {
  return Math.max(0, shipped - committed);
}

/** The status a return has after its lines changed; cancelled and closed are final. */
export function statusFromLines(current: ReturnStatus, lines: readonly ReturnLineState[]): ReturnStatus {
  if (current === 'cancelled' || current === 'closed') return current;
  if (lines.every((l) => l.received === 0)) return 'authorised';
  if (lines.some((l) => receivable(l) > 0)) return 'partially_received';
  return lines.every((l) => disposable(l) === 0) ? 'closed' : 'received';
}

/** Why a partially received return cannot be closed yet; null when it can. */
export function closeProblem(lines: readonly ReturnLineState[]): string | null {
  const waiting = lines.reduce((sum, l) => sum + disposable(l), 0);
  return waiting > 0 ? 'returned units are still in quality control; restock or scrap them first' : null;
}

/**
 * Which channels may take a return without an order: a shop's till takes goods back over the
 * counter from walk-in customers whose sale Stockroom never saw as an order. Web stores and
 * marketplaces always sell through orders, so their returns name the order.
 */
export function unlinkedReturnProblem(kind: ChannelKind): string | null {
  return kind === 'pos' ? null : `a ${kind} channel sells through orders: name the order the goods were sold on`;
}

/** One line's returned units in one quality-control location. */
export interface Holding {
  locationId: string;
  quantity: number;
}

export interface EntryFlow {
  action: 'receipt' | 'restock' | 'scrap';
  quantity: number;
  fromLocationId: string;
  toLocationId: string;
}

/** Where a line's returned units are now: receipts add at their destination, restocks and scraps take from their source; first received first. */
export function holdingsOf(entries: readonly EntryFlow[]): Holding[] {
  const held = new Map<string, number>();
  for (const e of entries) {
    const [location, change] = e.action === 'receipt' ? [e.toLocationId, e.quantity] : [e.fromLocationId, -e.quantity];
    held.set(location, (held.get(location) ?? 0) + change);
  }
  return [...held].filter(([, quantity]) => quantity > 0).map(([locationId, quantity]) => ({ locationId, quantity }));
}

/**
 * Splits a disposition across the locations holding the line's units, in the order they were
 * received (or only `from` when the request names one). Null when they do not hold enough.
 */
export function takeFromHoldings(holdings: readonly Holding[], quantity: number, from?: string): Holding[] | null {
  const candidates = from === undefined ? holdings : holdings.filter((h) => h.locationId === from);
  const takes: Holding[] = [];
  let rest = quantity;
  for (const h of candidates) {
    if (rest === 0) break;
    const take = Math.min(rest, h.quantity);
    if (take > 0) takes.push({ locationId: h.locationId, quantity: take });
    rest -= take;
  }
  return rest === 0 ? takes : null;
}

/**
 * Which line of a return a scanned item means: the first line of that item with something left
 * for the step (`left`), else the item's first line (which then refuses the quantity, naming what
 * is left). Null when the item is not on the return.
 */
export function pickLineForItem<L extends { itemId: string; lineNo: number }>(lines: readonly L[], itemId: string, left: (line: L) => number): L | null {
  const mine = lines.filter((l) => l.itemId === itemId).sort((a, b) => a.lineNo - b.lineNo);
  return mine.find((l) => left(l) > 0) ?? mine[0] ?? null;
}

/** RMA-000123: six digits keep numbers sortable as text up to a million returns, and grow beyond. */
export function rmaNumber(sequence: number): string {
  return `RMA-${String(sequence).padStart(6, '0')}`;
}
