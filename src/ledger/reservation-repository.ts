import type { Insertable } from 'kysely';
import type { Executor, ReservationRow, ReservationStatus, ReservationsTable } from '../db/schema.js';

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
