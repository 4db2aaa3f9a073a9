/** Shapes of the Stockroom API's answers (see /api/openapi.json). Quantities and money are decimal text. */

// The server's own types where they live in files without I/O, so the two cannot drift apart.
import type { Movement } from '../../../src/operations/movement-view';

export type { AuditEntry } from '../../../src/access/audit-types';
export type { Barcode, Item } from '../../../src/catalog/item-types';
export type { Location, LocationNode } from '../../../src/locations/location-types';
export type { Movement };
export type { Page } from '../../../src/shared/page';
export type { Supplier, SupplierItem } from '../../../src/purchasing/supplier-types';
export type {
  Discrepancy, PurchaseOrder, PurchaseOrderLine, PurchaseOrderSummary, Receipt, ReceiptResult,
} from '../../../src/purchasing/po-types';
export type { PolicyInput, PolicyView, PurchaseSuggestionList, ReorderStatus, SuggestedLine, SuggestedOrder } from '../../../src/planning/planning-types';
export type { PurchaseOrderStatus } from '../../../src/db/schema';
export type { Channel, ChannelItemAvailability } from '../../../src/sales/channel-types';
export type { RoutingRule } from '../../../src/sales/channel-rules';
export type { CreatedWebhook, Webhook, WebhookDelivery, WebhookReplay } from '../../../src/events/webhook-types';
export type { DeliveryAddress, Routing, SalesOrder, SalesOrderLine } from '../../../src/sales/order-types';
export type { PickList, PickListLine } from '../../../src/sales/pick-list-types';
export type { SalesOrderStatus } from '../../../src/db/schema';

export interface StockFigures {
  onHand: string;
  reserved: string;
  available: string;
  inTransit: string;
  /** Still expected on open purchase orders: on the order's site row, its roll-up and the total. */
  incoming: string;
}

export interface Place {
  id: string;
  code: string;
  name: string;
}

export interface ItemStock {
  item: { id: string; sku: string; unit: string };
  total: StockFigures;
  sites: Array<StockFigures & { site: Place }>;
  locations: Array<StockFigures & { location: Place & { siteId: string | null; sellable: boolean } }>;
}

export interface StockRow extends StockFigures {
  item: { id: string; sku: string };
  location: Place & { siteId: string | null };
}

export interface Posting {
  postingId: string;
  movements: Movement[];
}

export interface Transfer {
  id: string;
  mode: 'immediate' | 'two-step';
  status: 'in_transit' | 'received' | 'cancelled';
  from: { id: string; code: string };
  to: { id: string; code: string };
  reference: string | null;
  lines: Array<{ item: { id: string; sku: string }; quantity: string }>;
  createdAt: string;
  closedAt: string | null;
}

export interface ReasonCode {
  code: string;
  name: string;
}

interface SiteTotals {
  itemsInStock: number;
  units: string;
  value: string | null;
  itemsWithoutCost: number;
}

export interface StockSummary extends SiteTotals {
  belowReorder: number;
  sites: Array<SiteTotals & { site: Place }>;
}

export interface ItemStockEntry {
  item: { id: string; sku: string; name: string; category: string | null; unit: string; decimals: number; reorderPoint: string | null };
  onHand: string;
  reserved: string;
  available: string;
  belowReorder: boolean;
}

export interface StockHistory {
  item: { id: string; sku: string; unit: string } | null;
  points: Array<{ date: string; onHand: string }>;
}

export interface DayActivity {
  date: string;
  receipts: number;
  shipments: number;
  transfers: number;
  adjustments: number;
  other: number;
}

export interface FieldError {
  path: string;
  message: string;
}

/** RFC 9457 problem details, as every API error arrives. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  shortfalls?: Array<{ path: string; item: string; location: string; requested: string; available: string }>;
}
