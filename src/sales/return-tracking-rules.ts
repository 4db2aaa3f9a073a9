/**
 * Which lots and serials of an order may come back, and where a return's serials are now. Pure:
 * the service feeds in the order's shipment movements and the returns' entries. Quantities are
 * integers in the item's smallest unit, as in the ledger.
 */

/** One movement of an order's document: to the customer (a shipment) or back from it (a reversal). */
export interface ShipmentFlow {
  lotId: string | null;
  serials: readonly string[];
  quantity: number;
  toCustomer: boolean;
}

/** What an order shipped from each lot, net of reversed shipments; lots with nothing left out. */
export function shippedPerLot(flows: readonly ShipmentFlow[]): Map<string, number> {
  const shipped = new Map<string, number>();
  for (const f of flows) {
    if (f.lotId === null) continue;
    shipped.set(f.lotId, (shipped.get(f.lotId) ?? 0) + (f.toCustomer ? f.quantity : -f.quantity));
  }
  return new Map([...shipped].filter(([, quantity]) => quantity > 0));
}

/** The serials an order shipped and did not take back by a reversal, in the order they shipped. */
export function shippedSerials(flows: readonly ShipmentFlow[]): string[] {
  const net = new Map<string, number>();
  for (const f of flows) for (const s of f.serials) net.set(s, (net.get(s) ?? 0) + (f.toCustomer ? 1 : -1));
  return [...net].filter(([, n]) => n > 0).map(([s]) => s);
}

/** The one lot a return line means when it names none: the only lot with something left to return; null when none or several. */
export function onlyReturnableLot(returnable: ReadonlyMap<string, number>): string | null {
  const open = [...returnable].filter(([, quantity]) => quantity > 0);
  return open.length === 1 ? (open[0]?.[0] ?? null) : null;
}

/** One step of a return line as it moved serials: a receipt into quality control, or a restock or scrap out of it. */
export interface SerialEntry {
  action: 'receipt' | 'restock' | 'scrap';
  fromLocationId: string;
  toLocationId: string;
  serials: readonly string[];
}

/** Which of a line's serials are still in quality control, and where: received and not yet restocked or scrapped. */
export function serialsHeld(entries: readonly SerialEntry[]): Map<string, string> {
  const held = new Map<string, string>();
  for (const e of entries) {
    for (const s of e.serials) {
      if (e.action === 'receipt') held.set(s, e.toLocationId);
      else held.delete(s);
    }
  }
  return held;
}

/** Every serial a line's receipts brought in, in the order they came. */
export function serialsReceived(entries: readonly SerialEntry[]): string[] {
  return entries.filter((e) => e.action === 'receipt').flatMap((e) => e.serials);
}

/**
 * The serials a step moves when the request names none: all that are eligible, if that is
 * exactly the quantity; otherwise the request has to say which (null), since guessing would
 * post the wrong unit.
 */
export function defaultSerials(eligible: readonly string[], quantity: number): string[] | null {
  return eligible.length === quantity ? [...eligible] : null;
}
