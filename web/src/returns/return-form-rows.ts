import { compareQuantities } from '../lib/quantity';
import type { ReturnableLine } from './return-types';

export type LotChoice = ReturnableLine['lots'][number];

/**
 * One row of the new-return form: a shipped order line, or for a lot-tracked line one of the lots
 * the order shipped of it (each with what is left of it); a serial-tracked line picks among its
 * serials that may come back (`serials`, null for other items).
 */
export interface FormRow {
  key: string;
  line: ReturnableLine;
  lot: LotChoice | null;
  serials: string[] | null;
}

export function formRows(returnable: readonly ReturnableLine[]): FormRow[] {
  return returnable.flatMap((line): FormRow[] => {
    if (line.item.tracking === 'lot' && line.lots.length > 0) return line.lots.map((lot) => ({ key: `${line.line.id}:${lot.id}`, line, lot, serials: null }));
    return [{ key: line.line.id, line, lot: null, serials: line.item.tracking === 'serial' ? line.serials : null }];
  });
}

/** How a row is named in labels and the confirmation: the SKU, and the lot when it has one. */
export const rowLabel = (row: FormRow) => `${row.line.item.sku}${row.lot ? ` lot ${row.lot.number}` : ''}`;

/**
 * What is shipped and still returnable on a row: of its lot, or of its line — for a serial line no
 * more than the serials left to choose (a return that names its serials on arrival takes units, not serials).
 */
export function rowFigures(row: FormRow): { shipped: string; returnable: string } {
  if (row.lot) return { shipped: row.lot.shipped, returnable: row.lot.returnable };
  const serials = row.serials ? String(row.serials.length) : null;
  const returnable = serials !== null && compareQuantities(serials, row.line.returnable) < 0 ? serials : row.line.returnable;
  return { shipped: row.line.shipped, returnable };
}

/** The request line of a row: a lot row names its lot, a serial row the serials chosen (the quantity is their count). */
export function requestLine(row: FormRow, input: { quantity: string; reason: string; serials: readonly string[] }) {
  return {
    line: row.line.line.id, quantity: row.serials ? String(input.serials.length) : input.quantity.trim().replace(',', '.'), reason: input.reason,
    ...(row.lot && { lot: row.lot.number }), ...(row.serials && { serials: [...input.serials] }),
  };
}
