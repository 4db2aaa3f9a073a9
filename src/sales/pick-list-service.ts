import { findItemByBarcode, itemRefsByIds, resolveItemRefs } from '../catalog/item-service.js';
import { runCommand, type CommandResult } from '../db/command.js';
import type { Executor, PickListLineRow, PickListRow, SalesOrderLineRow, SalesOrderRow } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { locationRefsByIds, resolveLocationRefs } from '../locations/location-service.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField, notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { formatScaled, parsePositiveScaled } from '../shared/quantity.js';
import { nowIso } from '../shared/time.js';
import { decodeCursor, toPage, type Page } from '../shared/page.js';
import { findOrderByRef, findOrdersByIds, linesOf, nextDocumentNumber } from './order-repository.js';
import { audit, confirmHolds, lockFor, setStatus } from './order-transitions.js';
import { activeHoldsOf, holdsWithReservations } from './order-view.js';
import * as repo from './pick-list-repository.js';
import { bookPick, byWalkingOrder, stillToPick } from './pick-rules.js';
import type { PickConfirmation, PickList } from './pick-list-types.js';

export const MAX_WAVE = 200;

/**
 * A pick list for a wave of orders (or one): a line per order line × bin of what the orders hold,
 * in walking order. Each order moves to `picking`, and its checkout hold becomes firm.
 */
export async function createPickList(store: Store, ctx: CommandContext, input: { orders: string[] }): Promise<CommandResult<PickList>> {
  if (input.orders.length === 0) throw invalidField('/orders', 'a pick list needs at least one order');
  if (input.orders.length > MAX_WAVE) throw invalidField('/orders', `a wave holds at most ${MAX_WAVE} orders`);
  return runCommand(store, ctx, { name: 'pick_list.create', input }, async (trx) => {
    const now = nowIso();
    const id = newId();
    const orders: SalesOrderRow[] = [];
    for (const [i, ref] of input.orders.entries()) {
      // A refusal names the order it is about, at its place in the wave.
      const order = await lockFor(trx, ref, 'pick').catch((error: unknown) => {
        if (!(error instanceof DomainError)) throw error;
        throw new DomainError(error.code === 'not-found' ? 'validation' : error.code, error.message, [{ path: `/orders/${i}`, message: error.message }]);
      });
      if (orders.some((o) => o.id === order.id)) throw invalidField(`/orders/${i}`, `${order.number} is in the wave twice`);
      const open = await repo.openPickListOf(trx, order.id);
      if (open) throw new DomainError('rule-violation', `${order.number} is already on open pick list ${open.number}`, [{ path: `/orders/${i}`, message: `on ${open.number}` }]);
      await confirmHolds(trx, ctx, order, now);
      orders.push(order);
    }
    const stops = await stopsOf(trx, orders);
    if (stops.length === 0) throw new DomainError('rule-violation', 'the orders hold nothing to pick');
    const number = `PL-${String(await nextDocumentNumber(trx, 'pick_list')).padStart(6, '0')}`;
    await repo.insertPickList(trx, { id, number, status: 'open', created_by: ctx.actor.id, created_at: now, completed_at: null },
      byWalkingOrder(stops).map((s, i) => ({ pick_list_id: id, line_no: i + 1, sales_order_id: s.orderId, order_line_id: s.orderLineId, item_id: s.itemId, location_id: s.locationId, quantity: s.quantity, picked: 0 })));
    for (const order of orders) if (order.status === 'reserved' || order.status === 'backordered') await setStatus(trx, order, 'picking', now);
    return {
      result: await getPickList(trx, id),
      audit: [{ action: 'pick_list.created', entityType: 'pick_list', entityId: id, details: { number, orders: orders.map((o) => o.number) } },
        ...orders.map((o) => audit('picking', o.id, undefined, { pickList: number }))],
    };
  });
}

type HeldStop = { order: SalesOrderRow; line: SalesOrderLineRow; hold: Awaited<ReturnType<typeof holdsWithReservations>>[number]; quantity: number };

async function stopsOf(db: Executor, orders: SalesOrderRow[]) {
  const stops: HeldStop[] = [];
  for (const order of orders) {
    const holds = await holdsWithReservations(db, order);
    const lines = await linesOf(db, [order.id]);
    for (const line of lines) {
      const active = activeHoldsOf(holds, line);
      const left = stillToPick(active.map((h) => Number(h.reservation.quantity)), Number(line.picked), Number(line.shipped));
      active.forEach((hold, i) => {
        const quantity = left[i] ?? 0;
        if (quantity > 0) stops.push({ order, line, hold, quantity });
      });
    }
  }
  const [items, locations] = await Promise.all([itemRefsByIds(db, stops.map((s) => s.line.item_id)), locationRefsByIds(db, stops.map((s) => s.hold.location_id))]);
  return stops.map(({ order, line, hold, quantity }) => ({
    orderId: order.id, orderNumber: order.number, orderLineId: line.id, itemId: line.item_id, sku: items.get(line.item_id)?.sku ?? '',
    locationId: hold.location_id, locationCode: locations.get(hold.location_id)?.code ?? '', quantity,
  }));
}

/**
 * Confirms a pick by scan: the item (id, SKU or barcode), the bin it came from and how many. It is
 * booked on the list's open lines for that item × bin; more than they still expect is refused.
 */
export async function confirmPick(store: Store, ctx: CommandContext, ref: string, input: PickConfirmation): Promise<CommandResult<PickList>> {
  return runCommand(store, ctx, { name: `pick_list.confirm:${ref}`, input }, async (trx) => {
    const list = await repo.findPickListByRef(trx, ref, true);
    if (!list) throw notFound('pick list', ref);
    if (list.status !== 'open') throw new DomainError('rule-violation', `${list.number} is done`);
    const itemId = await scannedItem(trx, input.item);
    const bin = (await resolveLocationRefs(trx, [{ ref: input.bin, path: '/bin' }])).get(input.bin);
    const lines = await repo.pickLinesOf(trx, list.id);
    const here = lines.filter((l) => l.item_id === itemId && l.location_id === bin?.id);
    if (here.length === 0) throw invalidField('/bin', `${list.number} has nothing of '${input.item}' to pick at '${input.bin}'`);
    const decimals = (await itemRefsByIds(trx, [itemId])).get(itemId)?.decimals ?? 0;
    const quantity = parsePositiveScaled(input.quantity, decimals, '/quantity');
    const booked = bookPick(here.map((l) => ({ lineNo: l.line_no, quantity: Number(l.quantity), picked: Number(l.picked) })), quantity);
    if (!booked) {
      const open = here.reduce((s, l) => s + Number(l.quantity) - Number(l.picked), 0);
      const message = `over-pick: only ${formatScaled(open, decimals)} left to pick here`;
      throw new DomainError('rule-violation', message, [{ path: '/quantity', message }]);
    }
    for (const { lineNo, add } of booked) {
      await repo.addPicked(trx, list.id, lineNo, add);
      await repo.addPickedToOrderLine(trx, (here.find((l) => l.line_no === lineNo) as PickListLineRow).order_line_id, add);
    }
    const after = await repo.pickLinesOf(trx, list.id);
    if (after.every((l) => Number(l.picked) === Number(l.quantity))) await repo.completePickList(trx, list.id, nowIso());
    return { result: await getPickList(trx, list.id), audit: [{ action: 'pick_list.picked', entityType: 'pick_list', entityId: list.id, details: { item: input.item, bin: input.bin, quantity: input.quantity } }] };
  });
}

async function scannedItem(db: Executor, ref: string): Promise<string> {
  const unknown = (error: unknown) => {
    if (error instanceof DomainError) return null;
    throw error;
  };
  const item = (await resolveItemRefs(db, [{ ref, path: '/item' }]).catch(unknown))?.get(ref);
  if (item) return item.id;
  const scanned = await findItemByBarcode(db, ref).catch(unknown);
  if (!scanned) throw invalidField('/item', `no item has the id, SKU or barcode '${ref}'`);
  return scanned.id;
}

export async function getPickList(db: Executor, ref: string): Promise<PickList> {
  const list = await repo.findPickListByRef(db, ref);
  if (!list) throw notFound('pick list', ref);
  return toPickList(db, list);
}

export async function listPickLists(db: Executor, query: { status?: 'open' | 'done' | undefined; order?: string | undefined; cursor?: string | undefined; limit: number }): Promise<Page<PickList>> {
  const order = query.order === undefined ? undefined : await findOrderByRef(db, query.order);
  if (query.order !== undefined && !order) throw notFound('sales order', query.order, '/order');
  const beforeId = query.cursor === undefined ? undefined : decodeCursor<string>(query.cursor, 'string');
  const rows = await repo.listPickListRows(db, { status: query.status, orderId: order?.id, beforeId, limit: query.limit });
  const page = toPage(rows, query.limit, (r) => r.id, (r) => r);
  return { data: await Promise.all(page.data.map((row) => toPickList(db, row))), nextCursor: page.nextCursor };
}

async function toPickList(db: Executor, list: PickListRow): Promise<PickList> {
  const lines = await repo.pickLinesOf(db, list.id);
  const [items, locations, orders] = await Promise.all([
    itemRefsByIds(db, lines.map((l) => l.item_id)), locationRefsByIds(db, lines.map((l) => l.location_id)), findOrdersByIds(db, lines.map((l) => l.sales_order_id)),
  ]);
  const orderOf = new Map(orders.map((o) => [o.id, { id: o.id, number: o.number }]));
  return {
    id: list.id, number: list.number, status: list.status, createdAt: list.created_at, completedAt: list.completed_at,
    orders: [...new Set(lines.map((l) => l.sales_order_id))].map((id) => orderOf.get(id) ?? { id, number: id }),
    lines: lines.map((l) => {
      const item = items.get(l.item_id);
      const q = (n: number | string) => formatScaled(Number(n), item?.decimals ?? 0);
      return {
        lineNo: l.line_no, order: orderOf.get(l.sales_order_id) ?? { id: l.sales_order_id, number: l.sales_order_id }, orderLineId: l.order_line_id,
        item: { id: l.item_id, sku: item?.sku ?? l.item_id, name: item?.name ?? '' }, location: { id: l.location_id, code: locations.get(l.location_id)?.code ?? l.location_id },
        quantity: q(l.quantity), picked: q(l.picked), remaining: q(Number(l.quantity) - Number(l.picked)),
      };
    }),
  };
}
