import { appendEvents } from '../db/outbox.js';
import type { Executor, ReservationRow } from '../db/schema.js';
import { formatScaled } from '../shared/quantity.js';
import { getBalance, releaseReserved, reserveAvailable } from './balance-repository.js';
import { getLotBalance, releaseLotReserved, reserveLotAvailable } from './lot-balance-repository.js';
import { insufficientStock } from './posting.js';
import * as repo from './reservation-repository.js';
import { stockChanged } from './stock-events.js';

export interface HoldRequest {
  /** The new reservation's id, chosen by the caller so it can be recorded before the hold is taken. */
  id: string;
  itemId: string;
  locationId: string;
  quantity: number;
  expiresAt: string | null;
  reference: string | null;
  actor: string;
  now: string;
  path: string;
  display: { sku: string; decimals: number; locationCode: string };
  /** For a lot-tracked item: how much of which lot to hold (resolved by the caller), summing to `quantity`. */
  lots?: ReadonlyArray<LotPart> | undefined;
}

/** A part of a hold or a use of one that is one lot's. */
export interface LotPart {
  lotId: string;
  lotNumber: string;
  quantity: number;
}

/**
 * Holds stock for an order. Check and take are one conditional UPDATE, so concurrent holds on
 * the last units can never together exceed what is available. Holds whose expiry has passed are
 * released first when they stand in the way, so a lapsed checkout never blocks a real sale.
 * Every hold taken or given back appends a stock.changed event in the caller's transaction.
 */
export async function holdStock(db: Executor, request: HoldRequest): Promise<ReservationRow> {
  const { itemId, locationId, quantity } = request;
  const row: ReservationRow = {
    id: request.id, item_id: itemId, location_id: locationId, quantity, status: 'active',
    expires_at: request.expiresAt, reference: request.reference, actor: request.actor, created_at: request.now, closed_at: null,
  };
  // The reservation row goes in first and the contended balance row is touched last, so its row
  // lock is held for as short a time as possible; a failed take rolls the insert back with it.
  await repo.insertReservation(db, row);
  if (request.lots) await holdLots(db, request, request.lots);
  let taken = await reserveAvailable(db, itemId, locationId, quantity);
  if (!taken && (await releaseExpiredHolds(db, request.now, { itemId, limit: 1000 })) > 0) {
    taken = await reserveAvailable(db, itemId, locationId, quantity);
  }
  if (!taken) {
    const balance = await getBalance(db, itemId, locationId);
    const { sku, decimals, locationCode } = request.display;
    throw insufficientStock([{
      path: request.path, item: sku, location: locationCode,
      requested: formatScaled(quantity, decimals),
      available: formatScaled(Math.max(0, balance.on_hand - balance.reserved), decimals),
    }]);
  }
  await appendEvents(db, [holdEvent(row)]);
  return row;
}

/**
 * Holds each lot's part on its lot balance, each with one conditional UPDATE, before the aggregate
 * (the same row order as postings). A lot that has less than its part fails the whole hold.
 */
async function holdLots(db: Executor, request: HoldRequest, lots: ReadonlyArray<LotPart>): Promise<void> {
  if (lots.reduce((sum, l) => sum + l.quantity, 0) !== request.quantity) throw new RangeError('the lots of a hold must add up to its quantity');
  await repo.insertReservationLots(db, lots.map((l) => ({ reservation_id: request.id, lot_id: l.lotId, quantity: l.quantity })));
  for (const lot of lots) {
    const key = { itemId: request.itemId, locationId: request.locationId, lotId: lot.lotId };
    if (await reserveLotAvailable(db, key, lot.quantity)) continue;
    const balance = await getLotBalance(db, key);
    const { sku, decimals, locationCode } = request.display;
    throw insufficientStock([{
      path: request.path, item: `${sku} lot ${lot.lotNumber}`, location: locationCode,
      requested: formatScaled(lot.quantity, decimals), available: formatScaled(Math.max(0, balance.on_hand - balance.reserved), decimals),
    }]);
  }
}

/** The event of a hold taken or given back: reserved changed at its item × location. */
export function holdEvent(reservation: Pick<ReservationRow, 'id' | 'item_id' | 'location_id'>) {
  return stockChanged({ reservationId: reservation.id }, [{ itemId: reservation.item_id, locationId: reservation.location_id }]);
}

/** Gives held stock back. False when the reservation was no longer active (someone else closed it). */
export async function releaseHold(db: Executor, reservation: ReservationRow, status: 'released' | 'expired', now: string): Promise<boolean> {
  const won = await repo.shrinkActiveReservation(db, reservation.id, reservation.quantity, status, now);
  if (won) {
    for (const part of await repo.listReservationLots(db, [reservation.id])) {
      await releaseLotReserved(db, { itemId: reservation.item_id, locationId: reservation.location_id, lotId: part.lot_id }, Number(part.quantity));
    }
    await releaseReserved(db, reservation.item_id, reservation.location_id, reservation.quantity);
    await appendEvents(db, [holdEvent(reservation)]);
  }
  return won;
}

/**
 * Marks `quantity` of a hold as used; the caller posts the matching movement with `fromReserved`,
 * which takes the units off both on hand and reserved. A partial use keeps the rest held. The
 * posting's event (with `reservationId` in its meta) is the one event of this change. A hold of a
 * lot-tracked item says which of its lots are used (`lots`, summing to `quantity`); the caller
 * posts one movement per lot.
 */
export async function useHold(db: Executor, reservation: ReservationRow, quantity: number, now: string, lots?: ReadonlyArray<LotPart>): Promise<boolean> {
  const closeAs = quantity === reservation.quantity ? 'consumed' : null;
  if (!(await repo.shrinkActiveReservation(db, reservation.id, quantity, closeAs, now))) return false;
  if (lots && lots.reduce((sum, l) => sum + l.quantity, 0) !== quantity) throw new RangeError('the lots of a use must add up to its quantity');
  for (const lot of lots ?? []) if (!(await repo.shrinkReservationLot(db, reservation.id, lot.lotId, lot.quantity))) return false;
  return true;
}

/** Releases holds whose expiry has passed; safe to run from several processes at once. */
export async function releaseExpiredHolds(db: Executor, now: string, filter: { itemId?: string; limit: number }): Promise<number> {
  const expired = await repo.listExpiredReservations(db, now, filter);
  let released = 0;
  for (const reservation of expired) if (await releaseHold(db, reservation, 'expired', now)) released++;
  return released;
}
