import { insertAuditRows } from '../db/command.js';
import { isSqlite } from '../db/dialect.js';
import { appendEvents, eventRows, noteAppended } from '../db/outbox.js';
import type { AuditRow, Executor, MovementRow } from '../db/schema.js';
import { DomainError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { formatScaled } from '../shared/quantity.js';
import { addOnHand, debitAvailable, debitReserved, getBalance, lockBalanceRows } from './balance-repository.js';
import { independentMovements, takeAndCredit } from './bulk-balances.js';
import { addLotOnHand, debitLotAvailable, debitLotReserved, getLotBalance, itemTracking } from './lot-balance-repository.js';
import { liveIdsAmong } from './live-refs-repository.js';
import { insertMovementRows } from './movement-repository.js';
import { postOneInOneStatement, type PostingAudit } from './one-statement-posting.js';
import type { MovementDraft, PostingMeta, Shortfall } from './movement-types.js';
import { insertMovementSerials, moveSerial } from './serial-repository.js';
import { movedPairs, stockChanged } from './stock-events.js';

/**
 * Posts movements as one unit inside the caller's transaction: each takes its quantity out of
 * `from` and puts it into `to`, so every item's balances keep summing to zero. A physical
 * location that may not go negative only gives what is available (on hand − reserved), checked
 * and taken in one statement. If any movement falls short, every shortfall is reported and the
 * caller's transaction rolls back, so nothing is posted. A posting appends one stock.changed
 * event naming every item × location it touched, in the same transaction.
 *
 * A lot-tracked movement moves its one lot: the lot balance is guarded and changed with the
 * aggregate, so Σ over lots stays equal to the aggregate. A serial-tracked movement moves each of
 * its serials from `from` to `to` with a conditional update, so a unit is only ever in one place.
 */
export async function postMovements(db: Executor, drafts: MovementDraft[], meta: PostingMeta): Promise<MovementRow[]> {
  await fillTracking(db, drafts);
  drafts.forEach(checkDraft);
  const [only] = drafts;
  if (only && drafts.length === 1 && !isSqlite(db) && isUntracked(only)) return postOneOnPostgres(db, only, meta);
  await lockRowsInOrder(db, drafts);
  // On SQLite, movements that do not depend on each other change their balances in two statements.
  const together = isSqlite(db) && drafts.length > 1 && independentMovements(drafts);
  const shortfalls = together ? await takeTogether(db, drafts) : await takeInTurn(db, drafts);
  if (shortfalls.length > 0) throw insufficientStock(shortfalls);
  for (const draft of drafts) await moveSerials(db, draft);
  const rows = await insertMovementRows(db, drafts.map((d) => toRow(d, meta)));
  const serialRows = rows.flatMap((row, i) => (drafts[i]?.serials ?? []).map((s) => ({ movement_id: row.id, serial_id: s.id })));
  if (serialRows.length > 0) await insertMovementSerials(db, serialRows);
  await appendEvents(db, [postingEvent(drafts, meta)]);
  return rows;
}

/** Takes and credits each movement in turn; returns the shortfalls of those that could not take. */
async function takeInTurn(db: Executor, drafts: readonly MovementDraft[]): Promise<Shortfall[]> {
  const shortfalls: Shortfall[] = [];
  for (const draft of drafts) {
    // The lot row is taken before the aggregate, in every path, so concurrent postings lock rows in one order.
    const taken = (await takeLot(db, draft)) && (await takeFrom(db, draft));
    if (!taken) {
      shortfalls.push(await describeShortfall(db, draft));
      continue;
    }
    if (draft.lotId) await addLotOnHand(db, { itemId: draft.itemId, locationId: draft.to.id, lotId: draft.lotId }, draft.quantity);
    await addOnHand(db, draft.itemId, draft.to.id, draft.quantity);
  }
  return shortfalls;
}

async function takeTogether(db: Executor, drafts: readonly MovementDraft[]): Promise<Shortfall[]> {
  const took = await takeAndCredit(db, drafts);
  const shortfalls: Shortfall[] = [];
  for (const draft of drafts.filter((d) => !took.has(d))) shortfalls.push(await describeShortfall(db, draft));
  return shortfalls;
}

/**
 * Drafts built by hand rather than through the operations' `draft()` may not say how their item is
 * tracked; the ledger asks, so a lot- or serial-tracked item can never be posted without its lot or
 * serials (which would split the aggregate from its lots).
 */
async function fillTracking(db: Executor, drafts: MovementDraft[]): Promise<void> {
  const unknown = drafts.filter((d) => d.tracking === undefined);
  if (unknown.length === 0) return;
  const tracking = await itemTracking(db, [...new Set(unknown.map((d) => d.itemId))]);
  for (const d of unknown) d.tracking = tracking.get(d.itemId) ?? 'none';
}

/**
 * On PostgreSQL a posting of several movements locks all its balance rows first, in one order, so
 * two postings over the same rows in opposite orders (A→B and B→A, or items X, Y and Y, X) do not
 * deadlock. Lot rows are taken before their aggregate row in every path, so a posting with lots
 * keeps that order instead. SQLite has one writer.
 */
async function lockRowsInOrder(db: Executor, drafts: readonly MovementDraft[]): Promise<void> {
  if (isSqlite(db) || drafts.length < 2 || drafts.some((d) => d.lotId)) return;
  await lockBalanceRows(db, drafts.flatMap((d) => [{ itemId: d.itemId, locationId: d.from.id }, { itemId: d.itemId, locationId: d.to.id }]));
}

function isUntracked(draft: MovementDraft): boolean {
  return !draft.lotId && (draft.serials?.length ?? 0) === 0;
}

/** A lot-tracked movement takes from its lot first; true when it took (or the movement has no lot). */
async function takeLot(db: Executor, draft: MovementDraft): Promise<boolean> {
  if (!draft.lotId) return true;
  const key = { itemId: draft.itemId, locationId: draft.from.id, lotId: draft.lotId };
  if (draft.fromReserved) return debitLotReserved(db, key, draft.quantity);
  if (draft.from.mayGoNegative) {
    await addLotOnHand(db, key, -draft.quantity);
    return true;
  }
  return debitLotAvailable(db, key, draft.quantity);
}

async function moveSerials(db: Executor, draft: MovementDraft): Promise<void> {
  for (const serial of draft.serials ?? []) {
    if (await moveSerial(db, serial.id, draft.from.id, draft.to.id)) continue;
    const message = `serial ${serial.number} of ${draft.display.sku} is not at ${draft.display.fromCode} (it was moved elsewhere)`;
    throw new DomainError('conflict', message, [{ path: serial.path, message }]);
  }
}

function postingEvent(drafts: MovementDraft[], meta: PostingMeta) {
  return stockChanged({ postingId: meta.postingId, reservationId: meta.reservationId }, movedPairs(drafts));
}

/** Refuses a draft the ledger cannot post: a bad quantity, from = to, or tracking that does not fit the item. */
export function checkDraft(draft: MovementDraft): void {
  if (draft.quantity <= 0 || !Number.isSafeInteger(draft.quantity)) throw new RangeError('posting needs a positive integer quantity');
  if (draft.from.id === draft.to.id) {
    throw new DomainError('validation', 'from and to must differ', [{ path: draft.path, message: 'a movement needs two different locations' }]);
  }
  const tracking = draft.tracking ?? 'none';
  const serials = draft.serials ?? [];
  const refuse = (message: string) => {
    throw new DomainError('validation', message, [{ path: draft.path, message }]);
  };
  if ((tracking === 'lot') !== Boolean(draft.lotId)) refuse(tracking === 'lot' ? `${draft.display.sku} is lot-tracked: name the lot` : `${draft.display.sku} is not lot-tracked`);
  if (tracking !== 'serial' && serials.length > 0) refuse(`${draft.display.sku} is not serial-tracked`);
  if (tracking === 'serial' && (serials.length !== draft.quantity || new Set(serials.map((s) => s.id)).size !== serials.length)) {
    refuse(`${draft.display.sku} is serial-tracked: a movement of ${draft.quantity} needs ${draft.quantity} different serial numbers`);
  }
}

/** The common single movement on PostgreSQL: one round trip instead of four (see one-statement-posting.ts). */
async function postOneOnPostgres(db: Executor, draft: MovementDraft, meta: PostingMeta): Promise<MovementRow[]> {
  const rows = await postOneStatement(db, draft, meta);
  if (!rows) throw insufficientStock([await describeShortfall(db, draft)]);
  return rows;
}

/**
 * PostgreSQL only: one untracked movement with its audit row as ONE autocommitted statement, which
 * is then the whole command (for a caller with no Idempotency-Key, so nothing else to store). The
 * balance rows are locked for that statement alone and no BEGIN or COMMIT round trip is needed.
 * Returns undefined when the debit was refused: nothing was written, and the caller takes the
 * transactional path, which reports the exact shortfall.
 */
export async function postOneAutocommitted(db: Executor, draft: MovementDraft, meta: PostingMeta, audit: PostingAudit): Promise<MovementRow[] | undefined> {
  if (isSqlite(db) || db.isTransaction || draft.tracking !== 'none' || !isUntracked(draft)) throw new Error('postOneAutocommitted takes one untracked movement, on PostgreSQL, outside a transaction');
  checkDraft(draft);
  return postOneStatement(db, draft, meta, audit);
}

/** A plain movement posted as a command of its own: its posting, and the audit row of its actor. */
export interface PlainPosting {
  draft: MovementDraft;
  meta: PostingMeta;
  audit: Omit<AuditRow, 'seq'>;
}

/**
 * SQLite: posts plain movements (untracked, not from a reservation), each as its own posting with
 * its stock.changed event and audit row, in the caller's transaction, writing the movement, event
 * and audit rows of all of them with one statement each. A movement whose item or locations are
 * archived, or whose guarded debit is refused, is left out and writes nothing: undefined in its
 * place, so its caller can take the transactional path for the exact answer.
 */
export async function postPlainMovements(db: Executor, postings: readonly PlainPosting[]): Promise<Array<MovementRow | undefined>> {
  if (!isSqlite(db) || postings.some((p) => p.draft.tracking !== 'none' || !isUntracked(p.draft) || p.draft.fromReserved)) {
    throw new Error('postPlainMovements takes untracked movements not from a reservation, on SQLite');
  }
  postings.forEach((p) => checkDraft(p.draft));
  const live = await liveIdsAmong(db, postings.map((p) => p.draft));
  // Separate callers' movements: one that needs what another brings in falls back and finds it there.
  const took = await takeAndCredit(db, postings.map((p) => p.draft).filter((d) => live.has(d.itemId) && live.has(d.from.id) && live.has(d.to.id)));
  const posted = postings.filter((p) => took.has(p.draft));
  const rows = await insertMovementRows(db, posted.map((p) => toRow(p.draft, p.meta)));
  await appendEvents(db, posted.map((p) => postingEvent([p.draft], p.meta)));
  await insertAuditRows(db, posted.map((p) => p.audit));
  const rowOf = new Map(posted.map((p, i) => [p, rows[i]]));
  return postings.map((p) => rowOf.get(p));
}

/** The movement, its stock.changed event (and audit row) in one statement; undefined when the debit was refused. */
async function postOneStatement(db: Executor, draft: MovementDraft, meta: PostingMeta, audit?: PostingAudit): Promise<MovementRow[] | undefined> {
  const row = toRow(draft, meta);
  const [event] = eventRows([postingEvent([draft], meta)]);
  const seq = await postOneInOneStatement(db, draft, row, event!, audit);
  if (seq === undefined) return undefined;
  noteAppended(db);
  return [{ ...row, seq }];
}

async function takeFrom(db: Executor, draft: MovementDraft): Promise<boolean> {
  if (draft.fromReserved) return debitReserved(db, draft.itemId, draft.from.id, draft.quantity);
  if (draft.from.mayGoNegative) {
    await addOnHand(db, draft.itemId, draft.from.id, -draft.quantity);
    return true;
  }
  return debitAvailable(db, draft.itemId, draft.from.id, draft.quantity);
}

async function describeShortfall(db: Executor, draft: MovementDraft): Promise<Shortfall> {
  const balance = draft.lotId
    ? await getLotBalance(db, { itemId: draft.itemId, locationId: draft.from.id, lotId: draft.lotId })
    : await getBalance(db, draft.itemId, draft.from.id);
  const available = draft.fromReserved ? balance.reserved : balance.on_hand - balance.reserved;
  const { sku, decimals, fromCode } = draft.display;
  return {
    path: draft.path,
    item: draft.display.lotNumber === undefined ? sku : `${sku} lot ${draft.display.lotNumber}`,
    location: fromCode,
    requested: formatScaled(draft.quantity, decimals),
    available: formatScaled(Math.max(0, available), decimals),
  };
}

export function insufficientStock(shortfalls: Shortfall[]): DomainError {
  const text = shortfalls.map((s) => `${s.item} at ${s.location}: requested ${s.requested}, available ${s.available}`).join('; ');
  return new DomainError(
    'insufficient-stock',
    `Not enough stock: ${text}`,
    shortfalls.map((s) => ({ path: s.path, message: `only ${s.available} available at ${s.location}` })),
    { shortfalls },
  );
}

function toRow(draft: MovementDraft, meta: PostingMeta) {
  return {
    id: newId(),
    posting_id: meta.postingId,
    item_id: draft.itemId,
    quantity: draft.quantity,
    from_location_id: draft.from.id,
    to_location_id: draft.to.id,
    kind: draft.kind,
    unit_cost: draft.unitCost ?? null,
    reason_code: draft.reasonCode ?? null,
    document_type: draft.documentType ?? null,
    document_id: draft.documentId ?? null,
    reference: draft.reference ?? null,
    reverses_id: draft.reversesId ?? null,
    actor: meta.actor,
    actor_name: meta.actorName,
    occurred_at: draft.occurredAt,
    recorded_at: meta.recordedAt,
    idempotency_key: meta.idempotencyKey,
    note: draft.note ?? null,
    lot_id: draft.lotId ?? null,
  };
}
