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
}

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
