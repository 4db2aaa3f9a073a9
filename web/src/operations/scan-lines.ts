import { addQuantities, checkQuantity } from '../lib/quantity';

/** What a line needs to know of its item. */
export interface LineItem {
  id: string;
  sku: string;
  name: string;
  unit: string;
  /** Lot-tracked lines ask for a lot, serial-tracked lines for one serial per unit. */
  tracking?: 'none' | 'lot' | 'serial' | undefined;
}

/** The lot a line names: on receipt its number and dates; going out a number, or none for first expiring. */
export interface LineLot {
  number: string;
  expiresOn: string;
  manufacturedOn: string;
}

export interface ScanLine {
  item: LineItem;
  /** What the person sees and edits; checked on submit, and by the API for the item's precision. */
  quantity: string;
  /** Receipts only: the price paid per unit, which values the stock. */
  unitCost?: string;
  lot?: LineLot;
  /** Serial-tracked items: the scanned serials, one per unit; the quantity is their count. */
  serials?: string[];
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
  | { type: 'lot'; sku: string; lot: LineLot }
  | { type: 'serial'; sku: string; serial: string }
  | { type: 'unserial'; sku: string; serial: string }
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
      // A serial item's scan opens its line; the units are counted by the serials scanned into it.
      if (action.item.tracking === 'serial') {
        const serials = existing?.serials ?? [];
        return { lines: [{ ...existing, item: action.item, quantity: String(serials.length), serials }, ...others], scans: state.scans + 1, lastSku: action.item.sku };
      }
      const current = existing === undefined ? undefined : checkQuantity(existing.quantity);
      const quantity = existing === undefined ? '1' : current?.ok ? addQuantities(current.text, '1') : existing.quantity;
      return { lines: [{ ...existing, item: action.item, quantity }, ...others], scans: state.scans + 1, lastSku: action.item.sku };
    }
    case 'quantity':
      return { ...state, lines: state.lines.map((l) => (l.item.sku === action.sku ? { ...l, quantity: action.quantity } : l)) };
    case 'cost':
      return { ...state, lines: state.lines.map((l) => (l.item.sku === action.sku ? { ...l, unitCost: action.unitCost } : l)) };
    case 'lot':
      return { ...state, lines: state.lines.map((l) => (l.item.sku === action.sku ? { ...l, lot: action.lot } : l)) };
    case 'serial':
      return { ...state, scans: state.scans + 1, lastSku: action.sku, lines: state.lines.map((l) => (l.item.sku === action.sku ? withSerials(l, [...(l.serials ?? []), action.serial]) : l)) };
    case 'unserial':
      return { ...state, lines: state.lines.map((l) => (l.item.sku === action.sku ? withSerials(l, (l.serials ?? []).filter((s) => s !== action.serial)) : l)) };
    case 'remove':
      return { ...state, lines: state.lines.filter((l) => l.item.sku !== action.sku), lastSku: state.lastSku === action.sku ? null : state.lastSku };
    case 'clear':
      return emptyScan;
  }
}

function withSerials(line: ScanLine, serials: string[]): ScanLine {
  return { ...line, serials, quantity: String(serials.length) };
}

/** Whether a serial can go on a line: not empty and not already scanned into it. */
export function serialProblem(line: ScanLine, serial: string): string | null {
  if (serial.trim() === '') return 'Scan or type a serial number';
  if ((line.serials ?? []).includes(serial.trim())) return `${serial.trim()} is already on this line`;
  return null;
}

/** What a line sends about its lot and serials; `incoming` stock names its lot with dates. */
export type SentTracking = { lot?: string | { number: string; expiresOn?: string; manufacturedOn?: string }; serials?: string[] };

export type LinesCheck =
  | { ok: true; lines: Array<{ item: string; quantity: string } & SentTracking> }
  | { ok: false; errors: Record<number, Record<string, string>> };

function tracking(line: ScanLine, incoming: boolean, errors: Record<string, string>): SentTracking {
  if (line.item.tracking === 'serial') {
    if ((line.serials ?? []).length === 0) errors.serials = `Scan the serial number of each unit of ${line.item.sku}`;
    return { serials: line.serials ?? [] };
  }
  if (line.item.tracking !== 'lot') return {};
  const number = line.lot?.number.trim() ?? '';
  if (!incoming) return number ? { lot: number } : {};
  if (!number) errors.lot = `Enter the lot number of ${line.item.sku}`;
  const expiresOn = line.lot?.expiresOn.trim() ?? '';
  const manufacturedOn = line.lot?.manufacturedOn.trim() ?? '';
  return { lot: { number, ...(expiresOn && { expiresOn }), ...(manufacturedOn && { manufacturedOn }) } };
}

/**
 * Checks every line before anything is sent: quantities are numbers, a lot is named where stock
 * comes in (`incoming`), serial items have their serials. The API checks the rest.
 */
export function checkLines(lines: readonly ScanLine[], options: { allowNegative?: boolean; incoming?: boolean } = {}): LinesCheck {
  const errors: Record<number, Record<string, string>> = {};
  const checked = lines.map((line, i) => {
    const lineErrors: Record<string, string> = {};
    const result = checkQuantity(line.quantity, options);
    if (!result.ok && line.item.tracking !== 'serial') lineErrors.quantity = result.message;
    const sent = { item: line.item.sku, quantity: result.ok ? result.text : line.quantity, ...tracking(line, options.incoming ?? false, lineErrors) };
    if (Object.keys(lineErrors).length > 0) errors[i] = lineErrors;
    return sent;
  });
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, lines: checked };
}
