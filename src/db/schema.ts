import type { Generated, Insertable, Kysely, Selectable, Transaction } from 'kysely';

/**
 * Table types shared by SQLite and PostgreSQL. Only types both share are used:
 * text ids and UTC ISO-8601 text times, integer quantities (scaled), integer 0/1 flags.
 */
export interface ItemsTable {
  id: string;
  sku: string;
  name: string;
  description: string | null;
  category: string | null;
  unit: string;
  decimals: number;
  reorder_point: number | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  /** How units are told apart: not at all, by lot (batch), or one by one by serial number. Fixed once created. */
  tracking: Generated<ItemTracking>;
}

export type ItemTracking = 'none' | 'lot' | 'serial';

export interface ItemBarcodesTable {
  code: string;
  item_id: string;
  kind: string;
  created_at: string;
}

export type LocationKind = 'site' | 'zone' | 'bin' | 'virtual';
export type VirtualKind = 'supplier' | 'customer' | 'loss' | 'transit' | 'production' | 'scrap';

export interface LocationsTable {
  id: string;
  code: string;
  name: string;
  kind: LocationKind;
  virtual_kind: VirtualKind | null;
  parent_id: string | null;
  site_id: string | null;
  sellable: number;
  allow_negative: number;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  /** Sites only, for routing orders: integer micro-degrees (52.520008° = 52520008) and a region name. */
  latitude_micro: number | null;
  longitude_micro: number | null;
  region: string | null;
}

export interface MovementsTable {
  seq: Generated<number>;
  id: string;
  posting_id: string;
  item_id: string;
  quantity: number;
  from_location_id: string;
  to_location_id: string;
  kind: string;
  unit_cost: number | null;
  reason_code: string | null;
  document_type: string | null;
  document_id: string | null;
  reference: string | null;
  reverses_id: string | null;
  actor: string;
  actor_name: string;
  occurred_at: string;
  recorded_at: string;
  idempotency_key: string | null;
  note: string | null;
  /** The one lot a movement of a lot-tracked item moves; null for other items. */
  lot_id: string | null;
}

export interface BalancesTable {
  item_id: string;
  location_id: string;
  on_hand: number;
  reserved: number;
}

export type ReservationStatus = 'active' | 'released' | 'consumed' | 'expired';

export interface ReservationsTable {
  id: string;
  item_id: string;
  location_id: string;
  quantity: number;
  status: ReservationStatus;
  expires_at: string | null;
  reference: string | null;
  actor: string;
  created_at: string;
  closed_at: string | null;
}

export type TransferStatus = 'in_transit' | 'received' | 'cancelled';

export interface TransfersTable {
  id: string;
  mode: 'immediate' | 'two-step';
  status: TransferStatus;
  from_location_id: string;
  to_location_id: string;
  reference: string | null;
  actor: string;
  created_at: string;
  closed_at: string | null;
}

export interface TransferLinesTable {
  transfer_id: string;
  line_no: number;
  item_id: string;
  quantity: number;
}

export interface ReasonCodesTable {
  code: string;
  name: string;
  created_at: string;
  /** Archived codes stay on past movements but cannot be used for new adjustments. */
  archived_at: string | null;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  key_hash: string;
  key_prefix: string;
  role: string;
  created_at: string;
  revoked_at: string | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  id: string;
  actor: string;
  actor_name: string;
  action: string;
  entity_type: string;
  entity_id: string;
  reason: string | null;
  details: string | null;
  at: string;
}

export interface IdempotencyKeysTable {
  actor: string;
  key: string;
  request_hash: string;
  response: string;
  created_at: string;
}

export interface SuppliersTable {
  id: string;
  code: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  /** ISO 4217 code of the currency the supplier's prices are in. */
  currency: string;
  lead_time_days: number | null;
  payment_terms: string | null;
  /** How much more than ordered may be received, in hundredths of a percent (1000 = 10%). */
  over_receipt_tolerance_bp: number;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SupplierItemsTable {
  supplier_id: string;
  item_id: string;
  supplier_sku: string | null;
  min_order_quantity: number | null;
  pack_size: number | null;
  lead_time_days: number | null;
  preferred: number;
  created_at: string;
  updated_at: string;
}

export interface SupplierItemPricesTable {
  supplier_id: string;
  item_id: string;
  min_quantity: number;
  unit_price: number;
}

export type PurchaseOrderStatus = 'draft' | 'ordered' | 'partially_received' | 'received' | 'closed' | 'cancelled';

export interface PurchaseOrdersTable {
  id: string;
  number: string;
  supplier_id: string;
  site_id: string;
  status: PurchaseOrderStatus;
  currency: string;
  /** A calendar day, YYYY-MM-DD. */
  expected_date: string | null;
  notes: string | null;
  created_by: string;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  ordered_at: string | null;
  closed_at: string | null;
}

export interface PurchaseOrderLinesTable {
  id: string;
  purchase_order_id: string;
  line_no: number;
  item_id: string;
  /** Ordered; 0 on an unplanned line (an item received that was not on the order). */
  quantity: number;
  unit_price: number | null;
  expected_date: string | null;
  received_quantity: number;
  returned_quantity: number;
  unplanned: number;
  closed_at: string | null;
}

export type PurchaseReceiptKind = 'receipt' | 'return';

export interface PurchaseReceiptsTable {
  id: string;
  purchase_order_id: string;
  kind: PurchaseReceiptKind;
  posting_id: string;
  reference: string | null;
  note: string | null;
  actor: string;
  actor_name: string;
  occurred_at: string;
  recorded_at: string;
}

export interface PurchaseReceiptLinesTable {
  receipt_id: string;
  line_no: number;
  order_line_id: string;
  item_id: string;
  location_id: string;
  quantity: number;
  unit_cost: number | null;
  movement_id: string;
}

export interface DocumentNumbersTable {
  name: string;
  last_value: number;
}

export interface ReorderPoliciesTable {
  item_id: string;
  site_id: string;
  method: 'manual' | 'computed';
  min_quantity: number | null;
  max_quantity: number | null;
  safety_stock: number | null;
  cover_days: number | null;
  window_days: number | null;
  lead_time_days: number | null;
  updated_by: string;
  updated_at: string;
}

/** The transactional outbox: `seq` stays NULL until the sequencer numbers the committed row. */
export interface EventsTable {
  id: string;
  seq: number | null;
  type: string;
  /** JSON text. */
  payload: string;
  created_at: string;
}

// --- Sales (channels, sales orders, holds, pick lists) ---
export type ChannelKind = 'web' | 'pos' | 'marketplace';

export interface ChannelsTable {
  id: string;
  code: string;
  name: string;
  kind: ChannelKind;
  /** Withheld from the channel for every item, in millionths of the item's unit. */
  buffer_micro: number;
  allow_backorders: number;
  /** JSON array of routing rules, in order. */
  routing_rules: string;
  /** JSON array of location ids to try first, in order. */
  priority_location_ids: string;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChannelLocationsTable {
  channel_id: string;
  location_id: string;
}

export interface ChannelItemBuffersTable {
  channel_id: string;
  item_id: string;
  /** In the item's smallest unit; replaces the channel-wide buffer for this item. */
  buffer: number;
}

export type SalesOrderStatus = 'reserved' | 'backordered' | 'picking' | 'partially_shipped' | 'shipped' | 'delivered' | 'cancelled' | 'expired';

export interface SalesOrdersTable {
  id: string;
  number: string;
  channel_id: string;
  external_id: string | null;
  /** Hash of the order as first sent, so a repeat of the channel's order id can be told from a different order. */
  request_hash: string;
  status: SalesOrderStatus;
  customer_name: string | null;
  /** JSON of the free-text delivery address fields. */
  address: string | null;
  region: string | null;
  latitude_micro: number | null;
  longitude_micro: number | null;
  /** JSON: the routing decision and its reason. */
  routing: string | null;
  expires_at: string | null;
  notes: string | null;
  created_by: string;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface SalesOrderLinesTable {
  id: string;
  sales_order_id: string;
  line_no: number;
  item_id: string;
  /** The location the order asked for, when it named one. */
  location_id: string | null;
  quantity: number;
  /** Ordered but not yet reserved (channels that allow backorders). */
  backordered: number;
  picked: number;
  shipped: number;
}

export interface SalesOrderHoldsTable {
  reservation_id: string;
  sales_order_id: string;
  line_id: string;
  location_id: string;
}

export interface PickListsTable {
  id: string;
  number: string;
  status: 'open' | 'done';
  created_by: string;
  created_at: string;
  completed_at: string | null;
}

export interface PickListLinesTable {
  pick_list_id: string;
  line_no: number;
  sales_order_id: string;
  order_line_id: string;
  item_id: string;
  location_id: string;
  quantity: number;
  picked: number;
}

// --- Webhooks (subscriptions and their deliveries) ---
export type WebhookStatus = 'active' | 'paused';
export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

export interface WebhookSubscriptionsTable {
  id: string;
  url: string;
  description: string | null;
  /** JSON array of event types or patterns ('*', 'sales_order.*'). */
  event_types: string;
  /** Kept as it is: signing needs the secret itself. */
  secret: string;
  status: WebhookStatus;
  /** Every event up to this seq has been queued for the subscription. */
  after_seq: number;
  /** The lease of the process sending its deliveries; free when NULL or past. */
  claimed_until: string | null;
  claim_token: string | null;
  /** host:pid of the process holding the lease. */
  claimed_by: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  subscription_id: string;
  event_id: string;
  event_seq: number;
  event_type: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  next_attempt_at: string;
  last_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  last_duration_ms: number | null;
  delivered_at: string | null;
  /** The delivery this one replays. */
  replay_of: string | null;
  created_at: string;
}

// --- Channel availability feed (coalesced channel.availability events) ---
/** How far the feed has read the event log; one row per feed. */
export interface FeedCursorsTable {
  name: string;
  last_seq: number;
}

/** The figure last published per channel × item, so an unchanged figure is not sent again. */
export interface ChannelAvailabilityPublishedTable {
  channel_id: string;
  item_id: string;
  available: number;
  published_at: string;
}

// --- Cycle counts (counts and their lines per item × location) ---
export type CountStatus = 'draft' | 'counting' | 'review' | 'approved' | 'cancelled';

export interface CountsTable {
  id: string;
  number: string;
  site_id: string;
  status: CountStatus;
  /** JSON: what the count covers (bins, items, the whole site, not counted for N days, ABC). */
  scope: string;
  blind: number;
  /** A variance beyond this many units (in millionths of a unit) needs a manager. */
  threshold_units_micro: number | null;
  /** A variance worth more than this (1/10,000 of the currency unit) needs a manager. */
  threshold_value: number | null;
  note: string | null;
  posting_id: string | null;
  created_by: string;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  submitted_at: string | null;
  approved_at: string | null;
  approved_by: string | null;
  cancelled_at: string | null;
}

export interface CountLinesTable {
  id: string;
  count_id: string;
  line_no: number;
  item_id: string;
  location_id: string;
  /** On hand when counting started (0 on an unplanned line). */
  expected: number;
  /** Found by a counter, not in the snapshot. */
  unplanned: number;
  counted: number | null;
  /** The ledger's on hand read in the transaction of the latest entry: the variance is against this. */
  on_hand_at_count: number | null;
  unit_cost: number | null;
  /** What was counted before a recount was asked for. */
  previous_counted: number | null;
  recounts: number;
  reason_code: string | null;
  counted_by: string | null;
  counted_by_name: string | null;
  counted_at: string | null;
  /** The lot this line counts (lot-tracked items: one line per lot); null for other items. */
  lot_id: string | null;
}

/** Which serials a line of a serial-tracked item expected, had on hand at the entry, and counted. */
export type CountSerialRole = 'expected' | 'on_hand' | 'counted';

export interface CountLineSerialsTable {
  line_id: string;
  role: CountSerialRole;
  serial_number: string;
  /** Null for a number the ledger has never seen (a found unit, created when the count is approved). */
  serial_id: string | null;
}

// --- Customer returns (RMAs): the return, its authorised lines, and each step that moved stock ---
export type ReturnStatus = 'authorised' | 'partially_received' | 'received' | 'closed' | 'cancelled';
export type ReturnEntryAction = 'receipt' | 'restock' | 'scrap';

export interface ReturnsTable {
  id: string;
  number: string;
  /** Null for a till return without an order (see docs/returns.md). */
  sales_order_id: string | null;
  channel_id: string | null;
  status: ReturnStatus;
  customer_name: string | null;
  notes: string | null;
  created_by: string;
  created_by_name: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface ReturnLinesTable {
  id: string;
  return_id: string;
  line_no: number;
  order_line_id: string | null;
  item_id: string;
  /** Authorised, in the item's smallest unit like the totals beside it. */
  quantity: number;
  received: number;
  restocked: number;
  scrapped: number;
  reason_code: string;
  note: string | null;
  /** The one lot that comes back on a line of a lot-tracked item; null for other items. */
  lot_id: string | null;
}

/** The serials authorised to come back on a return line of a serial-tracked item (none: named when received). */
export interface ReturnLineSerialsTable {
  line_id: string;
  serial_id: string;
}

export interface ReturnEntriesTable {
  id: string;
  return_id: string;
  line_id: string;
  action: ReturnEntryAction;
  quantity: number;
  from_location_id: string;
  to_location_id: string;
  reason_code: string | null;
  movement_id: string;
  note: string | null;
  actor: string;
  actor_name: string;
  occurred_at: string;
  recorded_at: string;
}

// --- Lots and serials (tracking) ---
export interface LotsTable {
  id: string;
  item_id: string;
  lot_number: string;
  /** YYYY-MM-DD */
  manufactured_on: string | null;
  /** YYYY-MM-DD; the lot is expired from the day after. */
  expires_on: string | null;
  first_received_at: string;
  created_at: string;
}

/** A lot-tracked item's balance split per lot; Σ over lots equals its `balances` row. */
export interface LotBalancesTable {
  item_id: string;
  location_id: string;
  lot_id: string;
  on_hand: number;
  reserved: number;
}

/** Which lots a reservation of a lot-tracked item holds, and how much of each. */
export interface ReservationLotsTable {
  reservation_id: string;
  lot_id: string;
  quantity: number;
}

export interface SerialsTable {
  id: string;
  item_id: string;
  serial_number: string;
  /** Where this unit is now (virtual locations included). */
  location_id: string;
  lot_id: string | null;
  created_at: string;
}

export interface MovementSerialsTable {
  movement_id: string;
  serial_id: string;
}

export interface Schema {
  items: ItemsTable;
  item_barcodes: ItemBarcodesTable;
  locations: LocationsTable;
  movements: MovementsTable;
  balances: BalancesTable;
  reservations: ReservationsTable;
  transfers: TransfersTable;
  transfer_lines: TransferLinesTable;
  reason_codes: ReasonCodesTable;
  api_keys: ApiKeysTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeysTable;
  suppliers: SuppliersTable;
  supplier_items: SupplierItemsTable;
  supplier_item_prices: SupplierItemPricesTable;
  purchase_orders: PurchaseOrdersTable;
  purchase_order_lines: PurchaseOrderLinesTable;
  purchase_receipts: PurchaseReceiptsTable;
  purchase_receipt_lines: PurchaseReceiptLinesTable;
  document_numbers: DocumentNumbersTable;
  reorder_policies: ReorderPoliciesTable;
  events: EventsTable;
  channels: ChannelsTable;
  channel_locations: ChannelLocationsTable;
  channel_item_buffers: ChannelItemBuffersTable;
  sales_orders: SalesOrdersTable;
  sales_order_lines: SalesOrderLinesTable;
  sales_order_holds: SalesOrderHoldsTable;
  pick_lists: PickListsTable;
  pick_list_lines: PickListLinesTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  feed_cursors: FeedCursorsTable;
  channel_availability_published: ChannelAvailabilityPublishedTable;
  returns: ReturnsTable;
  return_lines: ReturnLinesTable;
  return_entries: ReturnEntriesTable;
  return_line_serials: ReturnLineSerialsTable;
  counts: CountsTable;
  count_lines: CountLinesTable;
  count_line_serials: CountLineSerialsTable;
  lots: LotsTable;
  lot_balances: LotBalancesTable;
  reservation_lots: ReservationLotsTable;
  serials: SerialsTable;
  movement_serials: MovementSerialsTable;
}

/** A query executor: the database itself or a transaction. Repositories take this. */
export type Executor = Kysely<Schema> | Transaction<Schema>;

export type ItemRow = Selectable<ItemsTable>;
export type LocationRow = Selectable<LocationsTable>;
export type MovementRow = Selectable<MovementsTable>;
export type NewMovementRow = Insertable<MovementsTable>;
export type BalanceRow = Selectable<BalancesTable>;
export type ReservationRow = Selectable<ReservationsTable>;
export type TransferRow = Selectable<TransfersTable>;
export type TransferLineRow = Selectable<TransferLinesTable>;
export type ApiKeyRow = Selectable<ApiKeysTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type SupplierRow = Selectable<SuppliersTable>;
export type SupplierItemRow = Selectable<SupplierItemsTable>;
export type SupplierItemPriceRow = Selectable<SupplierItemPricesTable>;
export type PurchaseOrderRow = Selectable<PurchaseOrdersTable>;
export type ReorderPolicyRow = Selectable<ReorderPoliciesTable>;
export type EventRow = Selectable<EventsTable>;
export type PurchaseOrderLineRow = Selectable<PurchaseOrderLinesTable>;
export type PurchaseReceiptRow = Selectable<PurchaseReceiptsTable>;
export type PurchaseReceiptLineRow = Selectable<PurchaseReceiptLinesTable>;
export type ChannelRow = Selectable<ChannelsTable>;
export type SalesOrderRow = Selectable<SalesOrdersTable>;
export type SalesOrderLineRow = Selectable<SalesOrderLinesTable>;
export type SalesOrderHoldRow = Selectable<SalesOrderHoldsTable>;
export type PickListRow = Selectable<PickListsTable>;
export type PickListLineRow = Selectable<PickListLinesTable>;
export type WebhookSubscriptionRow = Selectable<WebhookSubscriptionsTable>;
export type WebhookDeliveryRow = Selectable<WebhookDeliveriesTable>;
export type ReturnRow = Selectable<ReturnsTable>;
export type ReturnLineRow = Selectable<ReturnLinesTable>;
export type ReturnEntryRow = Selectable<ReturnEntriesTable>;
export type CountRow = Selectable<CountsTable>;
export type CountLineRow = Selectable<CountLinesTable>;
export type CountLineSerialRow = Selectable<CountLineSerialsTable>;
export type LotRow = Selectable<LotsTable>;
export type LotBalanceRow = Selectable<LotBalancesTable>;
export type SerialRow = Selectable<SerialsTable>;
