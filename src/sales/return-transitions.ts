import { findItemByBarcode, getItem } from '../catalog/item-service.js';
import type { AuditEntry } from '../db/command.js';
import { appendEvents, type NewEvent } from '../db/outbox.js';
import type { Executor, ReturnLineRow, ReturnRow, ReturnStatus } from '../db/schema.js';
import { DomainError, invalidField, notFound } from '../shared/errors.js';
import { findOrdersByIds } from './order-repository.js';
import * as repo from './return-repository.js';
import { pickLineForItem, returnActionProblem, statusFromLines, type ReturnAction } from './return-rules.js';
import { stateOf } from './return-view.js';
import { findLot } from '../tracking/tracking-repository.js';

/** Locks a return for a step and refuses the step when its status does not allow it. */
export async function lockFor(trx: Executor, ref: string, action: ReturnAction): Promise<ReturnRow> {
  const row = await repo.lockReturnByRef(trx, ref);
  if (!row) throw notFound('return', ref);
  const problem = returnActionProblem(row.status, action);
  if (problem) throw new DomainError('rule-violation', `${row.number}: ${problem}`);
  return row;
}

/**
 * Like stock.changed and sales_order.status_changed it names what changed; a consumer reads the
 * return for the rest. `from` is null when the return was just authorised.
 */
export function returnStatusChanged(row: { id: string; number: string }, orderNumber: string | null, from: ReturnStatus | null, status: ReturnStatus): NewEvent {
  return { type: 'return.status_changed', payload: { returnId: row.id, number: row.number, order: orderNumber, from, status } };
}

/** Sets a status (closing the return when it is final) and announces it in the same transaction, when it changed. */
export async function setStatus(trx: Executor, row: ReturnRow, status: ReturnStatus, now: string): Promise<void> {
  const final = status === 'closed' || status === 'cancelled';
  await repo.updateReturnRow(trx, row.id, { status, updated_at: now, ...(final && { closed_at: now }) });
  if (status !== row.status) await appendEvents(trx, [returnStatusChanged(row, await orderNumberOf(trx, row), row.status, status)]);
}

/** After a step changed the lines, moves the return to the status they imply. */
export async function applyStatusFromLines(trx: Executor, row: ReturnRow, now: string): Promise<void> {
  const lines = await repo.linesOf(trx, [row.id]);
  await setStatus(trx, row, statusFromLines(row.status, lines.map(stateOf)), now);
}

export async function orderNumberOf(db: Executor, row: ReturnRow): Promise<string | null> {
  if (row.sales_order_id === null) return null;
  const [order] = await findOrdersByIds(db, [row.sales_order_id]);
  return order?.number ?? null;
}

/** The item a code names: its id, SKU or one of its barcodes; null when none does. */
export async function identifyItem(db: Executor, code: string): Promise<string | null> {
  for (const lookup of [getItem, findItemByBarcode]) {
    try {
      return (await lookup(db, code)).id;
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'not-found')) throw error;
    }
  }
  return null;
}

/**
 * The return line a step's request line means: named by id, or the line a scanned item belongs
 * on (its first with something `left` for this step; with a scanned lot, among the lines of that lot).
 */
export async function chooseLine(
  db: Executor, row: ReturnRow, lines: ReturnLineRow[], entry: { line?: string | undefined; item?: string | undefined; lot?: string | undefined }, path: string, left: (line: ReturnLineRow) => number,
): Promise<ReturnLineRow> {
  if ((entry.line === undefined) === (entry.item === undefined)) throw invalidField(path, 'name either the return line (line) or the item (item)');
  if (entry.line !== undefined) {
    const line = lines.find((l) => l.id === entry.line);
    if (!line) throw invalidField(`${path}/line`, `'${entry.line}' is not a line of ${row.number}`);
    return line;
  }
  const code = entry.item ?? '';
  const itemId = await identifyItem(db, code);
  if (itemId === null) throw invalidField(`${path}/item`, `no item has the id, SKU or barcode '${code}'`);
  const lot = entry.lot === undefined ? undefined : await findLot(db, itemId, entry.lot);
  // A lot on none of the item's lines leaves the choice to the item; the step then refuses the lot at its field.
  const ofLot = lines.filter((l) => l.item_id === itemId && l.lot_id === lot?.id);
  const picked = pickLineForItem((ofLot.length > 0 ? ofLot : lines).map((l) => ({ itemId: l.item_id, lineNo: l.line_no, row: l })), itemId, (c) => left(c.row));
  if (!picked) throw invalidField(`${path}/item`, `'${code}' is not on ${row.number}`);
  return picked.row;
}

export function audit(what: string, returnId: string, reason?: string | undefined, details?: unknown): AuditEntry {
  return { action: `return.${what}`, entityType: 'return', entityId: returnId, reason, details };
}
