import type { Executor, ItemTracking, ReservationRow } from '../db/schema.js';
import { isSqlite } from '../db/dialect.js';
import { lotBalancesAtForUpdate } from '../ledger/lot-balance-repository.js';
import { insufficientStock } from '../ledger/posting.js';
import { listReservationLots } from '../ledger/reservation-repository.js';
import { holdStock, releaseExpiredHolds, type HoldRequest, type LotPart } from '../ledger/reservations.js';
import { DomainError } from '../shared/errors.js';
import { formatScaled } from '../shared/quantity.js';
import { allocateFefo, isExpired, type FefoPlan } from './fefo-rules.js';
import { utcToday } from './lot-rules.js';
import * as repo from './tracking-repository.js';

/**
 * Takes a hold through the ledger. A lot-tracked item's hold is split over the location's lots
 * first-expired-first-out (expired lots skipped; lapsed holds released first when they stand in
 * the way), each lot's part reserved by its own conditional UPDATE inside `holdStock`.
 */
export async function holdTracked(db: Executor, request: HoldRequest, tracking: ItemTracking): Promise<ReservationRow> {
  if (tracking !== 'lot') return holdStock(db, request);
  return holdStock(db, { ...request, lots: await fefoLots(db, request) });
}

async function fefoLots(db: Executor, request: HoldRequest): Promise<LotPart[]> {
  const today = utcToday(request.now);
  let planned = await planAt(db, request, today);
  if (!planned.plan.complete && (await releaseExpiredHolds(db, request.now, { itemId: request.itemId, limit: 1000 })) > 0) planned = await planAt(db, request, today);
  const { plan, numbers } = planned;
  if (!plan.complete) {
    const { sku, decimals, locationCode } = request.display;
    throw insufficientStock([{ path: request.path, item: sku, location: locationCode, requested: formatScaled(request.quantity, decimals), available: formatScaled(plan.available, decimals) }]);
  }
  return plan.takes.map((t) => ({ lotId: t.lotId, lotNumber: numbers.get(t.lotId) ?? t.lotId, quantity: t.quantity }));
}

async function planAt(db: Executor, request: HoldRequest, today: string): Promise<{ plan: FefoPlan; numbers: Map<string, string> }> {
  const balances = await lotBalancesAtForUpdate(db, isSqlite(db) ? 'sqlite' : 'postgres', request.itemId, request.locationId);
  const lots = await repo.lotsByIds(db, balances.map((b) => b.lot_id));
  const byId = new Map(lots.map((l) => [l.id, l]));
  const stock = balances.flatMap((b) => {
    const lot = byId.get(b.lot_id);
    return lot ? [{ lotId: lot.id, expiresOn: lot.expires_on, firstReceivedAt: lot.first_received_at, available: Number(b.on_hand) - Number(b.reserved) }] : [];
  });
  return { plan: allocateFefo(stock, request.quantity, today), numbers: new Map(lots.map((l) => [l.id, l.lot_number])) };
}

/**
 * Which of a hold's lots a use of `quantity` ships: earliest expiry first. A held lot that has
 * expired since cannot go to a customer; when the rest does not cover the use, it is refused.
 */
export async function heldLotsToUse(db: Executor, reservation: ReservationRow, quantity: number, now: string, display: { sku: string; decimals: number }): Promise<LotPart[]> {
  const held = await listReservationLots(db, [reservation.id]);
  const lots = new Map((await repo.lotsByIds(db, held.map((h) => h.lot_id))).map((l) => [l.id, l]));
  const today = utcToday(now);
  const stock = held.flatMap((h) => {
    const lot = lots.get(h.lot_id);
    return lot ? [{ lotId: lot.id, expiresOn: lot.expires_on, firstReceivedAt: lot.first_received_at, available: Number(h.quantity) }] : [];
  });
  const plan = allocateFefo(stock, quantity, today);
  if (!plan.complete) {
    const expired = stock.filter((s) => isExpired(s.expiresOn, today)).map((s) => lots.get(s.lotId)?.lot_number ?? s.lotId);
    throw new DomainError('rule-violation', `reservation ${reservation.id} holds only ${formatScaled(plan.available, display.decimals)} of ${display.sku} in lots not expired${expired.length ? ` (expired: ${expired.join(', ')})` : ''}; release it and reserve again`);
  }
  return plan.takes.map((t) => ({ lotId: t.lotId, lotNumber: lots.get(t.lotId)?.lot_number ?? t.lotId, quantity: t.quantity }));
}

/** What each reservation holds per lot, for showing it. */
export async function lotsOfReservations(db: Executor, reservationIds: readonly string[]): Promise<Map<string, Array<{ lotId: string; number: string; expiresOn: string | null; quantity: number }>>> {
  const held = await listReservationLots(db, reservationIds);
  const lots = new Map((await repo.lotsByIds(db, held.map((h) => h.lot_id))).map((l) => [l.id, l]));
  const result = new Map<string, Array<{ lotId: string; number: string; expiresOn: string | null; quantity: number }>>();
  for (const h of held) {
    const lot = lots.get(h.lot_id);
    result.set(h.reservation_id, [...(result.get(h.reservation_id) ?? []), { lotId: h.lot_id, number: lot?.lot_number ?? h.lot_id, expiresOn: lot?.expires_on ?? null, quantity: Number(h.quantity) }]);
  }
  // Shown in the order they would ship: earliest expiry first, lots without expiry last.
  for (const parts of result.values()) parts.sort((a, b) => (a.expiresOn ?? '9999-12-31').localeCompare(b.expiresOn ?? '9999-12-31') || a.number.localeCompare(b.number));
  return result;
}
