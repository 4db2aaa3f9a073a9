import { runCommand, type CommandResult } from '../db/command.js';
import type { Executor, TransferLineRow, TransferRow, TransferStatus } from '../db/schema.js';
import type { Store } from '../db/store.js';
import type { MovementDraft } from '../ledger/movement-types.js';
import { postMovements } from '../ledger/posting.js';
import { itemRefsByIds } from '../catalog/item-service.js';
import { locationIdsWithin, locationRefsByIds } from '../locations/location-service.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField, notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { decodeCursor, toPage, type Page } from '../shared/page.js';
import { formatScaled, parsePositiveScaled } from '../shared/quantity.js';
import { nowIso, parseOccurredAt } from '../shared/time.js';
import { toMovementsWith, type Movement } from './movement-dto.js';
import type { OperationCommon, TransferInput } from './operation-types.js';
import { draft, postingMeta, resolveRefs, type Resolved } from './refs.js';
import * as repo from './transfer-repository.js';
import { listMovementRows } from '../ledger/movement-repository.js';
import { applyTracking } from '../tracking/tracked-drafts.js';
import { carriedBack } from '../tracking/tracking-names.js';

/** A transfer has at most 1,000 lines, each split over at most this many lots. */
const MAX_TRANSFER_MOVEMENTS = 100_000;

export interface Transfer {
  id: string;
  mode: 'immediate' | 'two-step';
  status: TransferStatus;
  from: { id: string; code: string };
  to: { id: string; code: string };
  reference: string | null;
  lines: Array<{ item: { id: string; sku: string }; quantity: string }>;
  createdAt: string;
  closedAt: string | null;
}

export interface TransferResult {
  transfer: Transfer;
  movements: Movement[];
}

const TRANSIT = 'transit';

/**
 * Moves stock between physical locations. Immediate: one movement per line from → to.
 * Two-step: from → transit now, transit → to when the destination receives it, so the goods
 * show as in transit (not available anywhere) while they travel.
 */
export async function createTransfer(store: Store, ctx: CommandContext, input: TransferInput): Promise<CommandResult<TransferResult>> {
  if (input.lines.length === 0) throw invalidField('/lines', 'at least one line is needed');
  const mode = input.mode ?? 'immediate';
  return runCommand(store, ctx, { name: 'transfer.create', input }, async (trx) => {
    const now = nowIso();
    const resolved = await resolveRefs(
      trx,
      input.lines.map((l, i) => ({ ref: l.item, path: `/lines/${i}/item` })),
      [{ ref: input.from, path: '/from' }, { ref: input.to, path: '/to' }, { ref: TRANSIT, path: '/to' }],
    );
    const from = resolved.location(input.from);
    const to = resolved.location(input.to);
    if (from.kind === 'virtual') throw invalidField('/from', 'transfers move stock between physical locations');
    if (to.kind === 'virtual') throw invalidField('/to', 'transfers move stock between physical locations');
    if (from.id === to.id) throw invalidField('/to', 'from and to must differ');
    const transferId = newId();
    // A transfer's dates are business time, like its movements', so backdated transfers sort where they happened.
    const occurredAt = parseOccurredAt(input.occurredAt, '/occurredAt', now);
    const lines: TransferLineRow[] = input.lines.map((l, i) => ({
      transfer_id: transferId, line_no: i + 1, item_id: resolved.item(l.item).id,
      quantity: parsePositiveScaled(l.quantity, resolved.item(l.item).decimals, `/lines/${i}/quantity`),
    }));
    const transfer: TransferRow = {
      id: transferId, mode, status: mode === 'immediate' ? 'received' : 'in_transit', from_location_id: from.id, to_location_id: to.id,
      reference: input.reference ?? null, actor: ctx.actor.id, created_at: occurredAt, closed_at: mode === 'immediate' ? occurredAt : null,
    };
    await repo.insertTransfer(trx, transfer, lines);
    const destination = mode === 'immediate' ? input.to : TRANSIT;
    const planned = linesToDrafts(resolved, lines, input.from, destination, mode === 'immediate' ? 'transfer' : 'transfer_out', transferId, input, now);
    const drafts = await applyTracking(trx, planned.map((d, i) => ({ draft: d, input: { lot: input.lines[i]?.lot, serials: input.lines[i]?.serials }, base: `/lines/${i}`, fromVirtual: false })), { now, toCustomer: false });
    const rows = await postMovements(trx, drafts, postingMeta(ctx, now));
    const movements = toMovementsWith(rows, resolved.names(), drafts);
    return {
      result: { transfer: await loadTransfer(trx, transferId), movements },
      audit: [{ action: 'transfer.created', entityType: 'transfer', entityId: transferId, reason: input.note, details: { mode, lines: lines.length } }],
    };
  });
}

/** The destination takes in a two-step transfer: transit → destination for every line. */
export async function receiveTransfer(store: Store, ctx: CommandContext, id: string, input: OperationCommon): Promise<CommandResult<TransferResult>> {
  return closeInTransit(store, ctx, id, input, 'received');
}

/** Calls back a two-step transfer: the goods return from transit to where they left. */
export async function cancelTransfer(store: Store, ctx: CommandContext, id: string, input: OperationCommon): Promise<CommandResult<TransferResult>> {
  return closeInTransit(store, ctx, id, input, 'cancelled');
}

async function closeInTransit(store: Store, ctx: CommandContext, id: string, input: OperationCommon, status: 'received' | 'cancelled'): Promise<CommandResult<TransferResult>> {
  return runCommand(store, ctx, { name: `transfer.${status}:${id}`, input }, async (trx) => {
    const now = nowIso();
    const found = await repo.findTransfer(trx, id);
    if (!found) throw notFound('transfer', id);
    const { transfer, lines } = found;
    if (!(await repo.closeTransfer(trx, id, status, parseOccurredAt(input.occurredAt, '/occurredAt', now)))) {
      throw new DomainError('rule-violation', `transfer ${id} is ${transfer.status}, not in transit`);
    }
    const destination = status === 'received' ? transfer.to_location_id : transfer.from_location_id;
    const resolved = await resolveRefs(
      trx,
      lines.map((l) => ({ ref: l.item_id, path: '/lines' })),
      [{ ref: TRANSIT, path: '/' }, { ref: destination, path: '/' }],
    );
    const kind = status === 'received' ? 'transfer_in' : 'transfer_out';
    const untracked = lines.filter((l) => resolved.item(l.item_id).tracking === 'none');
    const drafts = [
      ...linesToDrafts(resolved, untracked, TRANSIT, destination, kind, id, input, now),
      ...(await trackedFromTransit(trx, resolved, transfer, { to: destination, kind, input, now })),
    ];
    const rows = await postMovements(trx, drafts, postingMeta(ctx, now));
    return {
      result: { transfer: await loadTransfer(trx, id), movements: toMovementsWith(rows, resolved.names(), drafts) },
      audit: [{ action: `transfer.${status}`, entityType: 'transfer', entityId: id, reason: input.note }],
    };
  });
}

/**
 * Tracked goods leave transit as the lots and serials that went in: each movement from the
 * origin into transit is continued with the same lot and serials.
 */
async function trackedFromTransit(
  trx: Executor, resolved: Resolved, transfer: TransferRow, next: { to: string; kind: MovementDraft['kind']; input: OperationCommon; now: string },
): Promise<MovementDraft[]> {
  const transit = resolved.location(TRANSIT);
  const out = await listMovementRows(trx, { documentType: 'transfer', documentId: transfer.id, order: 'asc', limit: MAX_TRANSFER_MOVEMENTS });
  const occurredAt = parseOccurredAt(next.input.occurredAt, '/occurredAt', next.now);
  const drafts: MovementDraft[] = [];
  for (const row of out.filter((m) => m.from_location_id === transfer.from_location_id && m.to_location_id === transit.id)) {
    if (resolved.item(row.item_id).tracking === 'none') continue;
    const carried = await carriedBack(trx, row, '/lines');
    const base = draft(resolved, { item: row.item_id, quantity: Number(row.quantity), from: TRANSIT, to: next.to, path: '/lines' }, {
      kind: next.kind, documentType: 'transfer', documentId: transfer.id, reference: next.input.reference ?? null, note: next.input.note ?? null, occurredAt,
    });
    drafts.push({ ...base, lotId: carried.lotId, serials: carried.serials, display: { ...base.display, lotNumber: carried.lotNumber } });
  }
  return drafts;
}

function linesToDrafts(resolved: Resolved, lines: TransferLineRow[], from: string, to: string, kind: MovementDraft['kind'], transferId: string, input: OperationCommon, now: string): MovementDraft[] {
  const occurredAt = parseOccurredAt(input.occurredAt, '/occurredAt', now);
  return lines.map((line) =>
    draft(resolved, { item: line.item_id, quantity: line.quantity, from, to, path: `/lines/${line.line_no - 1}/quantity` }, {
      kind, documentType: 'transfer', documentId: transferId, reference: input.reference ?? null, note: input.note ?? null, occurredAt,
    }),
  );
}

export async function getTransfer(db: Executor, id: string): Promise<Transfer> {
  return loadTransfer(db, id);
}

async function loadTransfer(db: Executor, id: string): Promise<Transfer> {
  const found = await repo.findTransfer(db, id);
  if (!found) throw notFound('transfer', id);
  return (await toTransfers(db, [found.transfer], found.lines))[0] as Transfer;
}

export async function listTransfers(db: Executor, query: { status?: TransferStatus | undefined; location?: string | undefined; cursor?: string | undefined; limit: number }): Promise<Page<Transfer>> {
  const locationIds = query.location === undefined ? undefined : await locationIdsWithin(db, query.location);
  const beforeId = query.cursor === undefined ? undefined : decodeCursor<string>(query.cursor, 'string');
  const rows = await repo.listTransferRows(db, { status: query.status, locationIds, beforeId, limit: query.limit });
  const page = toPage(rows, query.limit, (r) => r.id, (r) => r);
  const lines = await repo.listLinesOf(db, page.data.map((t) => t.id));
  return { data: await toTransfers(db, page.data, lines), nextCursor: page.nextCursor };
}

async function toTransfers(db: Executor, transfers: TransferRow[], lines: TransferLineRow[]): Promise<Transfer[]> {
  const [items, locations] = await Promise.all([
    itemRefsByIds(db, lines.map((l) => l.item_id)),
    locationRefsByIds(db, transfers.flatMap((t) => [t.from_location_id, t.to_location_id])),
  ]);
  const place = (id: string) => ({ id, code: locations.get(id)?.code ?? id });
  return transfers.map((t) => ({
    id: t.id, mode: t.mode, status: t.status, from: place(t.from_location_id), to: place(t.to_location_id), reference: t.reference,
    lines: lines.filter((l) => l.transfer_id === t.id).map((l) => {
      const item = items.get(l.item_id);
      return { item: { id: l.item_id, sku: item?.sku ?? l.item_id }, quantity: formatScaled(Number(l.quantity), item?.decimals ?? 0) };
    }),
    createdAt: t.created_at, closedAt: t.closed_at,
  }));
}

/** Quantities on their way per item × destination location: lines of transfers still in transit. */
export async function inTransitTo(db: Executor, itemIds: readonly string[]): Promise<Array<{ itemId: string; locationId: string; quantity: number }>> {
  const rows = await repo.sumInTransit(db, { itemIds });
  return rows.map((r) => ({ itemId: r.item_id, locationId: r.location_id, quantity: Number(r.quantity) }));
}
