import { itemRefsByIds } from '../catalog/item-service.js';
import { runCommand, type CommandResult } from '../db/command.js';
import { appendEvents } from '../db/outbox.js';
import type { ItemRef } from '../catalog/item-types.js';
import type { Executor, ReturnLinesTable, SerialRow } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { requireReasonCode } from '../counting/reason-codes.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { formatScaled, parsePositiveScaled, parseScaled } from '../shared/quantity.js';
import { nowIso } from '../shared/time.js';
import { findChannelByRef } from './channel-repository.js';
import { lockOrderByRef } from './order-repository.js';
import type { SalesOrder } from './order-types.js';
import { getSalesOrder } from './order-view.js';
import * as repo from './return-repository.js';
import { closeProblem, committedToReturn, pickLineForItem, returnable, rmaNumber, unlinkedReturnProblem } from './return-rules.js';
import { audit, identifyItem, lockFor, orderNumberOf, returnStatusChanged, setStatus } from './return-transitions.js';
import type { NewReturn, NewReturnLine, Return } from './return-types.js';
import { loadOrderShipped, trackingAgainstOrder, trackingWithoutOrder, type LineTracking } from './return-tracked-lines.js';
import { insertLineSerials } from './return-tracking-repository.js';
import { getReturn, stateOf, toReturn } from './return-view.js';

export const MAX_LINES = 1000;

type PlannedLine = Pick<ReturnLinesTable, 'order_line_id' | 'item_id' | 'quantity' | 'reason_code' | 'note' | 'lot_id'> & { serials: SerialRow[] };

interface Source {
  orderId: string | null;
  orderNumber: string | null;
  channelId: string | null;
  customerName: string | null;
  lines: PlannedLine[];
}

/**
 * Authorises a return (an RMA): against a sales order, each line at most what its order line
 * shipped less what other returns already take up; or, at a till, without an order. Every line
 * names a reason code. Nothing moves yet: the goods are received later into quality control.
 */
export async function createReturn(store: Store, ctx: CommandContext, input: NewReturn): Promise<CommandResult<Return>> {
  if (input.lines.length === 0) throw invalidField('/lines', 'a return needs at least one line');
  if (input.lines.length > MAX_LINES) throw invalidField('/lines', `a return holds at most ${MAX_LINES} lines`);
  return runCommand(store, ctx, { name: 'return.create', input }, async (trx) => {
    const source = input.order === undefined ? await withoutOrder(trx, input) : await againstOrder(trx, input.order, input);
    for (const [i, line] of input.lines.entries()) await requireReasonCode(trx, line.reason, `/lines/${i}/reason`);
    const id = newId();
    const now = nowIso();
    const number = rmaNumber(await repo.nextDocumentNumber(trx, 'return'));
    const lines = source.lines.map(({ serials, ...l }, i) => ({ row: { ...l, id: newId(), return_id: id, line_no: i + 1, received: 0, restocked: 0, scrapped: 0 }, serials }));
    await repo.insertReturn(trx, {
      id, number, sales_order_id: source.orderId, channel_id: source.channelId, status: 'authorised',
      customer_name: input.customerName ?? source.customerName, notes: input.notes ?? null,
      created_by: ctx.actor.id, created_by_name: ctx.actor.name, created_at: now, updated_at: now, closed_at: null,
    }, lines.map((l) => l.row));
    await insertLineSerials(trx, lines.flatMap((l) => l.serials.map((s) => ({ line_id: l.row.id, serial_id: s.id }))));
    await appendEvents(trx, [returnStatusChanged({ id, number }, source.orderNumber, null, 'authorised')]);
    return { result: await getReturn(trx, id), audit: [audit('authorised', id, input.notes, { number, order: source.orderNumber, lines: source.lines.length })] };
  });
}

async function againstOrder(trx: Executor, ref: string, input: NewReturn): Promise<Source> {
  if (input.channel !== undefined) throw invalidField('/channel', 'the order names its channel; give the order or the channel, not both');
  // Locked so that two returns authorised at once against one order cannot both take its last returnable units.
  const locked = await lockOrderByRef(trx, ref);
  if (!locked) throw invalidField('/order', `sales order '${ref}' does not exist`);
  const order = await getSalesOrder(trx, locked.id);
  const items = await itemRefsByIds(trx, order.lines.map((l) => l.item.id));
  const decimalsOf = (itemId: string) => items.get(itemId)?.decimals ?? 0;
  const shipped = new Map(order.lines.map((l) => [l.id, parseScaled(l.shipped, decimalsOf(l.item.id), '/order')]));
  if ([...shipped.values()].every((q) => q === 0)) throw new DomainError('rule-violation', `${order.number} has shipped nothing, so nothing can come back`, [{ path: '/order', message: 'nothing shipped yet' }]);
  const taken = new Map<string, number>();
  const others = await repo.linesAgainst(trx, order.lines.map((l) => l.id));
  const tracked = order.lines.filter((l) => items.get(l.item.id)?.tracking !== 'none').map((l) => l.item.id);
  const shippedLots = await loadOrderShipped(trx, order, tracked, others);
  const claimed = claimedOnce();
  for (const other of others) {
    const key = other.order_line_id ?? '';
    taken.set(key, (taken.get(key) ?? 0) + committedToReturn(other.status, stateOf(other)));
  }
  const left = (lineId: string) => returnable(shipped.get(lineId) ?? 0, taken.get(lineId) ?? 0);
  const lines: PlannedLine[] = [];
  for (const [i, entry] of input.lines.entries()) {
    const line = await orderLineFor(trx, order, entry, `/lines/${i}`, left);
    const decimals = decimalsOf(line.item.id);
    const quantity = parsePositiveScaled(entry.quantity, decimals, `/lines/${i}/quantity`);
    if (quantity > left(line.id)) {
      const text = (n: number) => formatScaled(n, decimals);
      const already = (taken.get(line.id) ?? 0);
      const message = `at most ${text(left(line.id))} of line ${line.lineNo} (${line.item.sku}) can come back: shipped ${text(shipped.get(line.id) ?? 0)}, on returns already ${text(already)}`;
      throw new DomainError('rule-violation', message, [{ path: `/lines/${i}/quantity`, message }]);
    }
    taken.set(line.id, (taken.get(line.id) ?? 0) + quantity);
    const lineTracking = claimed(await trackingAgainstOrder(trx, shippedLots, itemOf(items, line.item.id), entry, quantity, `/lines/${i}`), `/lines/${i}`);
    lines.push({ order_line_id: line.id, item_id: line.item.id, quantity, reason_code: entry.reason, note: entry.note ?? null, lot_id: lineTracking.lotId, serials: lineTracking.serials });
  }
  return { orderId: order.id, orderNumber: order.number, channelId: order.channel.id, customerName: order.customerName, lines };
}

/** The order line a return line means: named by id, or the first line of a scanned item with something left to return. */
async function orderLineFor(trx: Executor, order: SalesOrder, entry: NewReturnLine, path: string, left: (lineId: string) => number) {
  if ((entry.line === undefined) === (entry.item === undefined)) throw invalidField(path, 'name either the order line (line) or the item (item)');
  if (entry.line !== undefined) {
    const line = order.lines.find((l) => l.id === entry.line);
    if (!line) throw invalidField(`${path}/line`, `'${entry.line}' is not a line of ${order.number}`);
    return line;
  }
  const code = entry.item ?? '';
  const itemId = await identifyItem(trx, code);
  if (itemId === null) throw invalidField(`${path}/item`, `no item has the id, SKU or barcode '${code}'`);
  const picked = pickLineForItem(order.lines.map((l) => ({ itemId: l.item.id, lineNo: l.lineNo, line: l })), itemId, (c) => left(c.line.id));
  if (!picked) throw invalidField(`${path}/item`, `'${code}' is not on ${order.number}`);
  return picked.line;
}

async function withoutOrder(trx: Executor, input: NewReturn): Promise<Source> {
  if (input.channel === undefined) throw invalidField('/order', 'name the sales order the goods were sold on (or, for a till return without an order, the channel)');
  const channel = await findChannelByRef(trx, input.channel);
  if (!channel) throw invalidField('/channel', `channel '${input.channel}' does not exist`);
  const problem = unlinkedReturnProblem(channel.kind);
  if (problem) throw new DomainError('rule-violation', problem, [{ path: '/channel', message: problem }]);
  const lines: PlannedLine[] = [];
  const claimed = claimedOnce();
  for (const [i, entry] of input.lines.entries()) {
    if (entry.line !== undefined) throw invalidField(`/lines/${i}/line`, 'a return without an order names items, not order lines');
    if (entry.item === undefined) throw invalidField(`/lines/${i}/item`, 'name the item');
    const itemId = await identifyItem(trx, entry.item);
    if (itemId === null) throw invalidField(`/lines/${i}/item`, `no item has the id, SKU or barcode '${entry.item}'`);
    const item = itemOf(await itemRefsByIds(trx, [itemId]), itemId);
    const quantity = parsePositiveScaled(entry.quantity, item.decimals, `/lines/${i}/quantity`);
    const lineTracking = claimed(await trackingWithoutOrder(trx, item, entry, quantity, `/lines/${i}`), `/lines/${i}`);
    lines.push({ order_line_id: null, item_id: itemId, quantity, reason_code: entry.reason, note: entry.note ?? null, lot_id: lineTracking.lotId, serials: lineTracking.serials });
  }
  return { orderId: null, orderNumber: null, channelId: channel.id, customerName: null, lines };
}

function itemOf(items: ReadonlyMap<string, ItemRef>, id: string): ItemRef {
  const item = items.get(id);
  if (!item) throw new Error(`item ${id} vanished`);
  return item;
}

/** A serial can come back on one line of a request only. */
function claimedOnce(): (tracking: LineTracking, path: string) => LineTracking {
  const seen = new Set<string>();
  return (tracking, path) => {
    for (const [i, serial] of tracking.serials.entries()) {
      if (seen.has(serial.id)) throw invalidField(`${path}/serials/${i}`, `serial ${serial.serial_number} is on an earlier line of this return`);
      seen.add(serial.id);
    }
    return tracking;
  };
}

/** Cancels a return nothing has arrived for; its authorisation no longer counts against the order. */
export async function cancelReturn(store: Store, ctx: CommandContext, ref: string, input: { note?: string | undefined }): Promise<CommandResult<Return>> {
  return runCommand(store, ctx, { name: `return.cancel:${ref}`, input }, async (trx) => {
    const row = await lockFor(trx, ref, 'cancel');
    await setStatus(trx, row, 'cancelled', nowIso());
    return { result: await reload(trx, row.id), audit: [audit('cancelled', row.id, input.note, { order: await orderNumberOf(trx, row) })] };
  });
}

/**
 * Ends a partially received return once what arrived has been dealt with: the rest is no longer
 * expected, and only what came back counts against the order from now on.
 */
export async function closeReturn(store: Store, ctx: CommandContext, ref: string, input: { note?: string | undefined }): Promise<CommandResult<Return>> {
  return runCommand(store, ctx, { name: `return.close:${ref}`, input }, async (trx) => {
    const row = await lockFor(trx, ref, 'close');
    const problem = closeProblem((await repo.linesOf(trx, [row.id])).map(stateOf));
    if (problem) throw new DomainError('rule-violation', `${row.number}: ${problem}`);
    await setStatus(trx, row, 'closed', nowIso());
    return { result: await reload(trx, row.id), audit: [audit('closed', row.id, input.note)] };
  });
}

async function reload(trx: Executor, id: string): Promise<Return> {
  const row = await repo.findReturnByRef(trx, id);
  if (!row) throw new Error(`return ${id} vanished`);
  return toReturn(trx, row);
}
