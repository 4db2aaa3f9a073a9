import type { PurchaseOrderLine } from '../api/types';
import { addQuantities, checkQuantity, compareQuantities, multiplyQuantities, subtractQuantities } from '../lib/quantity';

/**
 * What a receipt of scanned items will do to an order, worked out in the browser before it is
 * posted so the clerk sees it while scanning. It follows the server's rules (docs/purchasing.md):
 * a scanned item goes on the first line of it that still expects something, else on its last open
 * line as an over-receipt, allowed up to ordered × (1 + tolerance); an item not on the order
 * becomes an unplanned line; lines closed short take nothing. The server has the last word.
 */
export type ReceiveFlag = 'partial' | 'complete' | 'over' | 'over-limit' | 'unplanned' | 'closed' | 'invalid';

export interface LinePlan {
  /** The order line the scans go on (null for a new unplanned line or when refused). */
  line: PurchaseOrderLine | null;
  ordered: string;
  received: string;
  /** Still expected before this delivery. */
  remaining: string;
  /** In this delivery. */
  now: string;
  /** The most this line may still take under the supplier's tolerance (null: no limit, or not applicable). */
  allowed: string | null;
  flag: ReceiveFlag;
}

/** The line a scanned item lands on, as the server picks it. */
export function pickLine(lines: readonly PurchaseOrderLine[], sku: string): PurchaseOrderLine | 'closed' | null {
  const mine = lines.filter((l) => l.item.sku === sku).sort((a, b) => a.lineNo - b.lineNo);
  const planned = mine.filter((l) => !l.unplanned);
  const open = planned.filter((l) => !l.closed);
  const expecting = open.find((l) => compareQuantities(l.received, l.quantity) < 0);
  if (expecting) return expecting;
  if (open.length > 0) return open[open.length - 1] ?? null;
  const unplanned = mine.find((l) => l.unplanned);
  if (unplanned) return unplanned;
  return planned.length > 0 ? 'closed' : null;
}

/** ordered × (1 + tolerance %) − received: what a line may still take. */
export function allowedMore(line: Pick<PurchaseOrderLine, 'quantity' | 'received'>, tolerancePercent: string): string {
  const limit = multiplyQuantities(line.quantity, addQuantities('1', multiplyQuantities(tolerancePercent, '0.01')));
  return subtractQuantities(limit, line.received);
}

export function planLine(lines: readonly PurchaseOrderLine[], sku: string, quantityText: string, tolerancePercent: string): LinePlan {
  const checked = checkQuantity(quantityText);
  const now = checked.ok ? checked.text : quantityText;
  const picked = pickLine(lines, sku);
  if (picked === null || picked === 'closed' || picked.unplanned) {
    const received = picked !== null && picked !== 'closed' ? picked.received : '0';
    const flag: ReceiveFlag = !checked.ok ? 'invalid' : picked === 'closed' ? 'closed' : 'unplanned';
    return { line: picked === 'closed' ? null : picked, ordered: '0', received, remaining: '0', now, allowed: null, flag };
  }
  const base = { line: picked, ordered: picked.quantity, received: picked.received, remaining: picked.open, now };
  if (!checked.ok) return { ...base, allowed: null, flag: 'invalid' };
  const allowed = allowedMore(picked, tolerancePercent);
  const versusOpen = compareQuantities(checked.text, picked.open);
  const flag: ReceiveFlag = compareQuantities(checked.text, allowed) > 0 ? 'over-limit' : versusOpen > 0 ? 'over' : versusOpen === 0 ? 'complete' : 'partial';
  return { ...base, allowed, flag };
}
