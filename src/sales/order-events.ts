import type { NewEvent } from '../db/outbox.js';
import type { SalesOrderStatus } from '../db/schema.js';

/**
 * Events of sales orders, appended to the outbox in the transaction that made the change, next
 * to the stock.changed events of the holds and shipments. Like stock.changed they name what
 * changed; a consumer reads the order for the rest.
 */
export function orderCreated(order: { id: string; number: string; status: SalesOrderStatus }, channelCode: string): NewEvent {
  return { type: 'sales_order.created', payload: { orderId: order.id, number: order.number, channel: channelCode, status: order.status } };
}

export function orderStatusChanged(order: { id: string; number: string }, channelCode: string, status: SalesOrderStatus): NewEvent {
  return { type: 'sales_order.status_changed', payload: { orderId: order.id, number: order.number, channel: channelCode, status } };
}
