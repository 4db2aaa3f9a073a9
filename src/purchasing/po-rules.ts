import type { PurchaseOrderStatus } from '../db/schema.js';
import { COST_DECIMALS } from '../shared/money.js';
import { MAX_DECIMALS } from '../shared/quantity.js';

/**
 * The purchase order's life: draft → ordered → partially received → received → closed, or
 * cancelled. Only a draft may be edited; everything later is an explicit action.
 */
export type PoAction = 'edit' | 'order' | 'receive' | 'return' | 'cancel' | 'close' | 'close-line';

const ALLOWED: Record<PoAction, readonly PurchaseOrderStatus[]> = {
  edit: ['draft'],
  order: ['draft'],
  // A late delivery on a received order is still checked against the tolerance, so it may come in.
  receive: ['ordered', 'partially_received', 'received'],
  // Goods found faulty after the order was closed still go back to the supplier.
  return: ['partially_received', 'received', 'closed'],
  // Like Odoo: an order can be cancelled while nothing has arrived; after that it is closed instead.
  cancel: ['draft', 'ordered'],
  close: ['ordered', 'partially_received', 'received'],
  'close-line': ['ordered', 'partially_received'],
};

const DOING: Record<PoAction, string> = {
  edit: 'edited', order: 'ordered', receive: 'received against', return: 'returned against',
  cancel: 'cancelled', close: 'closed', 'close-line': 'have lines closed',
};

/** Why `action` is not possible in `status`; null when it is. */
export function actionProblem(status: PurchaseOrderStatus, action: PoAction): string | null {
  if (ALLOWED[action].includes(status)) return null;
  return `a purchase order that is ${status.replace('_', ' ')} cannot be ${DOING[action]} (allowed when ${ALLOWED[action].map((s) => s.replace('_', ' ')).join(', ')})`;
}

/** What the rules need to know of a line, quantities in the item's smallest unit. */
export interface LineState {
  quantity: number;
  received: number;
  returned: number;
  unplanned: boolean;
  closed: boolean;
}

/** Still expected from the supplier: the incoming quantity. Closed and unplanned lines expect nothing. */
export function openQuantity(line: LineState): number {
  return line.unplanned || line.closed ? 0 : Math.max(0, line.quantity - line.received);
}

/**
 * The status an ordered purchase order has after its lines changed: received when nothing more is
 * expected, partially received while something arrived and more is expected. An order whose every
 * line was closed before anything arrived is closed.
 */
export function statusFromLines(lines: readonly LineState[]): PurchaseOrderStatus {
  const anyReceived = lines.some((l) => l.received > 0);
  const allDone = lines.every((l) => openQuantity(l) === 0);
  if (anyReceived) return allDone ? 'received' : 'partially_received';
  return allDone ? 'closed' : 'ordered';
}

/** The most a line may receive in total: ordered plus the tolerance (hundredths of a percent), rounded down to the smallest unit. */
export function maxReceivable(ordered: number, toleranceBp: number): number {
  // BigInt: ordered × tolerance can leave the exact range of a double even when both are exact.
  return ordered + Number((BigInt(ordered) * BigInt(toleranceBp)) / 10_000n);
}

export type DiscrepancyKind = 'short' | 'over' | 'unplanned';

/** How a line's receipts differ from the order: over as soon as it happens, short once the line is closed. */
export function discrepancyOf(line: LineState): { kind: DiscrepancyKind; difference: number } | null {
  if (line.unplanned) return line.received > 0 ? { kind: 'unplanned', difference: line.received } : null;
  if (line.received > line.quantity) return { kind: 'over', difference: line.received - line.quantity };
  if (line.closed && line.received < line.quantity) return { kind: 'short', difference: line.received - line.quantity };
  return null;
}

export interface ScanCandidate extends LineState {
  itemId: string;
  lineNo: number;
  /** Received earlier in the same request. */
  pending: number;
}

/**
 * Which line a scanned item is received against: the first planned line of that item that still
 * expects something, else the last open planned one (an over-receipt, checked against the
 * tolerance), else the item's unplanned line. `closed` when the order had the item only on closed
 * lines; null when the item is not on the order at all.
 */
export function pickLineForItem<L extends ScanCandidate>(lines: readonly L[], itemId: string): L | 'closed' | null {
  const mine = lines.filter((l) => l.itemId === itemId).sort((a, b) => a.lineNo - b.lineNo);
  const planned = mine.filter((l) => !l.unplanned);
  const open = planned.filter((l) => !l.closed);
  const expecting = open.find((l) => l.received + l.pending < l.quantity);
  if (expecting) return expecting;
  if (open.length > 0) return open[open.length - 1] as L;
  const unplanned = mine.find((l) => l.unplanned);
  if (unplanned) return unplanned;
  return planned.length > 0 ? 'closed' : null;
}

/** Which line a return is booked against: the first line of the item with something left to give back. */
export function pickLineForReturn<L extends ScanCandidate>(lines: readonly L[], itemId: string): L | null {
  return lines.filter((l) => l.itemId === itemId).sort((a, b) => a.lineNo - b.lineNo).find((l) => l.received - l.returned - l.pending > 0) ?? null;
}

/** Values (quantity × unit price) are exact at one common scale: the finest quantity scale plus the price's four places. */
export const VALUE_DECIMALS = MAX_DECIMALS + COST_DECIMALS;

export function lineValue(quantity: number, decimals: number, unitPrice: number | null): bigint {
  if (unitPrice === null) return 0n;
  return BigInt(quantity) * 10n ** BigInt(MAX_DECIMALS - decimals) * BigInt(unitPrice);
}

/** Decimal text of a scaled BigInt without trailing zeros, padded to at least two places as money usually is. */
export function formatValue(value: bigint): string {
  const digits = (value < 0n ? -value : value).toString().padStart(VALUE_DECIMALS + 1, '0');
  const fraction = digits.slice(-VALUE_DECIMALS).replace(/0+$/, '').padEnd(2, '0');
  return `${value < 0n ? '-' : ''}${digits.slice(0, -VALUE_DECIMALS)}.${fraction}`;
}

/** PO-000123: six digits keep numbers sortable as text up to a million orders, and grow beyond. */
export function poNumber(sequence: number): string {
  return `PO-${String(sequence).padStart(6, '0')}`;
}
