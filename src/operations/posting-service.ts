import { auditRows, runCommand, type AuditEntry, type CommandResult } from '../db/command.js';
import type { Executor } from '../db/schema.js';
import { isRetryable, isUniqueViolation, type Store } from '../db/store.js';
import { findMovementById, findReversalOf, listMovementRows } from '../ledger/movement-repository.js';
import { checkDraft, postMovements, postOneAutocommitted } from '../ledger/posting.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField, notFound } from '../shared/errors.js';
import { parseCost } from '../shared/money.js';
import { decodeCursor, toPage, type Page } from '../shared/page.js';
import { parsePositiveScaled } from '../shared/quantity.js';
import { nowIso, parseOccurredAt, parseTimestamp } from '../shared/time.js';
import { requireReasonCode } from '../counting/reason-codes.js';
import { getItem, resolveItemRefs } from '../catalog/item-service.js';
import { locationIdsWithin, resolveLocationRefs } from '../locations/location-service.js';
import type { MovementDraft } from '../ledger/movement-types.js';
import { applyTracking, type TrackedLine } from '../tracking/tracked-drafts.js';
import { carriedBack } from '../tracking/tracking-names.js';
import { carriedBy, toMovement, toMovements, toMovementsWith, type Movement } from './movement-dto.js';
import type { MovementInput, PostingResult } from './operation-types.js';
import { identifyMovement } from './identity-cache.js';
import { combinedPosting } from './posting-combiner.js';
import { draft, postingMeta, Resolved, resolveRefs } from './refs.js';

export const MAX_BATCH = 1000;

/**
 * Posts movements between any two locations, all or nothing. This is the general entry to the
 * ledger; receive, ship, transfer and adjust are shortcuts that fill in the locations and kinds.
 */
export async function postMovementBatch(store: Store, ctx: CommandContext, inputs: MovementInput[], basePath = '/movements'): Promise<CommandResult<PostingResult<Movement>>> {
  if (inputs.length === 0 || inputs.length > MAX_BATCH) throw invalidField(basePath, `a batch holds 1 to ${MAX_BATCH} movements`);
  const [only] = inputs;
  if (only && inputs.length === 1 && ctx.idempotencyKey === undefined) {
    const fast = await postAtOnce(store, ctx, only, basePath === '' ? '' : `${basePath}/0`);
    if (fast) return { result: fast, replayed: false };
  }
  return runCommand(store, ctx, { name: 'movements.post', input: inputs }, async (trx) => {
    const now = nowIso();
    const pathOf = (i: number) => (basePath === '' ? '' : `${basePath}/${i}`);
    const resolved = await resolveRefs(
      trx,
      inputs.map((m, i) => ({ ref: m.item, path: `${pathOf(i)}/item` })),
      inputs.flatMap((m, i) => [{ ref: m.from, path: `${pathOf(i)}/from` }, { ref: m.to, path: `${pathOf(i)}/to` }]),
    );
    const lines: TrackedLine[] = [];
    for (const [i, m] of inputs.entries()) {
      const path = pathOf(i);
      if (m.kind === 'adjustment' || m.reasonCode !== undefined) {
        if (m.reasonCode === undefined) throw invalidField(`${path}/reasonCode`, 'an adjustment needs a reason code');
        await requireReasonCode(trx, m.reasonCode, `${path}/reasonCode`);
      }
      const from = resolved.location(m.from);
      const to = resolved.location(m.to);
      lines.push({ draft: movementDraft(resolved, m, path, now), input: { lot: m.lot, serials: m.serials }, base: path, fromVirtual: from.kind === 'virtual', toCustomer: to.virtualKind === 'customer' });
    }
    const drafts = await applyTracking(trx, lines, { now, toCustomer: false });
    const meta = postingMeta(ctx, now);
    const rows = await postMovements(trx, drafts, meta);
    const movements = toMovementsWith(rows, resolved.names(), drafts);
    return { result: { postingId: meta.postingId, movements }, audit: [postedAudit(meta.postingId, rows.length)] };
  });
}

/**
 * The fast path for one plain movement without an Idempotency-Key, naming the item and locations
 * from the identity cache (resolved, and refused at their fields, the first time a reference is
 * seen); whether any of them has been archived since is checked where the movement is written.
 * On PostgreSQL one autocommitted statement posts the movement with its event and audit row; on
 * SQLite concurrent movements share one write job (posting-combiner.ts). Tracked items,
 * adjustments (reason codes), a refused debit and a failed check take the transactional path,
 * which gives the exact answer (and retries deadlocks).
 */
async function postAtOnce(store: Store, ctx: CommandContext, m: MovementInput, path: string): Promise<PostingResult<Movement> | null> {
  if (m.lot !== undefined || m.serials !== undefined || m.kind === 'adjustment' || m.reasonCode !== undefined) return null;
  const { item, from, to } = await identifyMovement(store.db, path, m);
  if (item.tracking !== 'none') return null;
  const now = nowIso();
  const movement: MovementDraft = {
    itemId: item.id, quantity: parsePositiveScaled(m.quantity, item.decimals, `${path}/quantity`), path: `${path}/quantity`, tracking: 'none',
    // A physical `from` is debited guarded: if it may go negative and the guard refuses, the transactional path reads it afresh and posts.
    from: { id: from.id, mayGoNegative: from.kind === 'virtual' }, to: { id: to.id, mayGoNegative: to.kind === 'virtual' },
    ...movementFields(m, path, now), display: { sku: item.sku, decimals: item.decimals, fromCode: from.code },
  };
  checkDraft(movement);
  const meta = postingMeta(ctx, now);
  const [audit] = auditRows(ctx, [postedAudit(meta.postingId, 1)]);
  if (!audit) return null;
  const rows = store.dialect === 'postgres'
    // A deadlock rolled this statement back (see LOCKED_FIRST for why that is rare): the transactional path retries.
    ? await postOneAutocommitted(store.db, movement, meta, audit).catch((error: unknown) => (isRetryable(error) ? undefined : Promise.reject(error)))
    : await combinedPosting(store, { draft: movement, meta, audit }).then((row) => row && [row]);
  if (!rows) return null;
  const names = { items: new Map([[item.id, item]]), locations: new Map([[from.id, from], [to.id, to]]) };
  return { postingId: meta.postingId, movements: toMovementsWith(rows, names, [movement]) };
}

function postedAudit(postingId: string, count: number): AuditEntry {
  return { action: 'movements.posted', entityType: 'posting', entityId: postingId, details: { count } };
}

function movementDraft(resolved: Resolved, m: MovementInput, path: string, now: string): MovementDraft {
  const item = resolved.item(m.item);
  return draft(
    resolved,
    { item: m.item, quantity: parsePositiveScaled(m.quantity, item.decimals, `${path}/quantity`), from: m.from, to: m.to, path: `${path}/quantity` },
    movementFields(m, path, now),
  );
}

/** What a movement input says besides its item, quantity and locations. */
function movementFields(m: MovementInput, path: string, now: string) {
  return {
    kind: m.kind ?? 'move',
    unitCost: m.unitCost === undefined ? null : parseCost(m.unitCost, `${path}/unitCost`),
    reasonCode: m.reasonCode ?? null, reference: m.reference ?? null, note: m.note ?? null,
    occurredAt: parseOccurredAt(m.occurredAt, `${path}/occurredAt`, now),
  };
}

/** Corrects a movement by posting its mirror image; the original stays in the ledger untouched. */
export async function reverseMovement(store: Store, ctx: CommandContext, id: string, input: { note?: string | undefined; occurredAt?: string | undefined }): Promise<CommandResult<Movement>> {
  return runCommand(store, ctx, { name: `movement.reverse:${id}`, input }, async (trx) => {
    const original = await findMovementById(trx, id);
    if (!original) throw notFound('movement', id);
    if (original.reverses_id !== null) throw new DomainError('rule-violation', 'a reversal cannot itself be reversed; post a new movement instead');
    // Checked before posting: otherwise a second reversal whose stock has moved on is misreported as a shortage.
    if (await findReversalOf(trx, id)) throw new DomainError('conflict', `movement ${id} has already been reversed`);
    const now = nowIso();
    const [items, locations] = await Promise.all([
      resolveItemRefs(trx, [{ ref: original.item_id, path: '/item' }]).catch(() => {
        throw new DomainError('rule-violation', 'the movement’s item is archived; restore it before reversing');
      }),
      resolveLocationRefs(trx, [{ ref: original.from_location_id, path: '/from' }, { ref: original.to_location_id, path: '/to' }]),
    ]);
    const resolved = new Resolved(items, locations);
    const reversal = draft(
      resolved,
      { item: original.item_id, quantity: Number(original.quantity), from: original.to_location_id, to: original.from_location_id, path: '' },
      {
        kind: 'reversal', unitCost: original.unit_cost, reasonCode: original.reason_code, reversesId: original.id,
        documentType: original.document_type, documentId: original.document_id, reference: original.reference,
        note: input.note ?? null, occurredAt: parseOccurredAt(input.occurredAt, '/occurredAt', now),
      },
    );
    const carried = await carriedBack(trx, original, '/serials');
    const mirrored = { ...reversal, lotId: carried.lotId, serials: carried.serials, display: { ...reversal.display, lotNumber: carried.lotNumber } };
    const meta = postingMeta(ctx, now);
    try {
      const [row] = await postMovements(trx, [mirrored], meta);
      const movement = toMovement(row!, resolved.names(), carriedBy(mirrored));
      return { result: movement, audit: [{ action: 'movement.reversed', entityType: 'movement', entityId: original.id, reason: input.note, details: { reversal: movement.id } }] };
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('conflict', `movement ${id} has already been reversed`);
      throw error;
    }
  });
}

export async function getMovement(db: Executor, id: string): Promise<Movement> {
  const row = await findMovementById(db, id);
  if (!row) throw notFound('movement', id);
  return (await toMovements(db, [row]))[0] as Movement;
}

export interface MovementQuery {
  item?: string | undefined;
  location?: string | undefined;
  kind?: string | undefined;
  documentType?: string | undefined;
  documentId?: string | undefined;
  postingId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** The ledger's history, newest first by default, paged by sequence number. */
export async function listMovements(db: Executor, query: MovementQuery): Promise<Page<Movement>> {
  const itemId = query.item === undefined ? undefined : (await getItem(db, query.item)).id;
  const locationIds = query.location === undefined ? undefined : await locationIdsWithin(db, query.location);
  const order = query.order ?? 'desc';
  const rows = await listMovementRows(db, {
    itemId, locationIds, kind: query.kind, documentType: query.documentType, documentId: query.documentId, postingId: query.postingId,
    occurredFrom: query.from === undefined ? undefined : parseTimestamp(query.from, '/from'),
    occurredTo: query.to === undefined ? undefined : parseTimestamp(query.to, '/to'),
    afterSeq: query.cursor === undefined ? undefined : decodeCursor<number>(query.cursor, 'number'),
    order, limit: query.limit,
  });
  const page = toPage(rows, query.limit, (r) => Number(r.seq), (r) => r);
  return { data: await toMovements(db, page.data), nextCursor: page.nextCursor };
}
