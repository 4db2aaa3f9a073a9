import { requireReasonCode } from '../counting/reason-codes.js';
import { runCommand, type CommandResult } from '../db/command.js';
import type { Store } from '../db/store.js';
import { getBalanceForUpdate } from '../ledger/balance-repository.js';
import { postMovements } from '../ledger/posting.js';
import type { CommandContext } from '../shared/context.js';
import { invalidField } from '../shared/errors.js';
import { parseScaled } from '../shared/quantity.js';
import { nowIso, parseOccurredAt } from '../shared/time.js';
import type { ItemRef } from '../catalog/item-types.js';
import type { Executor } from '../db/schema.js';
import { lotOnHandForUpdate } from '../tracking/lot-service.js';
import { applyTracking, type TrackedLine } from '../tracking/tracked-drafts.js';
import { toMovementsWith, type Movement } from './movement-dto.js';
import type { AdjustInput, AdjustLineInput, PostingResult } from './operation-types.js';
import { draft, postingMeta, resolveRefs } from './refs.js';

const LOSS = 'loss';

/**
 * Corrects stock with a reason: a line either changes on hand by a signed delta, or sets it to
 * a counted quantity (the difference is posted). Gains come from the `loss` location and losses
 * go to it, so shrinkage is visible there. A line whose count matches posts nothing.
 */
export async function adjust(store: Store, ctx: CommandContext, input: AdjustInput): Promise<CommandResult<PostingResult<Movement>>> {
  if (input.lines.length === 0) throw invalidField('/lines', 'at least one line is needed');
  input.lines.forEach((line, i) => {
    if ((line.delta === undefined) === (line.countedQuantity === undefined)) {
      throw invalidField(`/lines/${i}`, 'give exactly one of delta or countedQuantity');
    }
  });
  return runCommand(store, ctx, { name: 'adjustment', input }, async (trx) => {
    const now = nowIso();
    await requireReasonCode(trx, input.reason, '/reason');
    const resolved = await resolveRefs(
      trx,
      input.lines.map((l, i) => ({ ref: l.item, path: `/lines/${i}/item` })),
      [{ ref: input.location, path: '/location' }, { ref: LOSS, path: '/location' }],
    );
    const location = resolved.location(input.location);
    if (location.kind === 'virtual') throw invalidField('/location', 'adjust stock in a site, zone or bin');
    const occurredAt = parseOccurredAt(input.occurredAt, '/occurredAt', now);
    const lines: TrackedLine[] = [];
    for (const [i, line] of input.lines.entries()) {
      const item = resolved.item(line.item);
      const delta = line.delta !== undefined
        ? parseScaled(line.delta, item.decimals, `/lines/${i}/delta`)
        : await countedDelta(store, trx, { item, locationId: location.id, line, base: `/lines/${i}` });
      if (delta === 0) {
        if (line.delta !== undefined) throw invalidField(`/lines/${i}/delta`, 'delta must not be zero');
        continue;
      }
      const [from, to] = delta > 0 ? [LOSS, input.location] : [input.location, LOSS];
      const field = line.delta !== undefined ? 'delta' : 'countedQuantity';
      const planned = draft(resolved, { item: line.item, quantity: Math.abs(delta), from, to, path: `/lines/${i}/${field}` }, {
        kind: 'adjustment', reasonCode: input.reason, reference: input.reference ?? null, note: input.note ?? null, occurredAt,
      });
      lines.push({ draft: planned, input: { lot: line.lot, serials: line.serials }, base: `/lines/${i}`, fromVirtual: delta > 0 });
    }
    const drafts = await applyTracking(trx, lines, { now, toCustomer: false });
    const meta = postingMeta(ctx, now);
    const rows = await postMovements(trx, drafts, meta);
    return {
      result: { postingId: meta.postingId, movements: toMovementsWith(rows, resolved.names(), drafts) },
      audit: [{ action: 'stock.adjusted', entityType: 'posting', entityId: meta.postingId, reason: input.reason, details: { location: location.code, lines: input.lines.length, note: input.note } }],
    };
  });
}

/**
 * The change a counted quantity means. A lot-tracked item is counted per lot (the lot must be
 * named); a serial-tracked one is adjusted by delta with its serials, since a count does not say which.
 */
async function countedDelta(store: Store, trx: Executor, line: { item: ItemRef; locationId: string; line: AdjustLineInput; base: string }): Promise<number> {
  const path = `${line.base}/countedQuantity`;
  const counted = parseScaled(line.line.countedQuantity ?? 0, line.item.decimals, path);
  if (line.item.tracking === 'serial') throw invalidField(path, `${line.item.sku} is serial-tracked: adjust by delta with the serial numbers`);
  if (line.item.tracking !== 'lot') return countDelta(store, trx, line.item.id, line.locationId, counted, path);
  if (line.line.lot === undefined) throw invalidField(`${line.base}/lot`, `${line.item.sku} is lot-tracked: name the lot counted`);
  if (counted < 0) throw invalidField(path, 'a counted quantity cannot be negative');
  return counted - (await lotOnHandForUpdate(trx, store.dialect, line.item.id, line.locationId, line.line.lot, `${line.base}/lot`));
}

async function countDelta(store: Store, trx: Parameters<typeof getBalanceForUpdate>[0], itemId: string, locationId: string, counted: number, path: string): Promise<number> {
  if (counted < 0) throw invalidField(path, 'a counted quantity cannot be negative');
  const balance = await getBalanceForUpdate(trx, store.dialect, itemId, locationId);
  return counted - balance.on_hand;
}
