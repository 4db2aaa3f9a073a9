import { itemRefsByIds } from '../catalog/item-service.js';
import { auditRows, runCommand, writeAudit, type AuditEntry, type CommandResult } from '../db/command.js';
import { eventRows } from '../db/outbox.js';
import type { Executor, ReservationRow, ReservationStatus } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { postMovements } from '../ledger/posting.js';
import { findReservation, listReservationRows } from '../ledger/reservation-repository.js';
import { holdEvent, releaseExpiredHolds, releaseHold, useHold, type HoldRequest } from '../ledger/reservations.js';
import { getItem } from '../catalog/item-service.js';
import { getLocation, locationRefsByIds } from '../locations/location-service.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField, notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { decodeCursor, toPage, type Page } from '../shared/page.js';
import { formatScaled, parsePositiveScaled, type QuantityInput } from '../shared/quantity.js';
import { nowIso, parseOccurredAt, parseTimestamp } from '../shared/time.js';
import { applyTracking } from '../tracking/tracked-drafts.js';
import { heldLotsToUse, holdTracked, lotsOfReservations } from '../tracking/tracked-holds.js';
import { toMovementsWith, type Movement } from './movement-dto.js';
import type { OperationCommon } from './operation-types.js';
import { combinedHold } from './hold-combiner.js';
import { identify } from './identity-cache.js';
import { draft, postingMeta, resolveRefs } from './refs.js';

export interface Reservation {
  id: string;
  item: { id: string; sku: string };
  location: { id: string; code: string };
  quantity: string;
  status: ReservationStatus;
  expiresAt: string | null;
  reference: string | null;
  createdAt: string;
  closedAt: string | null;
  /** Lot-tracked items: how much of which lot the hold takes (first-expired-first-out). */
  lots: Array<{ id: string; number: string; expiresOn: string | null; quantity: string }>;
}

export interface NewReservation {
  item: string;
  location: string;
  quantity: QuantityInput;
  /** An absolute expiry, or `ttlSeconds` from now (checkout holds). */
  expiresAt?: string | undefined;
  ttlSeconds?: number | undefined;
  reference?: string | undefined;
}

type HeldLots = Array<{ lotId: string; number: string; expiresOn: string | null; quantity: number }>;

/** Holds available stock for an order; fails with insufficient-stock (409) when not enough is available. */
export async function createReservation(store: Store, ctx: CommandContext, input: NewReservation): Promise<CommandResult<Reservation>> {
  if (input.expiresAt !== undefined && input.ttlSeconds !== undefined) throw invalidField('/ttlSeconds', 'give expiresAt or ttlSeconds, not both');
  if (store.dialect === 'postgres' && ctx.idempotencyKey === undefined) {
    const fast = await holdAtOnce(store, ctx, input);
    if (fast) return { result: fast, replayed: false };
  }
  return runCommand(store, ctx, { name: 'reservation.create', input }, async (trx) => {
    const { resolved, hold } = await prepareHold(trx, ctx, input);
    await writeAudit(trx, ctx, [createdAudit(hold.id, input)]);
    const row = await holdTracked(trx, hold, resolved.item(input.item).tracking);
    const names = resolved.names();
    const lots = (await lotsOfReservations(trx, [row.id])).get(row.id) ?? [];
    return { result: toReservation(row, names.items, names.locations, lots), audit: [] };
  });
}

/**
 * The PostgreSQL fast path for a hold without an Idempotency-Key: one autocommitted statement
 * takes the stock and records the reservation and its audit row, together with concurrent holds of
 * the same item and location (see hold-combiner.ts). When it takes nothing (not enough
 * available, lapsed holds in the way, or the location changed meanwhile) the transactional path
 * runs instead and gives the exact answer.
 */
async function holdAtOnce(store: Store, ctx: CommandContext, input: NewReservation): Promise<Reservation | null> {
  const { item, location } = await identify(store.db, input.item, input.location);
  // A lot-tracked hold is split over lots first-expired-first-out, which takes the transactional path.
  if (location.kind === 'virtual' || item.tracking === 'lot') return null;
  const now = nowIso();
  const row: ReservationRow = {
    id: newId(), item_id: item.id, location_id: location.id, quantity: parsePositiveScaled(input.quantity, item.decimals, '/quantity'),
    status: 'active', expires_at: expiryOf(input, now), reference: input.reference ?? null, actor: ctx.actor.id, created_at: now, closed_at: null,
  };
  const [audit] = auditRows(ctx, [createdAudit(row.id, input)]);
  const [event] = eventRows([holdEvent(row)]);
  if (!audit || !event || !(await combinedHold(store.db, { row, audit, event }))) return null;
  return toReservation(row, new Map([[item.id, item]]), new Map([[location.id, location]]));
}

async function prepareHold(db: Executor, ctx: CommandContext, input: NewReservation) {
  const now = nowIso();
  const resolved = await resolveRefs(db, [{ ref: input.item, path: '/item' }], [{ ref: input.location, path: '/location' }]);
  const item = resolved.item(input.item);
  const location = resolved.location(input.location);
  if (location.kind === 'virtual' || !location.sellable) throw invalidField('/location', `'${location.code}' is not a sellable location`);
  const hold: HoldRequest = {
    id: newId(), itemId: item.id, locationId: location.id, quantity: parsePositiveScaled(input.quantity, item.decimals, '/quantity'),
    expiresAt: expiryOf(input, now), reference: input.reference ?? null, actor: ctx.actor.id, now, path: '/quantity',
    display: { sku: item.sku, decimals: item.decimals, locationCode: location.code },
  };
  return { now, resolved, hold };
}

function createdAudit(id: string, input: NewReservation): AuditEntry {
  return { action: 'reservation.created', entityType: 'reservation', entityId: id, details: { reference: input.reference } };
}

function expiryOf(input: NewReservation, now: string): string | null {
  if (input.ttlSeconds !== undefined) {
    if (!Number.isInteger(input.ttlSeconds) || input.ttlSeconds <= 0) throw invalidField('/ttlSeconds', 'ttlSeconds must be a positive integer');
    return new Date(Date.parse(now) + input.ttlSeconds * 1000).toISOString();
  }
  if (input.expiresAt === undefined) return null;
  const at = parseTimestamp(input.expiresAt, '/expiresAt');
  if (at <= now) throw invalidField('/expiresAt', 'expiresAt must be in the future');
  return at;
}

export async function releaseReservation(store: Store, ctx: CommandContext, id: string, input: { note?: string | undefined }): Promise<CommandResult<Reservation>> {
  return runCommand(store, ctx, { name: `reservation.release:${id}`, input }, async (trx) => {
    const row = await requireActive(trx, id);
    await releaseHold(trx, row, 'released', nowIso());
    return { result: await getReservation(trx, id), audit: [{ action: 'reservation.released', entityType: 'reservation', entityId: id, reason: input.note }] };
  });
}

/** Ships held stock (all of it, or part with the rest still held): location → customer. */
export async function consumeReservation(
  store: Store, ctx: CommandContext, id: string, input: OperationCommon & { quantity?: QuantityInput | undefined; serials?: string[] | undefined },
): Promise<CommandResult<{ reservation: Reservation; movement: Movement; movements: Movement[] }>> {
  return runCommand(store, ctx, { name: `reservation.consume:${id}`, input }, async (trx) => {
    const now = nowIso();
    const row = await requireActive(trx, id);
    if (row.expires_at !== null && row.expires_at <= now) throw new DomainError('rule-violation', `reservation ${id} expired at ${row.expires_at}`);
    const resolved = await resolveRefs(trx, [{ ref: row.item_id, path: '/item' }], [{ ref: row.location_id, path: '/location' }, { ref: 'customer', path: '/location' }]);
    const item = resolved.item(row.item_id);
    const quantity = input.quantity === undefined ? Number(row.quantity) : parsePositiveScaled(input.quantity, item.decimals, '/quantity');
    if (quantity > row.quantity) throw invalidField('/quantity', `the reservation holds only ${formatScaled(Number(row.quantity), item.decimals)}`);
    const lots = item.tracking === 'lot' ? await heldLotsToUse(trx, row, quantity, now, item) : undefined;
    if (!(await useHold(trx, row, quantity, now, lots))) throw new DomainError('conflict', `reservation ${id} changed while being consumed; retry`);
    const shipment = draft(resolved, { item: row.item_id, quantity, from: row.location_id, to: 'customer', path: '/quantity' }, {
      kind: 'shipment', fromReserved: true, documentType: 'reservation', documentId: id,
      reference: input.reference ?? row.reference, note: input.note ?? null, occurredAt: parseOccurredAt(input.occurredAt, '/occurredAt', now),
    });
    const perLot = lots ? lots.map((l) => ({ ...shipment, quantity: l.quantity, lotId: l.lotId, display: { ...shipment.display, lotNumber: l.lotNumber } })) : [shipment];
    const drafts = await applyTracking(trx, perLot.map((d) => ({ draft: d, input: { serials: input.serials }, base: '', fromVirtual: false })), { now, toCustomer: true });
    const rows = await postMovements(trx, drafts, { ...postingMeta(ctx, now), reservationId: id });
    const movements = toMovementsWith(rows, resolved.names(), drafts);
    const movement = movements[0] as Movement;
    return {
      result: { reservation: await getReservation(trx, id), movement, movements },
      audit: [{ action: 'reservation.consumed', entityType: 'reservation', entityId: id, details: { movements: movements.map((m) => m.id), quantity: formatScaled(quantity, item.decimals) } }],
    };
  });
}

/** Releases every hold whose expiry has passed. Run periodically by the server; safe in parallel. */
export async function releaseExpiredReservations(store: Store): Promise<number> {
  return store.write((trx) => releaseExpiredHolds(trx, nowIso(), { limit: 500 }));
}

export async function getReservation(db: Executor, id: string): Promise<Reservation> {
  const row = await findReservation(db, id);
  if (!row) throw notFound('reservation', id);
  return (await toReservations(db, [row]))[0] as Reservation;
}

export async function listReservations(db: Executor, query: { item?: string | undefined; location?: string | undefined; status?: ReservationStatus | undefined; reference?: string | undefined; cursor?: string | undefined; limit: number }): Promise<Page<Reservation>> {
  const itemId = query.item === undefined ? undefined : (await getItem(db, query.item)).id;
  const locationId = query.location === undefined ? undefined : (await getLocation(db, query.location)).id;
  const afterId = query.cursor === undefined ? undefined : decodeCursor<string>(query.cursor, 'string');
  const rows = await listReservationRows(db, { itemId, locationId, status: query.status, reference: query.reference, afterId, limit: query.limit });
  const page = toPage(rows, query.limit, (r) => r.id, (r) => r);
  return { data: await toReservations(db, page.data), nextCursor: page.nextCursor };
}

async function requireActive(db: Executor, id: string): Promise<ReservationRow> {
  const row = await findReservation(db, id);
  if (!row) throw notFound('reservation', id);
  if (row.status !== 'active') throw new DomainError('rule-violation', `reservation ${id} is ${row.status}, not active`);
  return row;
}

async function toReservations(db: Executor, rows: ReservationRow[]): Promise<Reservation[]> {
  const [items, locations, lots] = await Promise.all([
    itemRefsByIds(db, rows.map((r) => r.item_id)), locationRefsByIds(db, rows.map((r) => r.location_id)), lotsOfReservations(db, rows.map((r) => r.id)),
  ]);
  return rows.map((r) => toReservation(r, items, locations, lots.get(r.id) ?? []));
}

function toReservation(
  row: ReservationRow, items: Map<string, { id: string; sku: string; decimals: number }>, locations: Map<string, { id: string; code: string }>, lots: HeldLots = [],
): Reservation {
  const item = items.get(row.item_id);
  const decimals = item?.decimals ?? 0;
  return {
    id: row.id, item: { id: row.item_id, sku: item?.sku ?? row.item_id }, location: { id: row.location_id, code: locations.get(row.location_id)?.code ?? row.location_id },
    quantity: formatScaled(Number(row.quantity), item?.decimals ?? 0), status: row.status, expiresAt: row.expires_at,
    reference: row.reference, createdAt: row.created_at, closedAt: row.closed_at,
    lots: lots.map((l) => ({ id: l.lotId, number: l.number, expiresOn: l.expiresOn, quantity: formatScaled(l.quantity, decimals) })),
  };
}
