import type { PurchaseOrderStatus, PurchaseReceiptKind } from '../db/schema.js';
import type { LotInput } from '../tracking/lot-rules.js';
import type { Movement } from '../operations/movement-view.js';
import type { QuantityInput } from '../shared/quantity.js';
import type { DiscrepancyKind } from './po-rules.js';

type Named = { id: string; code: string; name: string };

export interface PurchaseOrderLine {
  id: string;
  lineNo: number;
  item: { id: string; sku: string; name: string; unit: string };
  supplierSku: string | null;
  /** Ordered; "0" on an unplanned line. */
  quantity: string;
  unitPrice: string | null;
  lineTotal: string;
  expectedDate: string | null;
  received: string;
  returned: string;
  /** Still expected: counted as incoming stock at the destination site. */
  open: string;
  closed: boolean;
  unplanned: boolean;
}

export interface Discrepancy {
  line: { id: string; lineNo: number };
  item: { id: string; sku: string };
  kind: DiscrepancyKind;
  ordered: string;
  received: string;
  /** received − ordered: negative when short. */
  difference: string;
}

/** A purchase order in lists and exports: the header and its totals, without lines. */
export interface PurchaseOrderSummary {
  id: string;
  number: string;
  status: PurchaseOrderStatus;
  supplier: Named;
  site: Named;
  currency: string;
  expectedDate: string | null;
  notes: string | null;
  lineCount: number;
  total: string;
  createdBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  orderedAt: string | null;
  closedAt: string | null;
}

export interface PurchaseOrder extends PurchaseOrderSummary {
  lines: PurchaseOrderLine[];
  discrepancies: Discrepancy[];
}

export interface Receipt {
  id: string;
  purchaseOrderId: string;
  kind: PurchaseReceiptKind;
  postingId: string;
  reference: string | null;
  note: string | null;
  receivedBy: { id: string; name: string };
  receivedAt: string;
  recordedAt: string;
  lines: Array<{ orderLineId: string; item: { id: string; sku: string }; location: { id: string; code: string }; quantity: string; unitCost: string | null; movementId: string }>;
}

export interface ReceiptResult {
  receipt: Receipt;
  purchaseOrder: PurchaseOrder;
  movements: Movement[];
}

export interface NewLineInput {
  item: string;
  quantity: QuantityInput;
  unitPrice?: QuantityInput | undefined;
  expectedDate?: string | null | undefined;
}

export interface LineChanges {
  quantity?: QuantityInput | undefined;
  unitPrice?: QuantityInput | undefined;
  expectedDate?: string | null | undefined;
}

export interface NewPurchaseOrder {
  supplier: string;
  site: string;
  expectedDate?: string | null | undefined;
  notes?: string | null | undefined;
  lines?: NewLineInput[] | undefined;
}

export interface PurchaseOrderChanges {
  site?: string | undefined;
  expectedDate?: string | null | undefined;
  notes?: string | null | undefined;
}

/** One receipt or return line: a PO line by id, or an item by id, SKU or barcode (a scan). */
export interface ReceiveLineInput {
  line?: string | undefined;
  item?: string | undefined;
  quantity: QuantityInput;
  location?: string | undefined;
  /** Only for items not on the order; ordered lines are received at their own price. */
  unitCost?: QuantityInput | undefined;
  /** Lot-tracked items: the lot received (`{ number, manufacturedOn?, expiresOn? }`) or returned (number or id). */
  lot?: LotInput | undefined;
  /** Serial-tracked items: one serial number per unit. */
  serials?: string[] | undefined;
}

export interface ReceiveInput {
  location?: string | undefined;
  lines: ReceiveLineInput[];
  reference?: string | undefined;
  note?: string | undefined;
  occurredAt?: string | undefined;
}

export interface ActionInput {
  note?: string | undefined;
}

export interface PurchaseOrderQuery {
  /** Orders in any of these states. */
  status?: readonly PurchaseOrderStatus[] | undefined;
  supplier?: string | undefined;
  site?: string | undefined;
  item?: string | undefined;
  search?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface DiscrepancyQuery {
  kind?: DiscrepancyKind | undefined;
  supplier?: string | undefined;
  site?: string | undefined;
  item?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export interface DiscrepancyEntry extends Discrepancy {
  purchaseOrder: { id: string; number: string; status: PurchaseOrderStatus; orderedAt: string | null };
  supplier: Named;
  site: Named;
  item: { id: string; sku: string; name: string };
}
