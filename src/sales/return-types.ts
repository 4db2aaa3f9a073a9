import type { ReturnEntryAction, ReturnStatus } from '../db/schema.js';
import type { Movement } from '../operations/movement-view.js';
import type { QuantityInput } from '../shared/quantity.js';

type Place = { id: string; code: string };

/** The lot a line or step of a lot-tracked item is about. */
export interface ReturnLot {
  id: string;
  number: string;
  expiresOn: string | null;
}

export interface ReturnLine {
  id: string;
  lineNo: number;
  /** The sales order line it goes back against; null on a return without an order. */
  orderLine: { id: string; lineNo: number } | null;
  /** `tracking` says whether the line names a lot or serials. */
  item: { id: string; sku: string; name: string; unit: string; tracking: 'none' | 'lot' | 'serial' };
  authorised: string;
  received: string;
  restocked: string;
  scrapped: string;
  /** Received and not yet restocked or scrapped: sitting in quality control. */
  inQc: string;
  reasonCode: string;
  note: string | null;
  /** Lot-tracked items: the one lot that comes back on this line; null otherwise. */
  lot: ReturnLot | null;
  /** Serial-tracked items: the serials authorised to come back (empty when they are named on arrival). */
  serials: string[];
}

/** A return in lists: the header and its lines. */
export interface ReturnSummary {
  id: string;
  number: string;
  status: ReturnStatus;
  order: { id: string; number: string } | null;
  channel: Place | null;
  customerName: string | null;
  notes: string | null;
  lines: ReturnLine[];
  createdBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

/** One step that moved returned units: into quality control, back to a sellable bin, or to scrap. */
export interface ReturnEntry {
  id: string;
  action: ReturnEntryAction;
  line: { id: string; lineNo: number };
  item: { id: string; sku: string };
  quantity: string;
  from: Place;
  to: Place;
  reasonCode: string | null;
  movementId: string;
  /** The lot moved (lot-tracked items), else null. */
  lot: ReturnLot | null;
  /** The serials moved (serial-tracked items), else empty. */
  serials: string[];
  note: string | null;
  by: { id: string; name: string };
  occurredAt: string;
  recordedAt: string;
}

export interface Return extends ReturnSummary {
  history: ReturnEntry[];
  movements: Movement[];
}

export interface NewReturnLine {
  /** The sales order line (its id)… */
  line?: string | undefined;
  /** …or the item (id, SKU or barcode). */
  item?: string | undefined;
  quantity: QuantityInput;
  reason: string;
  note?: string | undefined;
  /** Lot-tracked items: the lot (number or id) that comes back; against an order it defaults to the only lot with something left to return. */
  lot?: string | undefined;
  /** Serial-tracked items: the serials that come back, one per unit; against an order they may be named on arrival instead. */
  serials?: string[] | undefined;
}

export interface NewReturn {
  /** The sales order (id or number) the goods were sold on. */
  order?: string | undefined;
  /** Without an order: the channel that takes the return (a till). */
  channel?: string | undefined;
  customerName?: string | undefined;
  notes?: string | undefined;
  lines: NewReturnLine[];
}

/** A line of a receipt or disposition: the return line by id, or the item as scanned. */
export interface StepLineRef {
  line?: string | undefined;
  item?: string | undefined;
  quantity: QuantityInput;
  /** Lot-tracked items: the lot as scanned; it picks the line of that lot and must be the line's. */
  lot?: string | undefined;
  /** Serial-tracked items: which units, one per unit (defaults to all the line has for the step, when that is the quantity). */
  serials?: string[] | undefined;
}

export interface ReceiveReturnInput {
  /** The quality-control location: physical and not sellable. */
  location: string;
  /** Omitted: everything still expected. */
  lines?: StepLineRef[] | undefined;
  reference?: string | undefined;
  note?: string | undefined;
  occurredAt?: string | undefined;
}

export interface DisposeLine extends StepLineRef {
  action: 'restock' | 'scrap';
  /** Restock only: the sellable bin the units go back to. */
  location?: string | undefined;
  /** The quality-control location to take from; otherwise where the line's units are, first received first. */
  from?: string | undefined;
  reason: string;
}

export interface DisposeInput {
  lines: DisposeLine[];
  note?: string | undefined;
  occurredAt?: string | undefined;
}

export interface ReturnStepResult {
  return: Return;
  movements: Movement[];
}

export interface ReturnQuery {
  status?: readonly ReturnStatus[] | undefined;
  order?: string | undefined;
  item?: string | undefined;
  channel?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** What may still come back of one shipped order line, and for tracked items, of which lots and serials. */
export interface ReturnableLine {
  line: { id: string; lineNo: number };
  item: { id: string; sku: string; name: string; unit: string; tracking: 'none' | 'lot' | 'serial' };
  shipped: string;
  returnable: string;
  /** Lot-tracked items: each lot the order shipped of the item (its lines of one item share them), with what may still come back of it. */
  lots: Array<ReturnLot & { shipped: string; returnable: string }>;
  /** Serial-tracked items: the serials shipped on the order that are with the customer and on no other return. */
  serials: string[];
}
