import type { SalesOrder, SalesOrderLine } from '../api/types';
import { compareQuantities, subtractQuantities, sumQuantities } from '../lib/quantity';

/** Units ordered over all lines, exact ("3" + "2.25" is "5.25"). */
export function unitsOf(order: SalesOrder): string {
  return sumQuantities(order.lines.map((l) => l.quantity));
}

/** What a line still holds and may ship now: its reserved units (shipping uses the holds up). */
export function shippable(line: SalesOrderLine): string {
  return line.reserved;
}

/** Picked but not shipped yet: what a picker has put in the tote for this line. */
export function pickedNotShipped(line: SalesOrderLine): string {
  const rest = subtractQuantities(line.picked, line.shipped);
  return compareQuantities(rest, '0') > 0 ? rest : '0';
}

export function hasBackorders(order: SalesOrder): boolean {
  return order.lines.some((l) => compareQuantities(l.backordered, '0') > 0);
}

export function holdsAnything(order: SalesOrder): boolean {
  return order.lines.some((l) => compareQuantities(l.reserved, '0') > 0);
}

/** "Ada Lovelace, Berlin" — who and where, in one short line. */
export function customerText(order: SalesOrder): string {
  const place = [order.address?.city, order.address?.country].filter(Boolean).join(', ');
  return [order.customerName, place].filter(Boolean).join(' · ') || '—';
}

/** Held units nobody has picked yet: only then is a (new) pick list worth making. */
export function heldNotPicked(order: SalesOrder): boolean {
  return order.lines.some((l) => compareQuantities(l.reserved, pickedNotShipped(l)) > 0);
}

/** Per line, what was picked and has not left yet, never more than the line still holds: what "ship picked" sends. */
export function pickedLines(order: SalesOrder): Array<{ line: string; quantity: string }> {
  return order.lines.flatMap((l) => {
    const tote = pickedNotShipped(l);
    const quantity = compareQuantities(tote, l.reserved) > 0 ? l.reserved : tote;
    return compareQuantities(quantity, '0') > 0 ? [{ line: l.id, quantity }] : [];
  });
}
