import { runCommand, writeAudit, type CommandResult } from '../db/command.js';
import type { Executor } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { systemContext, type CommandContext } from '../shared/context.js';
import { nowIso } from '../shared/time.js';
import { audit, confirmHolds, lockFor, releaseOrderHolds, setStatus } from './order-transitions.js';
import type { SalesOrder } from './order-types.js';
import { listExpiredOrderRows, lockOrderByRef } from './order-repository.js';
import { actionProblem } from './order-rules.js';
import { getSalesOrder } from './order-view.js';

/** Orders expired per sweep; the next sweep takes the rest. */
const SWEEP_LIMIT = 100;

/** Cancels an order that has not shipped in full: every unit it still holds is released; what shipped stays shipped. */
export async function cancelSalesOrder(store: Store, ctx: CommandContext, ref: string, input: { note?: string | undefined }): Promise<CommandResult<SalesOrder>> {
  return runCommand(store, ctx, { name: `sales_order.cancel:${ref}`, input }, async (trx) => {
    const order = await lockFor(trx, ref, 'cancel');
    const now = nowIso();
    const released = await releaseOrderHolds(trx, order, 'released', now);
    await setStatus(trx, order, 'cancelled', now);
    return { result: await getSalesOrder(trx, order.id), audit: [audit('cancelled', order.id, input.note, { released })] };
  });
}

/** Records that a fully shipped order reached the customer. */
export async function deliverSalesOrder(store: Store, ctx: CommandContext, ref: string, input: { note?: string | undefined }): Promise<CommandResult<SalesOrder>> {
  return runCommand(store, ctx, { name: `sales_order.deliver:${ref}`, input }, async (trx) => {
    const order = await lockFor(trx, ref, 'deliver');
    await setStatus(trx, order, 'delivered', nowIso());
    return { result: await getSalesOrder(trx, order.id), audit: [audit('delivered', order.id, input.note)] };
  });
}

/** Makes a checkout hold firm (paid): the order no longer expires. Picking or shipping does the same by itself. */
export async function confirmSalesOrder(store: Store, ctx: CommandContext, ref: string, input: { note?: string | undefined }): Promise<CommandResult<SalesOrder>> {
  return runCommand(store, ctx, { name: `sales_order.confirm:${ref}`, input }, async (trx) => {
    const order = await lockFor(trx, ref, 'confirm');
    const changed = await confirmHolds(trx, ctx, order, nowIso());
    return { result: await getSalesOrder(trx, order.id), audit: changed ? [audit('confirmed', order.id, input.note)] : [] };
  });
}

/**
 * The order sweeper, run by the server next to the reservation sweeper: every open order whose
 * checkout hold has passed becomes `expired` and gives back what it still holds (the holds the
 * reservation sweeper has not released already). Each order is its own transaction with the order
 * row locked and its status checked again, so several server processes may sweep at once and an
 * order confirmed or shipped meanwhile is left alone.
 */
export async function expireSalesOrders(store: Store): Promise<number> {
  const now = nowIso();
  let expired = 0;
  for (const row of await listExpiredOrderRows(store.db, now, SWEEP_LIMIT)) {
    if (await store.write((trx) => expireOrderIn(trx, systemContext(), row.id, now))) expired++;
  }
  return expired;
}

async function expireOrderIn(trx: Executor, ctx: CommandContext, orderId: string, now: string): Promise<boolean> {
  const order = await lockOrderByRef(trx, orderId);
  if (!order || actionProblem(order.status, 'expire') !== null || order.expires_at === null || order.expires_at > now) return false;
  const released = await releaseOrderHolds(trx, order, 'expired', now);
  await setStatus(trx, order, 'expired', now);
  await writeAudit(trx, ctx, [audit('expired', order.id, undefined, { expiresAt: order.expires_at, released })]);
  return true;
}
