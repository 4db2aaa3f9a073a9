import { addQuantities, checkQuantity } from '../lib/quantity';

/** What a line needs to know of its item. */
export interface LineItem {
  id: string;
  sku: string;
  name: string;
  unit: string;
}

export interface ScanLine {
  item: LineItem;
  /** What the person sees and edits; checked on submit, and by the API for the item's precision. */
  quantity: string;
  /** Receipts only: the price paid per unit, which values the stock. */
  unitCost?: string;
}

export interface ScanState {
  lines: ScanLine[];
  /** Successful scans since the form was last cleared: the running count the clerk watches. */
  scans: number;
  /** SKU of the line the last scan touched, to highlight it. */
  lastSku: string | null;
}

export type ScanAction =
  | { type: 'scanned'; item: LineItem }
  | { type: 'quantity'; sku: string; quantity: string }
  | { type: 'cost'; sku: string; unitCost: string }
  | { type: 'remove'; sku: string }
  | { type: 'clear' };

export const emptyScan: ScanState = { lines: [], scans: 0, lastSku: null };

/**
 * A scan of a new item adds a line of one; a scan of an item already listed adds one to it,
 * unless the person has typed something that is not a number there, which is left for them to fix.
 * The touched line moves to the top, where the clerk is looking.
 */
export function scanReducer(state: ScanState, action: ScanAction): ScanState {
  switch (action.type) {
    case 'scanned': {
      const existing = state.lines.find((l) => l.item.sku === action.item.sku);
      const others = state.lines.filter((l) => l.item.sku !== action.item.sku);
      const current = existing === undefined ? undefined : checkQuantity(existing.quantity);
      const quantity = existing === undefined ? '1' : current?.ok ? addQuantities(current.text, '1') : existing.quantity;
      return { lines: [{ ...existing, item: action.item, quantity }, ...others], scans: state.scans + 1, lastSku: action.item.sku };
    }
    case 'quantity':
      return { ...state, lines: state.lines.map((l) => (l.item.sku === action.sku ? { ...l, quantity: action.quantity } : l)) };
    case 'cost':
      return { ...state, lines: state.lines.map((l) => (l.item.sku === action.sku ? { ...l, unitCost: action.unitCost } : l)) };
    case 'remove':
      return { ...state, lines: state.lines.filter((l) => l.item.sku !== action.sku), lastSku: state.lastSku === action.sku ? null : state.lastSku };
    case 'clear':
      return emptyScan;
  }
}

export type LinesCheck = { ok: true; lines: Array<{ item: string; quantity: string }> } | { ok: false; errors: Record<number, string> };

/** Checks every line's quantity is a number before anything is sent; the API checks the rest. */
export function checkLines(lines: readonly ScanLine[], options: { allowNegative?: boolean } = {}): LinesCheck {
  const errors: Record<number, string> = {};
  const checked = lines.map((line, i) => {
    const result = checkQuantity(line.quantity, options);
    if (!result.ok) errors[i] = result.message;
    return { item: line.item.sku, quantity: result.ok ? result.text : line.quantity };
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, lines: checked };
}
