/**
 * Pure rules of picking: the walking order of a pick list and how a scanned quantity is booked
 * against its lines. No I/O.
 */
export interface PickStop {
  locationCode: string;
  sku: string;
  orderNumber: string;
}

/** Lines in the order a picker walks: by bin code (codes follow the warehouse path, e.g. WH1-A-02-3), then SKU, then order. */
export function byWalkingOrder<T extends PickStop>(stops: readonly T[]): T[] {
  const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...stops].sort((a, b) => text(a.locationCode, b.locationCode) || text(a.sku, b.sku) || text(a.orderNumber, b.orderNumber));
}

export interface OpenPick {
  lineNo: number;
  quantity: number;
  picked: number;
}

/**
 * Books a scanned quantity on the lines of one item × bin, first line first. Null when it is more
 * than those lines still expect: an over-pick is refused whole, never booked in part.
 */
export function bookPick(lines: readonly OpenPick[], quantity: number): Array<{ lineNo: number; add: number }> | null {
  const open = lines.reduce((sum, l) => sum + (l.quantity - l.picked), 0);
  if (quantity > open) return null;
  const booked: Array<{ lineNo: number; add: number }> = [];
  let left = quantity;
  for (const line of lines) {
    const add = Math.min(left, line.quantity - line.picked);
    if (add > 0) booked.push({ lineNo: line.lineNo, add });
    left -= add;
  }
  return booked;
}

/**
 * What of a line's holds still needs picking: units picked earlier and not shipped yet are on the
 * packing bench already, so they come off the holds (first hold first). Same order as given.
 */
export function stillToPick(holds: readonly number[], picked: number, shipped: number): number[] {
  let waiting = Math.max(0, picked - shipped);
  return holds.map((quantity) => {
    const off = Math.min(quantity, waiting);
    waiting -= off;
    return quantity - off;
  });
}
