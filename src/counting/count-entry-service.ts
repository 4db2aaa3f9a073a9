import { runCommand, type CommandResult } from '../db/command.js';
import type { CountLineRow, CountRow, Executor } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { getBalanceForUpdate } from '../ledger/balance-repository.js';
import { resolveLocationRefs } from '../locations/location-service.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { parseScaled } from '../shared/quantity.js';
import { nowIso } from '../shared/time.js';
import { countView } from './count-query-service.js';
import * as repo from './count-repository.js';
import { combineEntry } from './count-rules.js';
import { countArea, resolveScannedItems } from './count-scope.js';
import { countAudit, lockCountFor, requireCount } from './count-service.js';
import type { Count, EntryInput, StoredScope } from './count-types.js';

export const MAX_ENTRIES = 500;

interface CheckedEntry {
  itemId: string;
  locationId: string;
  quantity: number;
  mode: 'set' | 'add';
}

/**
 * Records what counters found. An entry for an item × location already on the count replaces its
 * quantity (or adds to it with `mode: "add"`, for stock counted in several passes); one not on the
 * count is a found item and becomes an unplanned line. Each entry stores the ledger's on hand read
 * in this same transaction (with the balance row locked on PostgreSQL): the variance is counted
 * minus that figure, so movements before or after the entry do not distort it.
 */
export async function enterCounts(store: Store, ctx: CommandContext, ref: string, input: { entries: EntryInput[] }): Promise<CommandResult<Count>> {
  if (input.entries.length === 0) throw invalidField('/entries', 'at least one entry is needed');
  if (input.entries.length > MAX_ENTRIES) throw invalidField('/entries', `at most ${MAX_ENTRIES} entries per request`);
  return runCommand(store, ctx, { name: `count.entries:${ref}`, input }, async (trx) => {
    const count = await lockCountFor(trx, ref, 'enter');
    const entries = await checkEntries(trx, count, input.entries);
    const lines = await repo.linesOf(trx, count.id);
    const byKey = new Map(lines.map((l) => [`${l.item_id}\u0000${l.location_id}`, l]));
    let nextLineNo = Math.max(0, ...lines.map((l) => l.line_no)) + 1;
    const now = nowIso();
    const costs = await repo.lastUnitCosts(trx, entries.map((e) => e.itemId));
    for (const entry of entries) {
      const key = `${entry.itemId}\u0000${entry.locationId}`;
      const balance = await getBalanceForUpdate(trx, store.dialect, entry.itemId, entry.locationId);
      const existing = byKey.get(key);
      const counted = combineEntry(existing?.counted == null ? null : Number(existing.counted), entry.quantity, entry.mode);
      const values = {
        counted, on_hand_at_count: Number(balance.on_hand), unit_cost: costs.get(entry.itemId) ?? null,
        counted_by: ctx.actor.id, counted_by_name: ctx.actor.name, counted_at: now,
      };
      if (existing) {
        await repo.updateLineRow(trx, existing.id, values);
        byKey.set(key, { ...existing, ...values });
      } else {
        const line: CountLineRow = {
          id: newId(), count_id: count.id, line_no: nextLineNo++, item_id: entry.itemId, location_id: entry.locationId, expected: 0, unplanned: 1,
          previous_counted: null, recounts: 0, reason_code: null, ...values,
        };
        await repo.insertLines(trx, [line]);
        byKey.set(key, line);
      }
    }
    await repo.updateCountRow(trx, count.id, { updated_at: now });
    return {
      result: await countView(trx, await requireCount(trx, count.id), ctx.actor, [...byKey.values()].sort((a, b) => a.line_no - b.line_no)),
      audit: [countAudit('entries_recorded', count.id, { entries: entries.length })],
    };
  });
}

/** Resolves and checks every entry before anything is written, reporting each bad field at once. */
async function checkEntries(db: Executor, count: CountRow, entries: EntryInput[]): Promise<CheckedEntry[]> {
  const [items, locations] = await Promise.all([
    resolveScannedItems(db, entries.map((e, i) => ({ ref: e.item, path: `/entries/${i}/item` }))),
    resolveLocationRefs(db, entries.map((e, i) => ({ ref: e.location, path: `/entries/${i}/location` }))),
  ]);
  const area = await countArea(db, count.site_id, JSON.parse(count.scope) as StoredScope);
  const errors: Array<{ path: string; message: string }> = [];
  const checked = entries.flatMap((entry, i): CheckedEntry[] => {
    const item = items.get(entry.item);
    const location = locations.get(entry.location);
    if (!item || !location) return [];
    if (!area.has(location.id)) {
      errors.push({ path: `/entries/${i}/location`, message: `'${location.code}' is not a location this count covers` });
      return [];
    }
    try {
      const quantity = parseScaled(entry.quantity, item.decimals, `/entries/${i}/quantity`);
      if (quantity < 0) throw invalidField(`/entries/${i}/quantity`, 'a counted quantity cannot be negative');
      return [{ itemId: item.id, locationId: location.id, quantity, mode: entry.mode ?? 'set' }];
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      errors.push(...error.fieldErrors);
      return [];
    }
  });
  if (errors.length > 0) throw new DomainError('validation', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  return checked;
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
      const costs = await repo.lastUnitCosts(trx, open.map((l) => l.item_id));
      for (const line of open) {
        const balance = await getBalanceForUpdate(trx, store.dialect, line.item_id, line.location_id);
        await repo.updateLineRow(trx, line.id, {
          counted: 0, on_hand_at_count: Number(balance.on_hand), unit_cost: costs.get(line.item_id) ?? null,
          counted_by: ctx.actor.id, counted_by_name: ctx.actor.name, counted_at: now,
        });
      }
      zeroed = open.length;
    }
    await repo.updateCountRow(trx, count.id, { status: 'review', submitted_at: now, updated_at: now });
    return { result: await countView(trx, await requireCount(trx, count.id), ctx.actor), audit: [countAudit('submitted', count.id, { uncounted: input.uncounted ?? 'skip', zeroed })] };
  });
}

/** Sends chosen lines back to be counted again: their quantity is cleared (kept as `previousCounted`) and the count returns to counting. */
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
    }
    const now = nowIso();
    await repo.updateCountRow(trx, count.id, { status: 'counting', submitted_at: null, updated_at: now });
    return { result: await countView(trx, await requireCount(trx, count.id), ctx.actor), audit: [{ ...countAudit('recount_requested', count.id, { lines: input.lines }), reason: input.note ?? null }] };
  });
}
