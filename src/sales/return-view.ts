import { getItem, itemRefsByIds } from '../catalog/item-service.js';
import type { Executor, ReturnEntryRow, ReturnLineRow, ReturnRow } from '../db/schema.js';
import { locationRefsByIds } from '../locations/location-service.js';
import { listMovements } from '../operations/posting-service.js';
import { DomainError, invalidField, notFound } from '../shared/errors.js';
import { decodeCursor, MAX_PAGE_SIZE, toPage, type Page } from '../shared/page.js';
import { formatScaled } from '../shared/quantity.js';
import { findChannelsByIds } from './channel-repository.js';
import { requireChannel } from './channel-service.js';
import { findOrdersByIds, linesOf as orderLinesOf } from './order-repository.js';
import { getSalesOrder } from './order-view.js';
import * as repo from './return-repository.js';
import { disposable, type ReturnLineState } from './return-rules.js';
import { entryTracking, serialsOfLines } from './return-tracking-repository.js';
import type { Return, ReturnLot, ReturnQuery, ReturnSummary } from './return-types.js';
import { lotsByIds } from '../tracking/tracking-repository.js';

/** Movements and steps of one return shown at most: a return holds at most 1,000 lines, each seldom moved more than a few times. */
const MAX_HISTORY = MAX_PAGE_SIZE;

export function stateOf(line: ReturnLineRow): ReturnLineState {
  return { quantity: Number(line.quantity), received: Number(line.received), restocked: Number(line.restocked), scrapped: Number(line.scrapped) };
}

export async function getReturn(db: Executor, ref: string): Promise<Return> {
  const row = await repo.findReturnByRef(db, ref);
  if (!row) throw notFound('return', ref);
  return toReturn(db, row);
}

/** Returns newest first, filtered by status (several at once), order, item and channel. */
export async function listReturns(db: Executor, query: ReturnQuery): Promise<Page<ReturnSummary>> {
  const rows = await repo.listReturnRows(db, {
    status: query.status, limit: query.limit,
    orderId: query.order === undefined ? undefined : (await orderFilter(db, query.order)),
    itemId: query.item === undefined ? undefined : (await getItem(db, query.item)).id,
    channelId: query.channel === undefined ? undefined : (await requireChannel(db, query.channel, '/channel')).id,
    beforeId: query.cursor === undefined ? undefined : decodeCursor<string>(query.cursor, 'string'),
  });
  const page = toPage(rows, query.limit, (r) => r.id, (r) => r);
  return { data: await toSummaries(db, page.data), nextCursor: page.nextCursor };
}

/** The returns of one sales order, newest first; 404 when the order does not exist. */
export async function listOrderReturns(db: Executor, orderRef: string, query: Omit<ReturnQuery, 'order'>): Promise<Page<ReturnSummary>> {
  const order = await getSalesOrder(db, orderRef);
  return listReturns(db, { ...query, order: order.id });
}

/** A filter naming an order that does not exist is a bad query field, not a missing page. */
async function orderFilter(db: Executor, ref: string): Promise<string> {
  try {
    return (await getSalesOrder(db, ref)).id;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not-found') throw invalidField('/order', `sales order '${ref}' does not exist`);
    throw error;
  }
}

export async function toReturn(db: Executor, row: ReturnRow): Promise<Return> {
  const [summary] = await toSummaries(db, [row]);
  const [entries, movements] = await Promise.all([
    repo.entriesOf(db, row.id),
    listMovements(db, { documentType: 'return', documentId: row.id, order: 'asc', limit: MAX_HISTORY }),
  ]);
  return { ...(summary as ReturnSummary), history: await toHistory(db, row.id, entries.slice(-MAX_HISTORY), summary?.lines ?? []), movements: movements.data };
}

async function toHistory(db: Executor, returnId: string, entries: ReturnEntryRow[], lines: ReturnSummary['lines']): Promise<Return['history']> {
  const [locations, items, carried] = await Promise.all([
    locationRefsByIds(db, entries.flatMap((e) => [e.from_location_id, e.to_location_id])),
    itemRefsByIds(db, lines.map((l) => l.item.id)),
    entryTracking(db, returnId),
  ]);
  const lots = await lotRefs(db, [...carried.lots.values()].flatMap((id) => (id === null ? [] : [id])));
  const place = (id: string) => ({ id, code: locations.get(id)?.code ?? id });
  const byId = new Map(lines.map((l) => [l.id, l]));
  return entries.map((e) => {
    const line = byId.get(e.line_id);
    const item = items.get(line?.item.id ?? '');
    return {
      id: e.id, action: e.action, line: { id: e.line_id, lineNo: line?.lineNo ?? 0 }, item: { id: item?.id ?? '', sku: item?.sku ?? '' },
      quantity: formatScaled(Number(e.quantity), item?.decimals ?? 0),
      from: place(e.from_location_id), to: place(e.to_location_id), reasonCode: e.reason_code, movementId: e.movement_id,
      lot: lots.get(carried.lots.get(e.id) ?? '') ?? null, serials: carried.serials.get(e.id) ?? [], note: e.note,
      by: { id: e.actor, name: e.actor_name }, occurredAt: e.occurred_at, recordedAt: e.recorded_at,
    };
  });
}

/** Headers and lines with item, order and channel names. */
export async function toSummaries(db: Executor, rows: ReturnRow[]): Promise<ReturnSummary[]> {
  const lines = await repo.linesOf(db, rows.map((r) => r.id));
  const [items, orders, channels] = await Promise.all([
    itemRefsByIds(db, lines.map((l) => l.item_id)),
    findOrdersByIds(db, rows.flatMap((r) => (r.sales_order_id === null ? [] : [r.sales_order_id]))),
    findChannelsByIds(db, rows.flatMap((r) => (r.channel_id === null ? [] : [r.channel_id]))),
  ]);
  const orderById = new Map(orders.map((o) => [o.id, o]));
  const channelById = new Map(channels.map((c) => [c.id, c]));
  const [orderLineNos, lots, serials] = await Promise.all([
    orderLineNumbers(db, orders.map((o) => o.id)),
    lotRefs(db, lines.flatMap((l) => (l.lot_id === null ? [] : [l.lot_id]))),
    serialsOfLines(db, lines.map((l) => l.id)),
  ]);
  return rows.map((row) => ({
    id: row.id, number: row.number, status: row.status,
    order: row.sales_order_id === null ? null : { id: row.sales_order_id, number: orderById.get(row.sales_order_id)?.number ?? row.sales_order_id },
    channel: row.channel_id === null ? null : { id: row.channel_id, code: channelById.get(row.channel_id)?.code ?? row.channel_id },
    customerName: row.customer_name, notes: row.notes,
    lines: lines.filter((l) => l.return_id === row.id).map((l) => {
      const item = items.get(l.item_id);
      const q = (n: number) => formatScaled(n, item?.decimals ?? 0);
      const state = stateOf(l);
      return {
        id: l.id, lineNo: l.line_no,
        orderLine: l.order_line_id === null ? null : { id: l.order_line_id, lineNo: orderLineNos.get(l.order_line_id) ?? 0 },
        item: { id: l.item_id, sku: item?.sku ?? l.item_id, name: item?.name ?? '', unit: item?.unit ?? '', tracking: item?.tracking ?? 'none' },
        authorised: q(state.quantity), received: q(state.received), restocked: q(state.restocked), scrapped: q(state.scrapped), inQc: q(disposable(state)),
        reasonCode: l.reason_code, note: l.note,
        lot: l.lot_id === null ? null : (lots.get(l.lot_id) ?? null), serials: serials.filter((s) => s.line_id === l.id).map((s) => s.serial_number),
      };
    }),
    createdBy: { id: row.created_by, name: row.created_by_name }, createdAt: row.created_at, updatedAt: row.updated_at, closedAt: row.closed_at,
  }));
}

async function lotRefs(db: Executor, ids: string[]): Promise<Map<string, ReturnLot>> {
  return new Map((await lotsByIds(db, ids)).map((l) => [l.id, { id: l.id, number: l.lot_number, expiresOn: l.expires_on }]));
}

async function orderLineNumbers(db: Executor, orderIds: string[]): Promise<Map<string, number>> {
  const lines = await orderLinesOf(db, orderIds);
  return new Map(lines.map((l) => [l.id, l.line_no]));
}
