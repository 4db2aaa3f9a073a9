import type { ItemTracking } from '../catalog/item-types.js';
import type { SalesOrderStatus } from '../db/schema.js';
import type { QuantityInput } from '../shared/quantity.js';

type Place = { id: string; code: string };

export interface DeliveryAddress {
  name?: string | null | undefined;
  line1?: string | null | undefined;
  line2?: string | null | undefined;
  city?: string | null | undefined;
  postalCode?: string | null | undefined;
  country?: string | null | undefined;
  region?: string | null | undefined;
  latitude?: string | number | null | undefined;
  longitude?: string | number | null | undefined;
}

export interface NewSalesOrder {
  channel: string;
  /** The channel's own order id: a repeat finds the order instead of making a second. */
  externalId?: string | undefined;
  /** Ship from this site, zone or bin (within the channel's); otherwise the channel's routing chooses. */
  location?: string | undefined;
  customerName?: string | undefined;
  address?: DeliveryAddress | undefined;
  lines: Array<{ item: string; quantity: QuantityInput }>;
  /** A checkout hold: the order expires and its holds are released unless confirmed first. */
  holdTtlSeconds?: number | undefined;
  expiresAt?: string | undefined;
  notes?: string | undefined;
}

export interface Routing {
  locations: Place[];
  reason: string;
}

export interface SalesOrderLine {
  id: string;
  lineNo: number;
  /** `tracking: serial` items name their serials when they ship. */
  item: { id: string; sku: string; name: string; unit: string; tracking: ItemTracking };
  quantity: string;
  /** Held now by the order's active reservations. */
  reserved: string;
  backordered: string;
  picked: string;
  shipped: string;
  holds: Array<{ reservationId: string; location: Place; quantity: string }>;
}

export interface SalesOrder {
  id: string;
  number: string;
  channel: Place;
  externalId: string | null;
  status: SalesOrderStatus;
  customerName: string | null;
  address: DeliveryAddress | null;
  routing: Routing | null;
  expiresAt: string | null;
  notes: string | null;
  lines: SalesOrderLine[];
  createdBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface ShipInput {
  /** Omitted: ship everything the order holds. */
  lines?: Array<{ line?: string | undefined; item?: string | undefined; quantity: QuantityInput; serials?: string[] | undefined }> | undefined;
  reference?: string | undefined;
  note?: string | undefined;
  occurredAt?: string | undefined;
}

export interface SalesOrderQuery {
  channel?: string | undefined;
  status?: SalesOrderStatus[] | undefined;
  item?: string | undefined;
  search?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}
