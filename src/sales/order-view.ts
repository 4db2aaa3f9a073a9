import { getItem, itemRefsByIds } from '../catalog/item-service.js';
import type { Executor, ReservationRow, SalesOrderHoldRow, SalesOrderLineRow, SalesOrderRow } from '../db/schema.js';
import { listReservationRows } from '../ledger/reservation-repository.js';
import { locationRefsByIds } from '../locations/location-service.js';
import { notFound } from '../shared/errors.js';
import { decodeCursor, toPage, type Page } from '../shared/page.js';
import { formatScaled } from '../shared/quantity.js';
import { requireChannel } from './channel-service.js';
import { findChannelsByIds } from './channel-repository.js';
import * as repo from './order-repository.js';
import type { DeliveryAddress, Routing, SalesOrder, SalesOrderQuery } from './order-types.js';

/** No order holds more reservations than this (lines × locations, and re-holds after confirming). */
const MAX_HOLDS = 100_000;

export async function getSalesOrder(db: Executor, ref: string): Promise<SalesOrder> {
  const row = await repo.findOrderByRef(db, ref);
  if (!row) throw notFound('sales order', ref);
  return (await toSalesOrders(db, [row]))[0] as SalesOrder;
}

/** Orders newest first, filtered by channel, status (several at once), item and a search text. */
export async function listSalesOrders(db: Executor, query: SalesOrderQuery): Promise<Page<SalesOrder>> {
  const rows = await repo.listOrderRows(db, {
    status: query.status, search: query.search, limit: query.limit,
    channelId: query.channel === undefined ? undefined : (await requireChannel(db, query.channel, '/channel')).id,
    itemId: query.item === undefined ? undefined : (await getItem(db, query.item)).id,
    beforeId: query.cursor === undefined ? undefined : decodeCursor<string>(query.cursor, 'string'),
  });
  const page = toPage(rows, query.limit, (r) => r.id, (r) => r);
  return { data: await toSalesOrders(db, page.data), nextCursor: page.nextCursor };
}

/** An order's line rows with the ledger reservations that hold stock for them (active or not). */
export async function holdsWithReservations(db: Executor, order: SalesOrderRow): Promise<Array<SalesOrderHoldRow & { reservation: ReservationRow }>> {
  const links = await repo.holdsOf(db, [order.id]);
  if (links.length === 0) return [];
  const reservations = new Map((await listReservationRows(db, { reference: order.number, limit: MAX_HOLDS })).map((r) => [r.id, r]));
  return links.flatMap((link) => {
    const reservation = reservations.get(link.reservation_id);
    return reservation ? [{ ...link, reservation }] : [];
  });
}

/** What a line holds now: its active reservations. */
export function activeHoldsOf(holds: Array<SalesOrderHoldRow & { reservation: ReservationRow }>, line: SalesOrderLineRow) {
  return holds.filter((h) => h.line_id === line.id && h.reservation.status === 'active');
}

export async function toSalesOrders(db: Executor, rows: SalesOrderRow[]): Promise<SalesOrder[]> {
  const [lines, channels, holdsPerOrder] = await Promise.all([
    repo.linesOf(db, rows.map((r) => r.id)), findChannelsByIds(db, rows.map((r) => r.channel_id)), Promise.all(rows.map((r) => holdsWithReservations(db, r))),
  ]);
  const holds = holdsPerOrder.flat();
  const [items, locations] = await Promise.all([itemRefsByIds(db, lines.map((l) => l.item_id)), locationRefsByIds(db, holds.map((h) => h.location_id))]);
  const channelById = new Map(channels.map((c) => [c.id, c]));
  const place = (id: string) => ({ id, code: locations.get(id)?.code ?? id });
  return rows.map((row) => ({
    id: row.id, number: row.number, channel: { id: row.channel_id, code: channelById.get(row.channel_id)?.code ?? row.channel_id },
    externalId: row.external_id, status: row.status, customerName: row.customer_name,
    address: row.address === null ? null : (JSON.parse(row.address) as DeliveryAddress),
    routing: row.routing === null ? null : (JSON.parse(row.routing) as Routing),
    expiresAt: row.expires_at, notes: row.notes,
    lines: lines.filter((l) => l.sales_order_id === row.id).map((line) => {
      const item = items.get(line.item_id);
      const decimals = item?.decimals ?? 0;
      const active = activeHoldsOf(holds, line);
      const q = (n: number | string) => formatScaled(Number(n), decimals);
      return {
        id: line.id, lineNo: line.line_no, item: { id: line.item_id, sku: item?.sku ?? line.item_id, name: item?.name ?? '', unit: item?.unit ?? '', tracking: item?.tracking ?? 'none' },
        quantity: q(line.quantity), reserved: q(active.reduce((s, h) => s + Number(h.reservation.quantity), 0)),
        backordered: q(line.backordered), picked: q(line.picked), shipped: q(line.shipped),
        holds: active.map((h) => ({ reservationId: h.reservation_id, location: place(h.location_id), quantity: q(h.reservation.quantity) })),
      };
    }),
    createdBy: { id: row.created_by, name: row.created_by_name }, createdAt: row.created_at, updatedAt: row.updated_at, closedAt: row.closed_at,
  }));
}
