import { runCommand, type AuditEntry, type CommandResult } from '../db/command.js';
import type { CountRow, Executor } from '../db/schema.js';
import type { Store } from '../db/store.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField, notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { parseCost } from '../shared/money.js';
import { parseScaled } from '../shared/quantity.js';
import { nowIso } from '../shared/time.js';
import { countView } from './count-query-service.js';
import * as repo from './count-repository.js';
import { countActionProblem, countNumber, THRESHOLD_DECIMALS, type CountAction } from './count-rules.js';
import { expectedLines, resolveScope } from './count-scope.js';
import type { Count, NewCount, StoredScope } from './count-types.js';

/** Without thresholds of its own, a variance worth more than 100.0000 (in the stock's currency) needs a manager. */
export const DEFAULT_THRESHOLD_VALUE = 100_0000;

export async function createCount(store: Store, ctx: CommandContext, input: NewCount): Promise<CommandResult<Count>> {
  const unitsMicro = input.thresholds?.units == null ? null : parseScaled(input.thresholds.units, THRESHOLD_DECIMALS, '/thresholds/units');
  if (unitsMicro !== null && unitsMicro < 0) throw invalidField('/thresholds/units', 'a threshold cannot be negative');
  const value = input.thresholds === undefined ? DEFAULT_THRESHOLD_VALUE
    : input.thresholds.value == null ? null : parseCost(input.thresholds.value, '/thresholds/value');
  return runCommand(store, ctx, { name: 'count.create', input }, async (trx) => {
    const { site, stored } = await resolveScope(trx, input.scope);
    const id = newId();
    const now = nowIso();
    const number = countNumber(await repo.nextCountNumber(trx));
    await repo.insertCount(trx, {
      id, number, site_id: site.id, status: 'draft', scope: JSON.stringify(stored), blind: input.blind === false ? 0 : 1,
      threshold_units_micro: unitsMicro, threshold_value: value, note: input.note ?? null, posting_id: null,
      created_by: ctx.actor.id, created_by_name: ctx.actor.name, created_at: now, updated_at: now,
      started_at: null, submitted_at: null, approved_at: null, approved_by: null, cancelled_at: null,
    });
    const row = await requireCount(trx, id);
    return { result: await countView(trx, row, ctx.actor, []), audit: [countAudit('created', id, { number, site: site.code, scope: stored.type })] };
  });
}

/**
 * Counting starts: every item × location in scope with stock becomes a line, its on hand
 * snapshotted as expected — per lot for a lot-tracked item, with the serials there for a serial-tracked one.
 */
export async function startCount(store: Store, ctx: CommandContext, ref: string): Promise<CommandResult<Count>> {
  return runCommand(store, ctx, { name: `count.start:${ref}`, input: {} }, async (trx) => {
    const count = await lockCountFor(trx, ref, 'start');
    const now = nowIso();
    const expected = await expectedLines(trx, count.site_id, JSON.parse(count.scope) as StoredScope, new Date(now));
    const rows = expected.map((line, i) => ({
      id: newId(), count_id: count.id, line_no: i + 1, item_id: line.itemId, location_id: line.locationId, lot_id: line.lotId, expected: line.onHand,
      unplanned: 0, counted: null, on_hand_at_count: null, unit_cost: null, previous_counted: null, recounts: 0, reason_code: null,
      counted_by: null, counted_by_name: null, counted_at: null,
    }));
    await repo.insertLines(trx, rows);
    await repo.insertLineSerials(trx, expected.flatMap((line, i) =>
      (line.serials ?? []).map((s) => ({ line_id: rows[i]?.id ?? '', role: 'expected' as const, serial_number: s.number, serial_id: s.id }))));
    await repo.updateCountRow(trx, count.id, { status: 'counting', started_at: now, updated_at: now });
    return { result: await countView(trx, await requireCount(trx, count.id), ctx.actor), audit: [countAudit('started', count.id, { lines: expected.length })] };
  });
}

export async function cancelCount(store: Store, ctx: CommandContext, ref: string, input: { note?: string | undefined }): Promise<CommandResult<Count>> {
  return runCommand(store, ctx, { name: `count.cancel:${ref}`, input }, async (trx) => {
    const count = await lockCountFor(trx, ref, 'cancel');
    const now = nowIso();
    await repo.updateCountRow(trx, count.id, { status: 'cancelled', cancelled_at: now, updated_at: now });
    return { result: await countView(trx, await requireCount(trx, count.id), ctx.actor), audit: [{ ...countAudit('cancelled', count.id), reason: input.note ?? null }] };
  });
}

/** Locks the count and checks that the action fits its state. */
export async function lockCountFor(db: Executor, ref: string, action: CountAction): Promise<CountRow> {
  const count = await repo.lockCountByRef(db, ref);
  if (!count) throw notFound('count', ref);
  const problem = countActionProblem(action, count.status, count.number);
  if (problem) throw problem;
  return count;
}

export async function requireCount(db: Executor, id: string): Promise<CountRow> {
  const row = await repo.findCountByRef(db, id);
  if (!row) throw new DomainError('not-found', `count '${id}' does not exist`);
  return row;
}

export function countAudit(action: string, id: string, details?: unknown): AuditEntry {
  return { action: `count.${action}`, entityType: 'count', entityId: id, details };
}
