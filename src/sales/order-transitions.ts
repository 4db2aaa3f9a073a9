import type { AuditEntry } from '../db/command.js';
import { appendEvents } from '../db/outbox.js';
import type { Executor, SalesOrderRow, SalesOrderStatus } from '../db/schema.js';
import { holdStock, releaseHold } from '../ledger/reservations.js';
import { itemRefsByIds } from '../catalog/item-service.js';
import { locationRefsByIds } from '../locations/location-service.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { findChannelsByIds } from './channel-repository.js';
import { orderStatusChanged } from './order-events.js';
import { actionProblem, type SalesAction } from './order-rules.js';
import * as repo from './order-repository.js';
import { holdsWithReservations } from './order-view.js';

/** Locks an order for an action and refuses the action when its status does not allow it. */
export async function lockFor(trx: Executor, ref: string, action: SalesAction): Promise<SalesOrderRow> {
  const order = await repo.lockOrderByRef(trx, ref);
  if (!order) throw notFound('sales order', ref);
  const problem = actionProblem(order.status, action);
  if (problem) throw new DomainError('rule-violation', `${order.number}: ${problem}`);
  return order;
}

/** Sets a new status (closing the order when it is final) and announces it, when it changed. */
export async function setStatus(trx: Executor, order: SalesOrderRow, status: SalesOrderStatus, now: string): Promise<void> {
  const final = status === 'delivered' || status === 'cancelled' || status === 'expired';
  await repo.updateOrderRow(trx, order.id, { status, updated_at: now, ...(final && { closed_at: now }) });
  if (status === order.status) return;
  const [channel] = await findChannelsByIds(trx, [order.channel_id]);
  await appendEvents(trx, [orderStatusChanged(order, channel?.code ?? order.channel_id, status)]);
}

/** Gives back every unit the order still holds; returns how many holds it released. */
export async function releaseOrderHolds(trx: Executor, order: SalesOrderRow, as: 'released' | 'expired', now: string): Promise<number> {
  let released = 0;
  for (const hold of await holdsWithReservations(trx, order)) {
    if (hold.reservation.status === 'active' && (await releaseHold(trx, hold.reservation, as, now))) released++;
  }
  return released;
}

/**
 * Turns a checkout hold into a firm one: each expiring hold is given back and taken again without
 * an expiry in the same transaction, so nothing else can take the units in between. Refused once
 * the expiry has passed (the holds may already be gone).
 */
export async function confirmHolds(trx: Executor, ctx: CommandContext, order: SalesOrderRow, now: string): Promise<boolean> {
  if (order.expires_at === null) return false;
  if (order.expires_at <= now) throw new DomainError('rule-violation', `${order.number}: its checkout hold expired at ${order.expires_at}`);
  const active = (await holdsWithReservations(trx, order)).filter((h) => h.reservation.status === 'active');
  const [items, locations] = await Promise.all([itemRefsByIds(trx, active.map((h) => h.reservation.item_id)), locationRefsByIds(trx, active.map((h) => h.location_id))]);
  for (const hold of active) {
    if (!(await releaseHold(trx, hold.reservation, 'released', now))) throw new DomainError('conflict', `${order.number} changed while being confirmed; retry`);
    const id = newId();
    await repo.insertHolds(trx, [{ reservation_id: id, sales_order_id: order.id, line_id: hold.line_id, location_id: hold.location_id }]);
    const item = items.get(hold.reservation.item_id);
    await holdStock(trx, {
      id, itemId: hold.reservation.item_id, locationId: hold.location_id, quantity: Number(hold.reservation.quantity), expiresAt: null,
      reference: order.number, actor: ctx.actor.id, now, path: '/', display: { sku: item?.sku ?? '', decimals: item?.decimals ?? 0, locationCode: locations.get(hold.location_id)?.code ?? '' },
    });
  }
  await repo.updateOrderRow(trx, order.id, { expires_at: null, updated_at: now });
  return true;
}

export function audit(what: string, orderId: string, reason?: string | undefined, details?: unknown): AuditEntry {
  return { action: `sales_order.${what}`, entityType: 'sales_order', entityId: orderId, reason, details };
}
