import { sql } from 'kysely';
import { isSqlite } from '../db/dialect.js';
import { preparedQuery } from '../db/prepared.js';
import type { Executor, MovementRow, NewMovementRow } from '../db/schema.js';

type MovementValues = Omit<MovementRow, 'seq'> & Record<string, unknown>;
const MOVEMENT_COLUMNS = [
  'id', 'posting_id', 'item_id', 'quantity', 'from_location_id', 'to_location_id', 'kind', 'unit_cost', 'reason_code', 'document_type',
  'document_id', 'reference', 'reverses_id', 'actor', 'actor_name', 'occurred_at', 'recorded_at', 'idempotency_key', 'note', 'lot_id',
] as const satisfies ReadonlyArray<keyof MovementValues>;

/** One movement, the common case, without Kysely building the statement each time. */
const insertOneMovement = preparedQuery<MovementValues, { seq: number }>(MOVEMENT_COLUMNS, (db, row) => {
  const insert = db.insertInto('movements').values(row);
  return isSqlite(db) ? insert : insert.returning('seq');
});

/**
 * Inserts movements and returns them with their sequence numbers. SQLite hands out consecutive
 * rowids within one statement, so the last one is enough and the costly RETURNING is skipped there.
 */
export async function insertMovementRows(db: Executor, rows: NewMovementRow[]): Promise<MovementRow[]> {
  if (rows.length === 0) return [];
  const full = rows.map(withNulls);
  const sqlite = isSqlite(db);
  if (full.length === 1) {
    const result = await insertOneMovement(db, full[0] as MovementValues);
    return [{ ...(full[0] as MovementValues), seq: Number(sqlite ? result.insertId : result.rows[0]?.seq) }];
  }
  if (sqlite) {
    const result = await db.insertInto('movements').values(full).executeTakeFirstOrThrow();
    const first = Number(result.insertId) - full.length + 1;
    return full.map((row, i) => ({ ...row, seq: first + i }));
  }
  const seqs = await db.insertInto('movements').values(full).returning('seq').execute();
  return full.map((row, i) => ({ ...row, seq: Number(seqs[i]?.seq) }));
}

function withNulls(row: NewMovementRow): Omit<MovementRow, 'seq'> {
  return {
    id: row.id, posting_id: row.posting_id, item_id: row.item_id, quantity: row.quantity, from_location_id: row.from_location_id,
    to_location_id: row.to_location_id, kind: row.kind, unit_cost: row.unit_cost ?? null, reason_code: row.reason_code ?? null,
    document_type: row.document_type ?? null, document_id: row.document_id ?? null, reference: row.reference ?? null,
    reverses_id: row.reverses_id ?? null, actor: row.actor, actor_name: row.actor_name, occurred_at: row.occurred_at,
    recorded_at: row.recorded_at, idempotency_key: row.idempotency_key ?? null, note: row.note ?? null, lot_id: row.lot_id ?? null,
  };
}

export async function findMovementById(db: Executor, id: string): Promise<MovementRow | undefined> {
  return db.selectFrom('movements').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findReversalOf(db: Executor, id: string): Promise<MovementRow | undefined> {
  return db.selectFrom('movements').selectAll().where('reverses_id', '=', id).executeTakeFirst();
}

export interface MovementFilter {
  itemId?: string | undefined;
  /** Movements into or out of any of these locations. */
  locationIds?: readonly string[] | undefined;
  kind?: string | undefined;
  documentType?: string | undefined;
  documentId?: string | undefined;
  postingId?: string | undefined;
  lotId?: string | undefined;
  actor?: string | undefined;
  occurredFrom?: string | undefined;
  occurredTo?: string | undefined;
  /** Newest first (default) pages downwards from this sequence number; oldest first pages upwards. */
  afterSeq?: number | undefined;
  order: 'asc' | 'desc';
  limit: number;
}

export async function listMovementRows(db: Executor, filter: MovementFilter): Promise<MovementRow[]> {
  let query = db.selectFrom('movements').selectAll();
  if (filter.itemId) query = query.where('item_id', '=', filter.itemId);
  const locations = filter.locationIds;
  if (locations) {
    const ids = locations.length ? locations : [''];
    query = query.where((eb) => eb.or([eb('from_location_id', 'in', ids), eb('to_location_id', 'in', ids)]));
  }
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.documentType) query = query.where('document_type', '=', filter.documentType);
  if (filter.documentId) query = query.where('document_id', '=', filter.documentId);
  if (filter.postingId) query = query.where('posting_id', '=', filter.postingId);
  if (filter.lotId) query = query.where('lot_id', '=', filter.lotId);
  if (filter.actor) query = query.where('actor', '=', filter.actor);
  if (filter.occurredFrom) query = query.where('occurred_at', '>=', filter.occurredFrom);
  if (filter.occurredTo) query = query.where('occurred_at', '<', filter.occurredTo);
  if (filter.afterSeq !== undefined) query = query.where('seq', filter.order === 'desc' ? '<' : '>', filter.afterSeq);
  return query.orderBy('seq', filter.order).limit(filter.limit + 1).execute();
}

export interface NetQuantityRow {
  item_id: string;
  location_id: string;
  on_hand: number;
}

/**
 * On hand per item × location replayed from the ledger: what went in minus what went out,
 * counting only movements that occurred before `asOf` when given.
 */
export async function replayOnHand(db: Executor, options: { itemIds?: readonly string[]; asOf?: string } = {}): Promise<NetQuantityRow[]> {
  const side = (column: 'to_location_id' | 'from_location_id', sign: 1 | -1) => {
    let q = db
      .selectFrom('movements')
      .select(['item_id', sql<string>`${sql.ref(column)}`.as('location_id'), sql<number>`cast(sum(quantity) * ${sign} as bigint)`.as('qty')]);
    if (options.itemIds) q = q.where('item_id', 'in', options.itemIds.length ? options.itemIds : ['']);
    if (options.asOf) q = q.where('occurred_at', '<=', options.asOf);
    return q.groupBy(['item_id', column]);
  };
  const rows = await db
    .selectFrom(side('to_location_id', 1).unionAll(side('from_location_id', -1)).as('sides'))
    .select(['item_id', 'location_id', sql<number>`cast(sum(qty) as bigint)`.as('on_hand')])
    .groupBy(['item_id', 'location_id'])
    .orderBy('item_id')
    .orderBy('location_id')
    .execute();
  return rows;
}

/** On hand per item × location × lot replayed from the ledger (movements of lot-tracked items). */
export async function replayLotOnHand(db: Executor): Promise<Array<NetQuantityRow & { lot_id: string }>> {
  const side = (column: 'to_location_id' | 'from_location_id', sign: 1 | -1) =>
    db
      .selectFrom('movements')
      .select(['item_id', sql<string>`${sql.ref(column)}`.as('location_id'), sql<string>`lot_id`.as('lot_id'), sql<number>`cast(sum(quantity) * ${sign} as bigint)`.as('qty')])
      .where('lot_id', 'is not', null)
      .groupBy(['item_id', column, 'lot_id']);
  return db
    .selectFrom(side('to_location_id', 1).unionAll(side('from_location_id', -1)).as('sides'))
    .select(['item_id', 'location_id', 'lot_id', sql<number>`cast(sum(qty) as bigint)`.as('on_hand')])
    .groupBy(['item_id', 'location_id', 'lot_id'])
    .execute();
}

export interface FlowFilter {
  itemIds: readonly string[];
  fromLocationIds: readonly string[];
  toLocationIds: readonly string[];
  /** UTC timestamps: from `since` (inclusive) to `until` (exclusive), by occurrence time. */
  since: string;
  until: string;
}

/** How much of each item moved from one set of locations to another, per UTC day (e.g. sales: a site's bins → customers). */
export async function dailyFlow(db: Executor, filter: FlowFilter): Promise<Array<{ item_id: string; day: string; quantity: number }>> {
  if (filter.itemIds.length === 0 || filter.fromLocationIds.length === 0 || filter.toLocationIds.length === 0) return [];
  const day = sql<string>`substr(occurred_at, 1, 10)`;
  return db
    .selectFrom('movements')
    .select(['item_id', day.as('day'), sql<number>`cast(sum(quantity) as bigint)`.as('quantity')])
    .where('item_id', 'in', filter.itemIds)
    .where('from_location_id', 'in', filter.fromLocationIds)
    .where('to_location_id', 'in', filter.toLocationIds)
    .where('occurred_at', '>=', filter.since)
    .where('occurred_at', '<', filter.until)
    .groupBy(['item_id', day])
    .execute();
}
