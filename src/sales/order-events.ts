import type { NewEvent } from '../db/outbox.js';
import type { SalesOrderStatus } from '../db/schema.js';

/**
 * Events of sales orders and channels, appended to the outbox in the transaction that made the change, next
 * to the stock.changed events of the holds and shipments. Like stock.changed they name what
 * changed; a consumer reads the order for the rest.
 */
export function orderCreated(order: { id: string; number: string; status: SalesOrderStatus }, channelCode: string): NewEvent {
  return { type: 'sales_order.created', payload: { orderId: order.id, number: order.number, channel: channelCode, status: order.status } };
}

export function orderStatusChanged(order: { id: string; number: string }, channelCode: string, status: SalesOrderStatus): NewEvent {
  return { type: 'sales_order.status_changed', payload: { orderId: order.id, number: order.number, channel: channelCode, status } };
}

export const CHANNEL_CHANGED = 'channel.changed';

/**
 * A channel's buffer, locations or status changed: what it may sell of every item can have moved
 * without any stock moving, so the availability feed recomputes the channel's figures.
 */
export function channelChanged(channel: { id: string; code: string }): NewEvent {
  const payload: ChannelChangedPayload = { channel: { id: channel.id, code: channel.code } };
  return { type: CHANNEL_CHANGED, payload };
}

export interface ChannelChangedPayload {
  channel: { id: string; code: string };
}

export function readChannelChanged(payload: Readonly<Record<string, unknown>>): ChannelChangedPayload {
  const channel = payload.channel as { id?: unknown } | undefined;
  if (typeof channel?.id !== 'string') throw new TypeError('a channel.changed payload without its channel');
  return payload as unknown as ChannelChangedPayload;
}
