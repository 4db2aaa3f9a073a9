import { runCommand, type CommandResult } from '../db/command.js';
import type { Executor, ReturnEntriesTable, ReturnLineRow, ReturnRow } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { applyTracking, type TrackingInput } from '../tracking/tracked-drafts.js';
import { requireReasonCode } from '../counting/reason-codes.js';
import type { MovementDraft } from '../ledger/movement-types.js';
import { postMovements } from '../ledger/posting.js';
import { toMovementsWith } from '../operations/movement-dto.js';
import { draft, postingMeta, resolveRefs, type Resolved } from '../operations/refs.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { formatScaled, parsePositiveScaled } from '../shared/quantity.js';
import { nowIso, parseOccurredAt } from '../shared/time.js';
import * as repo from './return-repository.js';
import { disposable, holdingsOf, receivable, takeFromHoldings, type Holding } from './return-rules.js';
import { StepTracking, type TrackedTake } from './return-tracked-steps.js';
import { applyStatusFromLines, audit, chooseLine, lockFor, orderNumberOf } from './return-transitions.js';
import type { DisposeInput, ReceiveReturnInput, ReturnStepResult } from './return-types.js';
import { stateOf, toReturn } from './return-view.js';

const CUSTOMER = 'customer';
const SCRAP = 'scrap';

/** One movement a step will post, with the return line and the entry it records. */
interface Step {
  line: ReturnLineRow;
  quantity: number;
  from: string;
  to: string;
  path: string;
  action: ReturnEntriesTable['action'];
  reasonCode: string | null;
  /** The lot or serials it moves, as the tracking machinery takes them; `base` is the request line they are blamed on. */
  tracking: TrackingInput;
  base: string;
}

/**
 * Receives returned goods into quality control: customer → a physical location flagged not
 * sellable, so nothing returned can be sold before someone looked at it. Partial receipts leave
 * the rest expected; more than authorised is refused. Without lines, everything still expected arrives.
 */
export async function receiveReturn(store: Store, ctx: CommandContext, ref: string, input: ReceiveReturnInput): Promise<CommandResult<ReturnStepResult>> {
  if (input.lines?.length === 0) throw invalidField('/lines', 'name at least one line, or leave lines out to receive everything expected');
  return runCommand(store, ctx, { name: `return.receive:${ref}`, input }, async (trx) => {
    const row = await lockFor(trx, ref, 'receive');
    const lines = await repo.linesOf(trx, [row.id]);
    const pending = new Map<string, number>();
    const left = (l: ReturnLineRow) => receivable(stateOf(l)) - (pending.get(l.id) ?? 0);
    const steps: Step[] = [];
    const tracked = await StepTracking.load(trx, row, lines, await repo.entriesOf(trx, row.id));
    const decimals = (line: ReturnLineRow) => tracked.item(line).decimals;
    const entries = input.lines ?? lines.filter((l) => left(l) > 0).map((l) => ({ line: l.id, item: undefined, lot: undefined, serials: undefined, quantity: formatScaled(left(l), decimals(l)) }));
    for (const [i, entry] of entries.entries()) {
      // Without lines in the request the quantities are the server's own, so there is no request field to name.
      const path = input.lines === undefined ? '' : `/lines/${i}`;
      const line = await chooseLine(trx, row, lines, entry, path || '/', left);
      const quantity = parsePositiveScaled(entry.quantity, decimals(line), `${path}/quantity`);
      if (quantity > left(line)) {
        const message = `at most ${formatScaled(Math.max(0, left(line)), decimals(line))} more of line ${line.line_no} can be received (authorised ${formatScaled(Number(line.quantity), decimals(line))}, received ${formatScaled(Number(line.received), decimals(line))})`;
        throw new DomainError('rule-violation', message, [{ path: `${path}/quantity`, message }]);
      }
      const tracking = await tracked.receipt(line, entry, quantity, path);
      pending.set(line.id, (pending.get(line.id) ?? 0) + quantity);
      steps.push({ line, quantity, from: CUSTOMER, to: input.location, path: `${path}/quantity`, action: 'receipt', reasonCode: line.reason_code, tracking, base: path });
    }
    const resolved = await resolveRefs(trx, itemRefs(steps), [{ ref: input.location, path: '/location' }, { ref: CUSTOMER, path: '/' }]);
    checkQualityControl(resolved, input.location, '/location');
    const result = await post(trx, ctx, row, steps, resolved, { reference: input.reference, note: input.note, occurredAt: input.occurredAt });
    for (const [lineId, quantity] of pending) {
      const line = lines.find((l) => l.id === lineId) as ReturnLineRow;
      await repo.updateLineRow(trx, lineId, { received: Number(line.received) + quantity });
    }
    return finish(trx, row, result, audit('received', row.id, input.note, { postingId: result.postingId, lines: [...pending].map(([line, quantity]) => ({ line, quantity })) }));
  });
}

/**
 * Restocks (quality control → a sellable bin) or scraps (quality control → `scrap`) received
 * units, each line with a reason code, taking them from where that line's units were received.
 * Partial dispositions are allowed; the return closes once everything authorised came back and left
 * quality control.
 */
export async function disposeReturn(store: Store, ctx: CommandContext, ref: string, input: DisposeInput): Promise<CommandResult<ReturnStepResult>> {
  if (input.lines.length === 0) throw invalidField('/lines', 'name at least one line to restock or scrap');
  return runCommand(store, ctx, { name: `return.dispose:${ref}`, input }, async (trx) => {
    const row = await lockFor(trx, ref, 'dispose');
    const lines = await repo.linesOf(trx, [row.id]);
    const history = await repo.entriesOf(trx, row.id);
    const tracked = await StepTracking.load(trx, row, lines, history);
    const decimals = (line: ReturnLineRow) => tracked.item(line).decimals;
    const held = new Map(lines.map((l) => [l.id, holdingsOf(history.filter((e) => e.line_id === l.id).map((e) => ({
      action: e.action, quantity: Number(e.quantity), fromLocationId: e.from_location_id, toLocationId: e.to_location_id,
    })))]));
    const pending = new Map<string, { restocked: number; scrapped: number }>();
    const taken = (l: ReturnLineRow) => (pending.get(l.id)?.restocked ?? 0) + (pending.get(l.id)?.scrapped ?? 0);
    const left = (l: ReturnLineRow) => disposable(stateOf(l)) - taken(l);
    const named = input.lines.flatMap((entry, i) => [
      ...(entry.location === undefined ? [] : [{ ref: entry.location, path: `/lines/${i}/location` }]),
      ...(entry.from === undefined ? [] : [{ ref: entry.from, path: `/lines/${i}/from` }]),
    ]);
    const heldAt = [...held.values()].flat().map((h) => ({ ref: h.locationId, path: '/' }));
    const resolved = await resolveRefs(trx, lines.map((l) => ({ ref: l.item_id, path: '/' })), [...named, ...heldAt, { ref: SCRAP, path: '/' }]);
    const steps: Step[] = [];
    for (const [i, entry] of input.lines.entries()) {
      const path = `/lines/${i}`;
      const line = await chooseLine(trx, row, lines, entry, path, left);
      const quantity = parsePositiveScaled(entry.quantity, decimals(line), `${path}/quantity`);
      if (quantity > left(line)) {
        const message = `line ${line.line_no} has ${formatScaled(Math.max(0, left(line)), decimals(line))} in quality control to restock or scrap`;
        throw new DomainError('rule-violation', message, [{ path: `${path}/quantity`, message }]);
      }
      await requireReasonCode(trx, entry.reason, `${path}/reason`);
      const to = destination(resolved, entry, path);
      const from = entry.from === undefined ? undefined : resolved.location(entry.from).id;
      const serial = await tracked.disposal(line, entry, quantity, path, from);
      const takes: TrackedTake[] | null = serial.takes ?? takeFromHoldings(held.get(line.id) ?? [], quantity, from);
      if (!takes) throw invalidField(`${path}/from`, `line ${line.line_no} has not ${formatScaled(quantity, decimals(line))} in '${entry.from ?? ''}'`);
      held.set(line.id, subtract(held.get(line.id) ?? [], takes));
      for (const take of takes) {
        const tracking = take.serials ? { serials: take.serials } : serial.input;
        steps.push({ line, quantity: take.quantity, from: take.locationId, to, path: `${path}/quantity`, action: entry.action, reasonCode: entry.reason, tracking, base: path });
      }
      const sum = pending.get(line.id) ?? { restocked: 0, scrapped: 0 };
      pending.set(line.id, entry.action === 'restock' ? { ...sum, restocked: sum.restocked + quantity } : { ...sum, scrapped: sum.scrapped + quantity });
    }
    const result = await post(trx, ctx, row, steps, resolved, { note: input.note, occurredAt: input.occurredAt });
    for (const [lineId, sum] of pending) {
      const line = lines.find((l) => l.id === lineId) as ReturnLineRow;
      await repo.updateLineRow(trx, lineId, { restocked: Number(line.restocked) + sum.restocked, scrapped: Number(line.scrapped) + sum.scrapped });
    }
    return finish(trx, row, result, audit('disposed', row.id, input.note, { postingId: result.postingId, lines: [...pending].map(([line, sum]) => ({ line, ...sum })) }));
  });
}

/** Where a disposition goes, as the reference it was resolved by: a sellable physical location for a restock, the virtual `scrap` for a scrap. */
function destination(resolved: Resolved, entry: DisposeInput['lines'][number], path: string): string {
  if (entry.action === 'scrap') {
    if (entry.location !== undefined) throw invalidField(`${path}/location`, 'scrapped units go to the scrap location; leave location out');
    return SCRAP;
  }
  if (entry.location === undefined) throw invalidField(`${path}/location`, 'name the sellable bin the units go back to');
  const location = resolved.location(entry.location);
  if (location.kind === 'virtual') throw invalidField(`${path}/location`, `'${location.code}' is a virtual location; name a sellable bin`);
  if (location.archived) throw invalidField(`${path}/location`, `'${location.code}' is archived`);
  if (!location.sellable) {
    const message = `'${location.code}' is not sellable; restocked units go back where they can be sold`;
    throw new DomainError('rule-violation', message, [{ path: `${path}/location`, message }]);
  }
  return entry.location;
}

/**
 * Quality control is a physical location flagged not sellable. A sellable one is refused rather
 * than allowed: returned goods would be on sale before anyone checked them, and the channel
 * figures would jump up with units that may be broken.
 */
function checkQualityControl(resolved: Resolved, ref: string, path: string): void {
  const location = resolved.location(ref);
  if (location.kind === 'virtual') throw invalidField(path, `'${location.code}' is a virtual location; name a quality-control bin`);
  if (location.archived) throw invalidField(path, `'${location.code}' is archived`);
  if (location.sellable) {
    const message = `'${location.code}' is sellable: returns go into a quality-control location (flagged not sellable) first, then are restocked or scrapped`;
    throw new DomainError('rule-violation', message, [{ path, message }]);
  }
}

function subtract(holdings: Holding[], takes: Holding[]): Holding[] {
  return holdings.map((h) => ({ ...h, quantity: h.quantity - takes.filter((t) => t.locationId === h.locationId).reduce((s, t) => s + t.quantity, 0) })).filter((h) => h.quantity > 0);
}

function itemRefs(steps: Step[]) {
  return [...new Set(steps.map((s) => s.line.item_id))].map((ref) => ({ ref, path: '/' }));
}

/** Posts the steps as one posting (document `return`, reference the order), and records an entry per movement. */
async function post(trx: Executor, ctx: CommandContext, row: ReturnRow, steps: Step[], resolved: Resolved, extra: { reference?: string | undefined; note?: string | undefined; occurredAt?: string | undefined }) {
  const now = nowIso();
  const occurredAt = parseOccurredAt(extra.occurredAt, '/occurredAt', now);
  const reference = extra.reference ?? (await orderNumberOf(trx, row)) ?? row.number;
  const planned: Array<{ step: Step; draft: MovementDraft }> = [];
  for (const s of steps) {
    const plain = draft(resolved, { item: s.line.item_id, quantity: s.quantity, from: s.from, to: s.to, path: s.path }, {
      kind: s.action === 'receipt' ? 'return' : s.action === 'scrap' ? 'scrap' : 'move',
      reasonCode: s.reasonCode, documentType: 'return', documentId: row.id, reference, note: extra.note ?? null, occurredAt,
    });
    // One step at a time, so each movement the tracking makes of it is recorded as an entry of its line.
    const drafts = await applyTracking(trx, [{ draft: plain, input: s.tracking, base: s.base, fromVirtual: s.action === 'receipt' }], { now, toCustomer: false });
    planned.push(...drafts.map((d) => ({ step: s, draft: d })));
  }
  const meta = postingMeta(ctx, now);
  const drafts = planned.map((p) => p.draft);
  const rows = await postMovements(trx, drafts, meta);
  await repo.insertEntries(trx, planned.map(({ step: s, draft: d }, i) => ({
    id: newId(), return_id: row.id, line_id: s.line.id, action: s.action, quantity: d.quantity,
    from_location_id: d.from.id, to_location_id: d.to.id, reason_code: s.reasonCode,
    movement_id: rows[i]?.id ?? '', note: extra.note ?? null, actor: ctx.actor.id, actor_name: ctx.actor.name, occurred_at: occurredAt, recorded_at: now,
  })));
  return { postingId: meta.postingId, rows, drafts, now, names: resolved.names() };
}

async function finish(trx: Executor, row: ReturnRow, posted: Awaited<ReturnType<typeof post>>, entry: ReturnType<typeof audit>) {
  await applyStatusFromLines(trx, row, posted.now);
  const updated = (await repo.findReturnByRef(trx, row.id)) ?? row;
  return { result: { return: await toReturn(trx, updated), movements: toMovementsWith(posted.rows, posted.names, posted.drafts) }, audit: [entry] };
}
