import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import { noteAppended, type EventInsert } from '../db/outbox.js';
import { preparedQuery } from '../db/prepared.js';
import type { AuditRow, Executor, ReservationRow, ReservationStatus, ReservationsTable } from '../db/schema.js';

export async function insertReservation(db: Executor, row: Insertable<ReservationsTable>): Promise<void> {
  await db.insertInto('reservations').values(row).execute();
}

/** Which lots a reservation holds, and how much of each. */
export async function insertReservationLots(db: Executor, rows: Array<{ reservation_id: string; lot_id: string; quantity: number }>): Promise<void> {
  if (rows.length > 0) await db.insertInto('reservation_lots').values(rows).execute();
}

export async function listReservationLots(db: Executor, reservationIds: readonly string[]): Promise<Array<{ reservation_id: string; lot_id: string; quantity: number }>> {
  if (reservationIds.length === 0) return [];
  return db.selectFrom('reservation_lots').selectAll().where('reservation_id', 'in', reservationIds).where('quantity', '>', 0).orderBy('lot_id').execute();
}

/** Takes `by` off what a reservation holds of one lot; false when it holds less (someone used it meanwhile). */
export async function shrinkReservationLot(db: Executor, reservationId: string, lotId: string, by: number): Promise<boolean> {
  const result = await db
    .updateTable('reservation_lots')
    .set((eb) => ({ quantity: eb('quantity', '-', by) }))
    .where('reservation_id', '=', reservationId)
    .where('lot_id', '=', lotId)
    .where('quantity', '>=', by)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Lot holds of active reservations summed per item × location × lot, for the consistency check. */
export async function sumActiveReservationLots(db: Executor): Promise<Array<{ item_id: string; location_id: string; lot_id: string; reserved: number }>> {
  return db
    .selectFrom('reservation_lots as rl')
    .innerJoin('reservations as r', 'r.id', 'rl.reservation_id')
    .select(['r.item_id', 'r.location_id', 'rl.lot_id', (eb) => eb.cast<number>(eb.fn.sum('rl.quantity'), 'bigint').as('reserved')])
    .where('r.status', '=', 'active')
    .groupBy(['r.item_id', 'r.location_id', 'rl.lot_id'])
    .execute();
}

export async function findReservation(db: Executor, id: string): Promise<ReservationRow | undefined> {
  return db.selectFrom('reservations').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Takes part of an active reservation (`closeAs` null) or closes it whole, keeping the quantity it
 * held at closing. The status guard makes a concurrent second close a no-op, so held stock is
 * released exactly once. Returns false when this call lost that race.
 */
export async function shrinkActiveReservation(db: Executor, id: string, by: number, closeAs: ReservationStatus | null, at: string): Promise<boolean> {
  const result = await db
    .updateTable('reservations')
    .set((eb) => (closeAs === null ? { quantity: eb('quantity', '-', by) } : { status: closeAs, closed_at: at }))
    .where('id', '=', id)
    .where('status', '=', 'active')
    .where('quantity', '>=', by)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listExpiredReservations(db: Executor, now: string, filter: { itemId?: string; limit: number }): Promise<ReservationRow[]> {
  let query = db.selectFrom('reservations').selectAll().where('status', '=', 'active').where('expires_at', '<=', now);
  if (filter.itemId) query = query.where('item_id', '=', filter.itemId);
  return query.orderBy('expires_at').limit(filter.limit).execute();
}

export interface ReservationFilter {
  itemId?: string | undefined;
  locationId?: string | undefined;
  status?: ReservationStatus | undefined;
  reference?: string | undefined;
  afterId?: string | undefined;
  limit: number;
}

export async function listReservationRows(db: Executor, filter: ReservationFilter): Promise<ReservationRow[]> {
  let query = db.selectFrom('reservations').selectAll();
  if (filter.itemId) query = query.where('item_id', '=', filter.itemId);
  if (filter.locationId) query = query.where('location_id', '=', filter.locationId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.reference) query = query.where('reference', '=', filter.reference);
  if (filter.afterId) query = query.where('id', '<', filter.afterId);
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}

/** Active reservations summed per item × location, for the consistency check. */
export async function sumActiveReservations(db: Executor): Promise<Array<{ item_id: string; location_id: string; reserved: number }>> {
  return db
    .selectFrom('reservations')
    .select(['item_id', 'location_id', (eb) => eb.cast<number>(eb.fn.sum('quantity'), 'bigint').as('reserved')])
    .where('status', '=', 'active')
    .groupBy(['item_id', 'location_id'])
    .execute();
}

type HoldValues = Omit<ReservationRow, 'quantity'> & {
  quantity: number; audit_id: string; audit_actor_name: string; audit_details: string | null; audit_at: string;
  event_id: string; event_type: string; event_payload: string;
} & Record<string, unknown>;

const holdStatement = preparedQuery<HoldValues, { n: number }>(
  [
    'id', 'item_id', 'location_id', 'quantity', 'status', 'expires_at', 'reference', 'actor', 'created_at', 'audit_id', 'audit_actor_name', 'audit_details', 'audit_at',
    'event_id', 'event_type', 'event_payload',
  ],
  (db, p) =>
    db
      .with('taken', (w) =>
        w
          .updateTable('balances')
          .set({ reserved: sql`reserved + ${p.quantity}` })
          .where('item_id', '=', p.item_id)
          .where('location_id', '=', p.location_id)
          .where(sql<boolean>`on_hand - reserved >= ${p.quantity}`)
          .where((eb) => eb.exists(eb.selectFrom('locations').select('id').where('id', '=', p.location_id).where('sellable', '=', 1).where('archived_at', 'is', null)))
          .where((eb) => eb.exists(eb.selectFrom('items').select('id').where('id', '=', p.item_id).where('archived_at', 'is', null)))
          .returning('item_id'),
      )
      .with('held', (w) =>
        w
          .insertInto('reservations')
          .columns(['id', 'item_id', 'location_id', 'quantity', 'status', 'expires_at', 'reference', 'actor', 'created_at'])
          .expression((eb) =>
            eb.selectFrom('taken').select([
              sql<string>`cast(${p.id} as text)`.as('id'), sql<string>`cast(${p.item_id} as text)`.as('item_id'),
              sql<string>`cast(${p.location_id} as text)`.as('location_id'), sql<number>`cast(${p.quantity} as bigint)`.as('quantity'),
              sql<string>`cast(${p.status} as text)`.as('status'), sql<string>`cast(${p.expires_at} as text)`.as('expires_at'),
              sql<string>`cast(${p.reference} as text)`.as('reference'), sql<string>`cast(${p.actor} as text)`.as('actor'),
              sql<string>`cast(${p.created_at} as text)`.as('created_at'),
            ]),
          )
          .returning('id'),
      )
      .with('audited', (w) =>
        w
          .insertInto('audit_log')
          .columns(['id', 'actor', 'actor_name', 'action', 'entity_type', 'entity_id', 'details', 'at'])
          .expression((eb) =>
            eb.selectFrom('held').select([
              sql<string>`cast(${p.audit_id} as text)`.as('id'), sql<string>`cast(${p.actor} as text)`.as('actor'),
              sql<string>`cast(${p.audit_actor_name} as text)`.as('actor_name'), sql<string>`'reservation.created'`.as('action'),
              sql<string>`'reservation'`.as('entity_type'), 'held.id as entity_id',
              sql<string>`cast(${p.audit_details} as text)`.as('details'), sql<string>`cast(${p.audit_at} as text)`.as('at'),
            ]),
          ),
      )
      .with('announced', (w) =>
        w
          .insertInto('events')
          .columns(['id', 'type', 'payload', 'created_at'])
          .expression((eb) =>
            eb.selectFrom('held').select([
              sql<string>`cast(${p.event_id} as text)`.as('id'), sql<string>`cast(${p.event_type} as text)`.as('type'),
              sql<string>`cast(${p.event_payload} as text)`.as('payload'), sql<string>`cast(${p.created_at} as text)`.as('created_at'),
            ]),
          ),
      )
      .selectFrom('held')
      .select((eb) => eb.fn.countAll<number>().as('n')),
);

/**
 * PostgreSQL only: takes the hold, records the reservation and writes its audit row and outbox
 * event in ONE autocommitted statement, so the contended balance row is locked for a single
 * statement (as in a bare conditional UPDATE) instead of until a later COMMIT round trip. The
 * location must still be sellable and the item and location not archived at that moment. The
 * audit row is the `reservation.created` entry of the reservation's actor; the event is stamped
 * with the reservation's created_at. Returns whether it took.
 */
export async function holdInOneStatement(
  db: Executor, row: ReservationRow, audit: Pick<AuditRow, 'id' | 'actor_name' | 'details' | 'at'>, event: EventInsert,
): Promise<boolean> {
  const result = await holdStatement(db, {
    ...row, audit_id: audit.id, audit_actor_name: audit.actor_name, audit_details: audit.details, audit_at: audit.at,
    event_id: event.id, event_type: event.type, event_payload: event.payload,
  });
  const took = Number(result.rows[0]?.n) === 1;
  if (took) noteAppended(db);
  return took;
}
