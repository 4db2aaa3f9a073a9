import type { Executor, LotRow } from '../db/schema.js';
import { isSqlite } from '../db/dialect.js';
import { isUniqueViolation } from '../db/store.js';
import { lotBalancesAtForUpdate } from '../ledger/lot-balance-repository.js';
import type { MovementDraft, SerialRef } from '../ledger/movement-types.js';
import { insufficientStock } from '../ledger/posting.js';
import { locationRefsByIds } from '../locations/location-service.js';
import { DomainError, invalidField } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { formatScaled } from '../shared/quantity.js';
import { allocateFefo, isExpired } from './fefo-rules.js';
import { checkSerialNumbers, datesConflict, lotSpec, utcToday, type LotInput } from './lot-rules.js';
import * as repo from './tracking-repository.js';

/** What a request line says about lots and serials. */
export interface TrackingInput {
  lot?: LotInput | undefined;
  serials?: readonly string[] | undefined;
}

export interface TrackedLine {
  draft: MovementDraft;
  input: TrackingInput;
  /** The request field of the line, e.g. `/lines/2`; its `lot` and `serials` are under it. */
  base: string;
  /** Stock comes in from a virtual location (supplier, customer, loss…): new lots and serials may be created. */
  fromVirtual: boolean;
  /** This line's stock goes to a customer (overrides the options' default). */
  toCustomer?: boolean | undefined;
}

export interface TrackingOptions {
  now: string;
  /** Stock leaves for a customer: an expired lot cannot be shipped. */
  toCustomer: boolean;
}

/**
 * Turns request lines into drafts the ledger can post: a lot-tracked line names its lot (found,
 * or created for stock coming in), or is split over the location's lots first-expired-first-out;
 * a serial-tracked line carries its serial numbers (created when first received). Untracked lines
 * pass through, but a lot or serials given for them are refused. Read-only except for new lots
 * and serials, which roll back with the caller's transaction when the posting fails.
 */
export async function applyTracking(db: Executor, lines: readonly TrackedLine[], options: TrackingOptions): Promise<MovementDraft[]> {
  const taken = new Map<string, number>();
  const result: MovementDraft[] = [];
  for (const line of lines) {
    const tracking = line.draft.tracking ?? 'none';
    const { sku } = line.draft.display;
    if (tracking !== 'lot' && line.input.lot !== undefined) throw invalidField(`${line.base}/lot`, `${sku} is not lot-tracked`);
    if (tracking !== 'serial' && line.input.serials !== undefined) throw invalidField(`${line.base}/serials`, `${sku} is not serial-tracked`);
    if (tracking === 'lot') result.push(...(await lotDrafts(db, line, options, taken)));
    else if (tracking === 'serial') result.push(...(await serialDrafts(db, line, options.now)));
    else result.push(line.draft);
  }
  return result;
}

async function lotDrafts(db: Executor, line: TrackedLine, options: TrackingOptions, taken: Map<string, number>): Promise<MovementDraft[]> {
  const { draft } = line;
  if (draft.lotId) return [draft];
  const today = utcToday(options.now);
  if (line.input.lot !== undefined) {
    const lot = await namedLot(db, line, options.now);
    if ((line.toCustomer ?? options.toCustomer) && isExpired(lot.expires_on, today)) {
      const message = `lot ${lot.lot_number} expired on ${lot.expires_on ?? ''} and cannot be shipped; move it to scrap instead`;
      throw new DomainError('rule-violation', message, [{ path: `${line.base}/lot`, message }]);
    }
    return [{ ...draft, lotId: lot.id, display: { ...draft.display, lotNumber: lot.lot_number } }];
  }
  if (line.fromVirtual) throw invalidField(`${line.base}/lot`, `${draft.display.sku} is lot-tracked: name the lot of the stock coming in`);
  return fefoDrafts(db, draft, today, taken);
}

/** The lot a line names; for stock coming in, a new lot number becomes a lot with the dates given. */
async function namedLot(db: Executor, line: TrackedLine, now: string): Promise<LotRow> {
  const path = `${line.base}/lot`;
  const spec = lotSpec(line.input.lot as LotInput, path);
  const existing = await repo.findLot(db, line.draft.itemId, spec.ref);
  if (existing) return checkedDates(spec, existing, path);
  if (!line.fromVirtual) throw new DomainError('not-found', `lot '${spec.ref}' of ${line.draft.display.sku} does not exist`, [{ path, message: 'no such lot of this item' }]);
  const row: LotRow = {
    id: newId(), item_id: line.draft.itemId, lot_number: spec.ref, manufactured_on: spec.manufacturedOn ?? null, expires_on: spec.expiresOn ?? null,
    first_received_at: now, created_at: now,
  };
  // Two receipts of one new lot at once: the second waits for the first and then uses its lot.
  if (await repo.insertLotUnlessExists(db, row)) return row;
  const created = await repo.findLot(db, line.draft.itemId, spec.ref);
  if (!created) throw new Error(`lot ${spec.ref} was neither inserted nor found`);
  return checkedDates(spec, created, path);
}

function checkedDates(spec: ReturnType<typeof lotSpec>, lot: LotRow, path: string): LotRow {
  const field = datesConflict(spec, lot);
  if (!field) return lot;
  const was = field === 'expiresOn' ? lot.expires_on : lot.manufactured_on;
  const message = `lot ${lot.lot_number} already exists with ${field} ${was ?? 'not set'}`;
  throw new DomainError('rule-violation', message, [{ path: `${path}/${field}`, message }]);
}

/**
 * Splits a line over the lots at its location first-expired-first-out, skipping expired lots.
 * The lot rows are read locked on PostgreSQL, so the plan is exact; the ledger's conditional
 * updates still guard each take. Short of stock, the whole request fails naming what is available.
 */
async function fefoDrafts(db: Executor, draft: MovementDraft, today: string, taken: Map<string, number>): Promise<MovementDraft[]> {
  const balances = await lotBalancesAtForUpdate(db, isSqlite(db) ? 'sqlite' : 'postgres', draft.itemId, draft.from.id);
  const lots = new Map((await repo.lotsByIds(db, balances.map((b) => b.lot_id))).map((l) => [l.id, l]));
  const key = (lotId: string) => `${draft.from.id}\u0000${lotId}`;
  const stock = balances.flatMap((b) => {
    const lot = lots.get(b.lot_id);
    const used = taken.get(key(b.lot_id)) ?? 0;
    const available = Number(b.on_hand) - Number(b.reserved) - used;
    return lot ? [{ lotId: lot.id, expiresOn: lot.expires_on, firstReceivedAt: lot.first_received_at, available }] : [];
  });
  const plan = allocateFefo(stock, draft.quantity, today);
  if (!plan.complete) {
    const { sku, decimals, fromCode } = draft.display;
    throw insufficientStock([{ path: draft.path, item: sku, location: fromCode, requested: formatScaled(draft.quantity, decimals), available: formatScaled(plan.available, decimals) }]);
  }
  return plan.takes.map((take) => {
    taken.set(key(take.lotId), (taken.get(key(take.lotId)) ?? 0) + take.quantity);
    return { ...draft, quantity: take.quantity, lotId: take.lotId, display: { ...draft.display, lotNumber: lots.get(take.lotId)?.lot_number } };
  });
}

/**
 * A serial-tracked line lists exactly as many distinct serials as units. Stock coming in creates
 * serials it has never seen, and brings back those that sit in a virtual location (a return from
 * a customer), from there; anything else must be where the line takes it from.
 */
async function serialDrafts(db: Executor, line: TrackedLine, now: string): Promise<MovementDraft[]> {
  const { draft } = line;
  const path = `${line.base}/serials`;
  const numbers = checkSerialNumbers(line.input.serials ?? [], path);
  if (numbers.length !== draft.quantity) {
    throw invalidField(path, `${draft.display.sku} is serial-tracked: ${formatScaled(draft.quantity, 0)} units need ${formatScaled(draft.quantity, 0)} serial numbers, ${numbers.length} given`);
  }
  const existing = new Map((await repo.findSerials(db, draft.itemId, numbers)).map((s) => [s.serial_number, s]));
  const places = await locationRefsByIds(db, [...existing.values()].map((s) => s.location_id));
  const groups = new Map<string, SerialRef[]>();
  for (const [i, number] of numbers.entries()) {
    const serialPath = `${path}/${i}`;
    const serial = existing.get(number);
    let from = draft.from.id;
    let id = serial?.id;
    if (serial && serial.location_id !== draft.from.id) {
      const place = places.get(serial.location_id);
      if (!line.fromVirtual || place?.kind !== 'virtual') {
        const message = `serial ${number} is at ${place?.code ?? serial.location_id}, not at ${draft.display.fromCode}`;
        throw new DomainError('conflict', message, [{ path: serialPath, message }]);
      }
      from = serial.location_id;
    }
    if (!id) {
      if (!line.fromVirtual) throw new DomainError('not-found', `serial ${number} of ${draft.display.sku} does not exist`, [{ path: serialPath, message: 'no such serial number of this item' }]);
      id = newId();
      await createSerial(db, { id, itemId: draft.itemId, number, locationId: draft.from.id, now }, serialPath);
    }
    groups.set(from, [...(groups.get(from) ?? []), { id, number, path: serialPath }]);
  }
  const codes = await locationRefsByIds(db, [...groups.keys()].filter((id) => id !== draft.from.id));
  return [...groups].map(([fromId, serials]) => {
    if (fromId === draft.from.id) return { ...draft, quantity: serials.length, serials };
    const place = codes.get(fromId);
    return { ...draft, quantity: serials.length, serials, from: { id: fromId, mayGoNegative: true }, display: { ...draft.display, fromCode: place?.code ?? fromId } };
  });
}

async function createSerial(db: Executor, serial: { id: string; itemId: string; number: string; locationId: string; now: string }, path: string): Promise<void> {
  try {
    await repo.insertSerial(db, { id: serial.id, item_id: serial.itemId, serial_number: serial.number, location_id: serial.locationId, lot_id: null, created_at: serial.now });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const message = `serial ${serial.number} was received by another request at the same time`;
      throw new DomainError('conflict', message, [{ path, message }]);
    }
    throw error;
  }
}
