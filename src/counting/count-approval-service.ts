import { runCommand, type CommandResult } from '../db/command.js';
import type { Store } from '../db/store.js';
import { postMovements } from '../ledger/posting.js';
import { postingMeta } from '../operations/refs.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { nowIso } from '../shared/time.js';
import { countAdjustments } from './count-adjustments.js';
import { countView, namesFor, trackingOf } from './count-query-service.js';
import * as repo from './count-repository.js';
import { countAudit, lockCountFor, requireCount } from './count-service.js';
import type { ApproveInput, Count } from './count-types.js';
import { lineFigures, thresholdsOf, type LineSerials } from './count-view.js';
import { requireReasonCode } from './reason-codes.js';

export const DEFAULT_COUNT_REASON = 'count';
const NO_SERIALS: LineSerials = { expected: [], onHand: [], counted: [] };

/**
 * Approves a count in review and posts its adjustments as one posting (document type `count`):
 * each counted line's variance — counted minus the on hand at its entry, per lot for a lot line;
 * for a serial line, its missing and found serials (see count-adjustments.ts) — moves between the
 * line's location and `loss`, on top of whatever the balance is now, so a sale made after the entry stays.
 * The movements are dated at the entry, which is when the shelf held what was counted. Lines beyond
 * the count's thresholds need a manager (an admin key); within them any operator may approve.
 */
export async function approveCount(store: Store, ctx: CommandContext, ref: string, input: ApproveInput): Promise<CommandResult<Count>> {
  return runCommand(store, ctx, { name: `count.approve:${ref}`, input }, async (trx) => {
    const count = await lockCountFor(trx, ref, 'approve');
    const lines = await repo.linesOf(trx, count.id);
    const [{ items }, tracking] = await Promise.all([namesFor(trx, lines), trackingOf(trx, lines)]);
    const thresholds = thresholdsOf(count);
    const byId = new Map(lines.map((l) => [l.id, l]));
    const reasonByLine = new Map<string, string>();
    for (const [i, override] of (input.lines ?? []).entries()) {
      if (!byId.has(override.line)) throw new DomainError('validation', `line '${override.line}' is not on ${count.number}`, [{ path: `/lines/${i}/line`, message: 'no such line on this count' }]);
      await requireReasonCode(trx, override.reason, `/lines/${i}/reason`);
      reasonByLine.set(override.line, override.reason);
    }
    const defaultReason = input.reason ?? DEFAULT_COUNT_REASON;
    await requireReasonCode(trx, defaultReason, '/reason');
    const varied = lines.flatMap((line) => {
      const decimals = items.get(line.item_id)?.decimals ?? 0;
      const figures = lineFigures(line, decimals, thresholds, tracking.serials.get(line.id) ?? (items.get(line.item_id)?.tracking === 'serial' ? NO_SERIALS : undefined));
      if (figures.variance === null || figures.judgedUnits === 0) return [];
      return [{ line, variance: figures.variance, serials: figures.serials, needsApproval: figures.needsApproval }];
    });
    const overThreshold = varied.filter((v) => v.needsApproval);
    if (overThreshold.length > 0 && ctx.actor.role !== 'admin') {
      throw new DomainError('rule-violation', `${overThreshold.length} line(s) of ${count.number} vary beyond the thresholds: a manager (admin key) must approve, or ask for a recount`,
        overThreshold.map((v) => ({ path: `/lines/${v.line.line_no - 1}`, message: 'variance beyond the threshold' })));
    }
    const now = nowIso();
    const meta = postingMeta(ctx, now);
    const drafts = await countAdjustments(trx, varied, items, tracking, {
      reasonOf: (l) => reasonByLine.get(l.id) ?? defaultReason, countId: count.id, number: count.number, note: input.note ?? null, now,
    });
    if (drafts.length > 0) await postMovements(trx, drafts, meta);
    for (const line of lines) {
      const reason = line.counted === null ? null : reasonByLine.get(line.id) ?? defaultReason;
      if (reason !== line.reason_code) await repo.updateLineRow(trx, line.id, { reason_code: reason });
    }
    await repo.updateCountRow(trx, count.id, {
      status: 'approved', approved_at: now, approved_by: ctx.actor.name, updated_at: now, posting_id: drafts.length > 0 ? meta.postingId : null,
    });
    return {
      result: await countView(trx, await requireCount(trx, count.id), ctx.actor),
      audit: [{ ...countAudit('approved', count.id, { number: count.number, adjustments: drafts.length, overThreshold: overThreshold.length, postingId: drafts.length > 0 ? meta.postingId : null }), reason: input.note ?? null }],
    };
  });
}
