import { compareQuantities, subtractQuantities } from '../lib/quantity';
import type { Return, ReturnLine } from './return-types';

/** One scanned item of a receipt, as the scan form sends it: the lot when the clerk named one, the serials of a serial-tracked item. */
export interface ScannedReceipt {
  item: string;
  quantity: string;
  lot?: string | undefined;
  serials?: string[] | undefined;
}

/** A receipt line naming the return line it goes on. */
export interface ReceiptLine {
  line: string;
  quantity: string;
  serials?: string[];
}

const expected = (l: ReturnLine) => subtractQuantities(l.authorised, l.received);
const hasRoom = (l: ReturnLine, taken: number) => compareQuantities(expected(l), String(taken)) > 0;

/**
 * Which of a return's lines a scanned item goes on. A return may hold several lines of one item
 * (one per lot, or serials named on different lines): a named lot picks its lines; a serial goes
 * on the line that authorised it, else on the first line that named none with room; a quantity
 * fills the lines still expecting some in order, the last taking any excess (which the server then
 * refuses, naming the line). A scan of an item not on the return (or of a lot not on it) is sent
 * as scanned, for the server to refuse at its field.
 *
 * The first part of each scanned item keeps the item's place in the list, the other parts follow
 * after all of them, so the API's `/lines/{i}` errors point at the scanned row: for a quantity
 * that first part is the one taking what is left, where an excess shows.
 */
export function splitReceipt(lines: readonly ReturnLine[], scanned: readonly ScannedReceipt[]): Array<ReceiptLine | ScannedReceipt> {
  const parts = scanned.map((s): Array<ReceiptLine | ScannedReceipt> => {
    const mine = lines.filter((l) => l.item.sku === s.item && (s.lot === undefined || l.lot?.number === s.lot));
    if (mine.length === 0) return [s];
    return s.serials ? splitSerials(mine, s.serials) : splitQuantity(mine, s.quantity);
  });
  return [...parts.flatMap((p) => p.slice(0, 1)), ...parts.flatMap((p) => p.slice(1))];
}

function splitQuantity(lines: readonly ReturnLine[], quantity: string): ReceiptLine[] {
  const open = lines.filter((l) => hasRoom(l, 0));
  const candidates = open.length > 0 ? open : lines.slice(0, 1);
  const filled: ReceiptLine[] = [];
  let rest = quantity;
  for (const l of candidates.slice(0, -1)) {
    if (compareQuantities(rest, expected(l)) <= 0) break;
    filled.push({ line: l.id, quantity: expected(l) });
    rest = subtractQuantities(rest, expected(l));
  }
  const last = candidates[filled.length] ?? lines[0];
  return last ? [{ line: last.id, quantity: rest }, ...filled] : filled;
}

function splitSerials(lines: readonly ReturnLine[], serials: readonly string[]): ReceiptLine[] {
  const assigned = new Map<string, string[]>();
  const taken = (l: ReturnLine) => assigned.get(l.id)?.length ?? 0;
  for (const serial of serials) {
    const owner = lines.find((l) => l.serials.includes(serial)) ?? lines.find((l) => l.serials.length === 0 && hasRoom(l, taken(l))) ?? lines[0];
    if (owner) assigned.set(owner.id, [...(assigned.get(owner.id) ?? []), serial]);
  }
  return lines.flatMap((l) => {
    const mine = assigned.get(l.id) ?? [];
    return mine.length > 0 ? [{ line: l.id, quantity: String(mine.length), serials: mine }] : [];
  });
}

/** The serials of a line still in quality control, from the return's history: received on it and not yet restocked or scrapped, in the order they came. */
export function serialsInQc(ret: Return, line: ReturnLine): string[] {
  const held = new Set<string>();
  for (const entry of ret.history) {
    if (entry.line.id !== line.id) continue;
    for (const serial of entry.serials) {
      if (entry.action === 'receipt') held.add(serial);
      else held.delete(serial);
    }
  }
  return [...held];
}
