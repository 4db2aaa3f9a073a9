import { itemRefsByIds } from '../catalog/item-service.js';
import { runCommand, type CommandResult } from '../db/command.js';
import type { CountLineRow, CountRow, Executor } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { locationRefsByIds } from '../locations/location-service.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { nowIso } from '../shared/time.js';
import { serialsNumbered } from '../tracking/tracking-lookup.js';
import { checkEntries, type CheckedEntry } from './count-entry-checks.js';
import { recordSerialsOnHand, stockAtCount } from './count-line-stock.js';
import { countView } from './count-query-service.js';
import * as repo from './count-repository.js';
import { combineEntry, combineSerials } from './count-rules.js';
import { countAudit, lockCountFor, requireCount } from './count-service.js';
import type { Count, EntryInput } from './count-types.js';

export const MAX_ENTRIES = 500;

/**
 * Records what counters found. An entry for a line already on the count (item × location, × lot
 * for a lot-tracked item) replaces its quantity or its scanned serials (or adds to them with
 * `mode: "add"`, for stock counted in several passes); one not on the count is a found item and
 * becomes an unplanned line. Each entry stores the ledger's stock read in this same transaction
 * (with its rows locked on PostgreSQL): the variance is counted minus that figure (for serials, the
 * serials there then), so movements before or after the entry do not distort it.
 */
export async function enterCounts(store: Store, ctx: CommandContext, ref: string, input: { entries: EntryInput[] }): Promise<CommandResult<Count>> {
  if (input.entries.length === 0) throw invalidField('/entries', 'at least one entry is needed');
  if (input.entries.length > MAX_ENTRIES) throw invalidField('/entries', `at most ${MAX_ENTRIES} entries per request`);
  return runCommand(store, ctx, { name: `count.entries:${ref}`, input }, async (trx) => {
    const count = await lockCountFor(trx, ref, 'enter');
    const entries = await checkEntries(trx, count, input.entries);
    const lines = await repo.linesOf(trx, count.id);
    const byKey = new Map(lines.map((l) => [lineKey(l.item_id, l.location_id, l.lot_id), l]));
    const state = { count, byKey, nextLineNo: Math.max(0, ...lines.map((l) => l.line_no)) + 1, now: nowIso(), costs: await repo.lastUnitCosts(trx, entries.map((e) => e.itemId)) };
    for (const entry of entries) await recordEntry(trx, store.dialect, ctx, state, entry);
    await repo.updateCountRow(trx, count.id, { updated_at: state.now });
    return {
      result: await countView(trx, await requireCount(trx, count.id), ctx.actor, [...byKey.values()].sort((a, b) => a.line_no - b.line_no)),
      audit: [countAudit('entries_recorded', count.id, { entries: entries.length })],
    };
  });
}

const lineKey = (itemId: string, locationId: string, lotId: string | null) => `${itemId}\u0000${locationId}\u0000${lotId ?? ''}`;

interface EntryState {
  count: CountRow;
  byKey: Map<string, CountLineRow>;
  nextLineNo: number;
  now: string;
  costs: Map<string, number>;
}

async function recordEntry(trx: Executor, dialect: 'sqlite' | 'postgres', ctx: CommandContext, state: EntryState, entry: CheckedEntry): Promise<void> {
  const key = lineKey(entry.itemId, entry.locationId, entry.lotId);
  const existing = state.byKey.get(key);
  const lineId = existing?.id ?? newId();
  const stock = await stockAtCount(trx, dialect, { item_id: entry.itemId, location_id: entry.locationId, lot_id: entry.lotId }, entry.tracking);
  const scanned = entry.serials === null ? null : await scannedSerials(trx, state.count.id, { ...entry, serials: entry.serials }, existing ?? null);
  const counted = scanned === null ? combineEntry(existing?.counted == null ? null : Number(existing.counted), entry.quantity, entry.mode) : scanned.length;
  const values = {
    counted, on_hand_at_count: stock.onHand, unit_cost: state.costs.get(entry.itemId) ?? null,
    counted_by: ctx.actor.id, counted_by_name: ctx.actor.name, counted_at: state.now,
  };
  if (existing) {
    await repo.updateLineRow(trx, existing.id, values);
    state.byKey.set(key, { ...existing, ...values });
  } else {
    const line: CountLineRow = {
      id: lineId, count_id: state.count.id, line_no: state.nextLineNo++, item_id: entry.itemId, location_id: entry.locationId, lot_id: entry.lotId,
      expected: 0, unplanned: 1, previous_counted: null, recounts: 0, reason_code: null, ...values,
    };
    await repo.insertLines(trx, [line]);
    state.byKey.set(key, line);
  }
  await recordSerialsOnHand(trx, lineId, stock);
  if (scanned !== null) await repo.replaceLineSerials(trx, lineId, 'counted', scanned);
}

/**
 * The serials a line now counts: the scan replaces or adds to what it counted before. A unit is in
 * one place, so a serial already counted on another line of this count is refused at its field.
 */
async function scannedSerials(trx: Executor, countId: string, entry: CheckedEntry & { serials: string[] }, existing: CountLineRow | null): Promise<Array<{ serial_number: string; serial_id: string | null }>> {
  const previous = existing === null || existing.counted === null ? null
    : (await repo.serialsOfLines(trx, [existing.id])).filter((s) => s.role === 'counted').map((s) => s.serial_number);
  const serials = combineSerials(previous, entry.serials, entry.mode);
  const elsewhere = await repo.serialsCountedElsewhere(trx, { countId, itemId: entry.itemId, numbers: serials, exceptLineId: existing?.id ?? null });
  if (elsewhere.length > 0) {
    const places = await locationRefsByIds(trx, elsewhere.map((e) => e.location_id));
    const errors = elsewhere.map((e) => ({
      path: `${entry.base}/serials/${Math.max(0, entry.serials.indexOf(e.serial_number))}`,
      message: `serial ${e.serial_number} of ${entry.sku} is already counted at ${places.get(e.location_id)?.code ?? e.location_id} on this count`,
    }));
    throw new DomainError('conflict', errors.map((e) => e.message).join('; '), errors);
  }
  const known = new Map((await serialsNumbered(trx, entry.itemId, serials)).map((s) => [s.serial_number, s.id]));
  return serials.map((number) => ({ serial_number: number, serial_id: known.get(number) ?? null }));
}

/**
 * Counting is done: the count goes to review. Lines nobody counted are left out of the
 * adjustment (`uncounted: "skip"`, the default) or recorded as counted zero (`"zero"`, for a
 * full count where anything not found is gone), with the on hand read now.
 */
export async function submitCount(store: Store, ctx: CommandContext, ref: string, input: { uncounted?: 'skip' | 'zero' | undefined }): Promise<CommandResult<Count>> {
  return runCommand(store, ctx, { name: `count.submit:${ref}`, input }, async (trx) => {
    const count = await lockCountFor(trx, ref, 'submit');
    const now = nowIso();
    let zeroed = 0;
    if (input.uncounted === 'zero') {
      const open = (await repo.linesOf(trx, count.id)).filter((l) => l.counted === null);
      const [costs, items] = await Promise.all([repo.lastUnitCosts(trx, open.map((l) => l.item_id)), itemRefsByIds(trx, open.map((l) => l.item_id))]);
      for (const line of open) {
        const tracking = items.get(line.item_id)?.tracking ?? 'none';
        const stock = await stockAtCount(trx, store.dialect, line, tracking);
        await repo.updateLineRow(trx, line.id, {
          counted: 0, on_hand_at_count: stock.onHand, unit_cost: costs.get(line.item_id) ?? null,
          counted_by: ctx.actor.id, counted_by_name: ctx.actor.name, counted_at: now,
        });
        await recordSerialsOnHand(trx, line.id, stock);
        if (tracking === 'serial') await repo.replaceLineSerials(trx, line.id, 'counted', []);
      }
      zeroed = open.length;
    }
    await repo.updateCountRow(trx, count.id, { status: 'review', submitted_at: now, updated_at: now });
    return { result: await countView(trx, await requireCount(trx, count.id), ctx.actor), audit: [countAudit('submitted', count.id, { uncounted: input.uncounted ?? 'skip', zeroed })] };
  });
}

/** Sends chosen lines back to be counted again: their quantity and scanned serials are cleared (the quantity kept as `previousCounted`) and the count returns to counting. */
export async function recountLines(store: Store, ctx: CommandContext, ref: string, input: { lines: string[]; note?: string | undefined }): Promise<CommandResult<Count>> {
  if (input.lines.length === 0) throw invalidField('/lines', 'name at least one line to recount');
  return runCommand(store, ctx, { name: `count.recount:${ref}`, input }, async (trx) => {
    const count = await lockCountFor(trx, ref, 'recount');
    const lines = await repo.linesOf(trx, count.id);
    const byId = new Map(lines.map((l) => [l.id, l]));
    const errors = input.lines.flatMap((id, i) => (byId.has(id) ? [] : [{ path: `/lines/${i}`, message: `line '${id}' is not on ${count.number}` }]));
    if (errors.length > 0) throw new DomainError('validation', errors.map((e) => e.message).join('; '), errors);
    for (const id of new Set(input.lines)) {
      const line = byId.get(id) as CountLineRow;
      await repo.updateLineRow(trx, id, {
        previous_counted: line.counted, counted: null, on_hand_at_count: null, counted_by: null, counted_by_name: null, counted_at: null, recounts: line.recounts + 1,
      });
      await repo.clearCountedSerials(trx, id);
    }
    const now = nowIso();
    await repo.updateCountRow(trx, count.id, { status: 'counting', submitted_at: null, updated_at: now });
    return { result: await countView(trx, await requireCount(trx, count.id), ctx.actor), audit: [{ ...countAudit('recount_requested', count.id, { lines: input.lines }), reason: input.note ?? null }] };
  });
}
