import { isSqlite } from '../db/dialect.js';
import { appendEvents, eventRows, noteAppended } from '../db/outbox.js';
import type { Executor, MovementRow } from '../db/schema.js';
import { DomainError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { formatScaled } from '../shared/quantity.js';
import { addOnHand, debitAvailable, debitReserved, getBalance } from './balance-repository.js';
import { insertMovementRows } from './movement-repository.js';
import { postOneInOneStatement } from './one-statement-posting.js';
import type { MovementDraft, PostingMeta, Shortfall } from './movement-types.js';
import { movedPairs, stockChanged } from './stock-events.js';

/**
 * Posts movements as one unit inside the caller's transaction: each takes its quantity out of
 * `from` and puts it into `to`, so every item's balances keep summing to zero. A physical
 * location that may not go negative only gives what is available (on hand − reserved), checked
 * and taken in one statement. If any movement falls short, every shortfall is reported and the
 * caller's transaction rolls back, so nothing is posted. A posting appends one stock.changed
 * event naming every item × location it touched, in the same transaction.
 */
export async function postMovements(db: Executor, drafts: MovementDraft[], meta: PostingMeta): Promise<MovementRow[]> {
  drafts.forEach(checkDraft);
  const [only] = drafts;
  if (only && drafts.length === 1 && !isSqlite(db)) return postOneOnPostgres(db, only, meta);
  const shortfalls: Shortfall[] = [];
  for (const draft of drafts) {
    const taken = await takeFrom(db, draft);
    if (!taken) {
      shortfalls.push(await describeShortfall(db, draft));
      continue;
    }
    await addOnHand(db, draft.itemId, draft.to.id, draft.quantity);
  }
  if (shortfalls.length > 0) throw insufficientStock(shortfalls);
  const rows = await insertMovementRows(db, drafts.map((d) => toRow(d, meta)));
  await appendEvents(db, [postingEvent(drafts, meta)]);
  return rows;
}

function postingEvent(drafts: MovementDraft[], meta: PostingMeta) {
  return stockChanged({ postingId: meta.postingId, reservationId: meta.reservationId }, movedPairs(drafts));
}

function checkDraft(draft: MovementDraft): void {
  if (draft.quantity <= 0 || !Number.isSafeInteger(draft.quantity)) throw new RangeError('posting needs a positive integer quantity');
  if (draft.from.id === draft.to.id) {
    throw new DomainError('validation', 'from and to must differ', [{ path: draft.path, message: 'a movement needs two different locations' }]);
  }
}

/** The common single movement on PostgreSQL: one round trip instead of four (see one-statement-posting.ts). */
async function postOneOnPostgres(db: Executor, draft: MovementDraft, meta: PostingMeta): Promise<MovementRow[]> {
  const row = toRow(draft, meta);
  const [event] = eventRows([postingEvent([draft], meta)]);
  const seq = await postOneInOneStatement(db, draft, row, event!);
  if (seq === undefined) throw insufficientStock([await describeShortfall(db, draft)]);
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
  const balance = await getBalance(db, draft.itemId, draft.from.id);
  const available = draft.fromReserved ? balance.reserved : balance.on_hand - balance.reserved;
  const { sku, decimals, fromCode } = draft.display;
  return {
    path: draft.path,
    item: sku,
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
  };
}
