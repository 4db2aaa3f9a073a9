import { resolveItemRefs } from '../catalog/item-service.js';
import { runCommand, type CommandResult } from '../db/command.js';
import { appendEvents } from '../db/outbox.js';
import type { ChannelRow, Executor, SalesOrderRow } from '../db/schema.js';
import { isUniqueViolation, type Store } from '../db/store.js';
import { insufficientStock } from '../ledger/posting.js';
import { parseCoordinate } from '../locations/location-rules.js';
import { resolveLocationRefs } from '../locations/location-service.js';
import type { LocationRef } from '../locations/location-types.js';
import { canonicalJson, sha256 } from '../shared/canonical-json.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { formatScaled, parsePositiveScaled } from '../shared/quantity.js';
import { nowIso, parseTimestamp } from '../shared/time.js';
import { HoldRaceLost, planAllocation, takeHolds, type Need } from './allocation-service.js';
import { findChannelByRef } from './channel-repository.js';
import { orderCreated } from './order-events.js';
import { soNumber, statusFromLines } from './order-rules.js';
import * as repo from './order-repository.js';
import { audit, lockFor, setStatus } from './order-transitions.js';
import type { NewSalesOrder, SalesOrder } from './order-types.js';
import { getSalesOrder, toSalesOrders } from './order-view.js';
import type { RoutingAddress } from './routing-rules.js';

export const MAX_LINES = 1000;
/** A plan that lost a race for stock is made again once from fresh figures, then the order fails cleanly. */
const ATTEMPTS = 2;

/**
 * Creates an order and reserves all its lines, or none: a line that cannot be reserved fails the
 * whole order with 409 and each short line's figures, unless the channel allows backorders (the
 * rest of the line is then backordered). A repeat of the channel's `externalId` returns the order
 * it already made (`replayed`), or 409 when the repeat asks for something else.
 */
export async function createSalesOrder(store: Store, ctx: CommandContext, input: NewSalesOrder): Promise<CommandResult<SalesOrder>> {
  if (input.lines.length === 0) throw invalidField('/lines', 'an order needs at least one line');
  if (input.lines.length > MAX_LINES) throw invalidField('/lines', `an order holds at most ${MAX_LINES} lines`);
  const hash = sha256(canonicalJson(input));
  const existing = await findByExternalId(store.db, input);
  if (existing) return repeatOf(store.db, existing, hash);
  for (let attempt = 1; ; attempt++) {
    try {
      return await runCommand(store, ctx, { name: 'sales_order.create', input }, (trx) => insertOrder(trx, ctx, input, hash));
    } catch (error) {
      if (error instanceof HoldRaceLost) {
        if (attempt < ATTEMPTS) continue;
        throw error.refusal;
      }
      const raced = isUniqueViolation(error) ? await findByExternalId(store.db, input) : undefined;
      if (raced) return repeatOf(store.db, raced, hash);
      throw error;
    }
  }
}

async function insertOrder(trx: Executor, ctx: CommandContext, input: NewSalesOrder, hash: string) {
  const channel = await channelForOrder(trx, input.channel);
  const now = nowIso();
  const expiresAt = expiryOf(input, now);
  const address = addressOf(input);
  const within = input.location === undefined ? null : await locationFor(trx, input.location);
  const items = await resolveItemRefs(trx, input.lines.map((l, i) => ({ ref: l.item, path: `/lines/${i}/item` })));
  const id = newId();
  const needs: Need[] = input.lines.map((l, i) => {
    const item = items.get(l.item) as Need['item'];
    return { lineId: newId(), path: `/lines/${i}/quantity`, item, quantity: parsePositiveScaled(l.quantity, item.decimals, `/lines/${i}/quantity`) };
  });
  const plan = await planAllocation(trx, channel, needs, { within, address });
  const short = needs.flatMap((n, i) => ((plan.shortfalls[i] ?? 0) > 0 ? [{ need: n, short: plan.shortfalls[i] as number }] : []));
  if (short.length > 0 && channel.allow_backorders !== 1) {
    throw insufficientStock(short.map(({ need, short: missing }) => ({
      path: need.path, item: need.item.sku, location: channel.code,
      requested: formatScaled(need.quantity, need.item.decimals), available: formatScaled(need.quantity - missing, need.item.decimals),
    })));
  }
  const lines = needs.map((n, i) => ({
    id: n.lineId, sales_order_id: id, line_no: i + 1, item_id: n.item.id, location_id: within?.id ?? null, quantity: n.quantity,
    backordered: plan.shortfalls[i] ?? 0, picked: 0, shipped: 0,
  }));
  const status = statusFromLines('reserved', lines.map((l) => ({ quantity: l.quantity, backordered: l.backordered, shipped: 0 })));
  const number = soNumber(await repo.nextDocumentNumber(trx, 'sales_order'));
  await repo.insertOrder(trx, {
    id, number, channel_id: channel.id, external_id: input.externalId ?? null, request_hash: hash, status,
    customer_name: input.customerName ?? input.address?.name ?? null, address: input.address ? JSON.stringify(input.address) : null,
    region: address.region, latitude_micro: address.latitude, longitude_micro: address.longitude, routing: JSON.stringify(plan.routing),
    expires_at: expiresAt, notes: input.notes ?? null, created_by: ctx.actor.id, created_by_name: ctx.actor.name, created_at: now, updated_at: now, closed_at: null,
  });
  await repo.insertLines(trx, lines);
  await appendEvents(trx, [orderCreated({ id, number, status }, channel.code)]);
  await takeHolds(trx, ctx, { id, number }, plan.takes, expiresAt, now);
  const order = await reload(trx, id);
  return { result: order, audit: [audit('created', id, undefined, { number, channel: channel.code, externalId: input.externalId, routing: plan.routing.reason })] };
}

/** Tries again to reserve what is backordered, routing it like a new order; what still cannot be reserved stays backordered. */
export async function allocateBackorders(store: Store, ctx: CommandContext, ref: string): Promise<CommandResult<SalesOrder>> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await runCommand(store, ctx, { name: `sales_order.allocate:${ref}`, input: {} }, (trx) => allocateIn(trx, ctx, ref));
    } catch (error) {
      if (error instanceof HoldRaceLost && attempt < ATTEMPTS) continue;
      throw error instanceof HoldRaceLost ? error.refusal : error;
    }
  }
}

async function allocateIn(trx: Executor, ctx: CommandContext, ref: string) {
  const order = await lockFor(trx, ref, 'allocate');
  const now = nowIso();
  const lines = await repo.linesOf(trx, [order.id]);
  const open = lines.filter((l) => Number(l.backordered) > 0);
  const channel = await channelForOrder(trx, order.channel_id, true);
  const items = await resolveItemRefs(trx, open.map((l) => ({ ref: l.item_id, path: '/item' })));
  const needs: Need[] = open.map((l) => ({ lineId: l.id, path: `/lines/${l.line_no - 1}/quantity`, item: items.get(l.item_id) as Need['item'], quantity: Number(l.backordered) }));
  const namedId = lines.find((l) => l.location_id !== null)?.location_id ?? null;
  const within = namedId === null ? null : await locationFor(trx, namedId);
  const address = { latitude: order.latitude_micro === null ? null : Number(order.latitude_micro), longitude: order.longitude_micro === null ? null : Number(order.longitude_micro), region: order.region };
  const plan = needs.length === 0 ? null : await planAllocation(trx, channel, needs, { within, address });
  if (plan) {
    await takeHolds(trx, ctx, order, plan.takes, order.expires_at, now);
    for (const [i, need] of needs.entries()) await repo.updateLineRow(trx, need.lineId, { backordered: plan.shortfalls[i] ?? 0 });
  }
  const after = await repo.linesOf(trx, [order.id]);
  await setStatus(trx, order, statusFromLines(order.status, after.map((l) => ({ quantity: Number(l.quantity), backordered: Number(l.backordered), shipped: Number(l.shipped) }))), now);
  const allocated = plan ? plan.takes.reduce((s, t) => s + t.quantity, 0) : 0;
  return { result: await reload(trx, order.id), audit: [audit('allocated', order.id, undefined, { holds: plan?.takes.length ?? 0, allocated, routing: plan?.routing.reason })] };
}

async function findByExternalId(db: Executor, input: NewSalesOrder): Promise<SalesOrderRow | undefined> {
  if (input.externalId === undefined) return undefined;
  const channel = await findChannelByRef(db, input.channel);
  return channel ? repo.findOrderByExternalId(db, channel.id, input.externalId) : undefined;
}

async function repeatOf(db: Executor, existing: SalesOrderRow, hash: string): Promise<CommandResult<SalesOrder>> {
  if (existing.request_hash !== hash) {
    const message = `the channel's order '${existing.external_id ?? ''}' is already ${existing.number}, which asked for something else`;
    throw new DomainError('conflict', message, [{ path: '/externalId', message }]);
  }
  return { result: await getSalesOrder(db, existing.id), replayed: true };
}

async function channelForOrder(db: Executor, ref: string, allowArchived = false): Promise<ChannelRow> {
  const channel = await findChannelByRef(db, ref);
  if (!channel) throw invalidField('/channel', `channel '${ref}' does not exist`);
  if (channel.archived_at !== null && !allowArchived) throw invalidField('/channel', `channel '${ref}' is archived`);
  return channel;
}

async function locationFor(db: Executor, ref: string): Promise<LocationRef> {
  const location = (await resolveLocationRefs(db, [{ ref, path: '/location' }])).get(ref);
  if (!location || location.kind === 'virtual') throw invalidField('/location', `'${ref}' is not a site, zone or bin`);
  return location;
}

function addressOf(input: NewSalesOrder): RoutingAddress {
  const a = input.address;
  const coordinate = (value: string | number | null | undefined, axis: 'latitude' | 'longitude') =>
    value === null || value === undefined ? null : parseCoordinate(value, axis, `/address/${axis}`);
  return { latitude: coordinate(a?.latitude, 'latitude'), longitude: coordinate(a?.longitude, 'longitude'), region: a?.region ?? null };
}

function expiryOf(input: NewSalesOrder, now: string): string | null {
  if (input.holdTtlSeconds !== undefined && input.expiresAt !== undefined) throw invalidField('/holdTtlSeconds', 'give expiresAt or holdTtlSeconds, not both');
  if (input.holdTtlSeconds !== undefined) {
    if (!Number.isInteger(input.holdTtlSeconds) || input.holdTtlSeconds <= 0) throw invalidField('/holdTtlSeconds', 'holdTtlSeconds must be a positive integer');
    return new Date(Date.parse(now) + input.holdTtlSeconds * 1000).toISOString();
  }
  if (input.expiresAt === undefined) return null;
  const at = parseTimestamp(input.expiresAt, '/expiresAt');
  if (at <= now) throw invalidField('/expiresAt', 'expiresAt must be in the future');
  return at;
}

async function reload(trx: Executor, id: string): Promise<SalesOrder> {
  const row = await repo.findOrderByRef(trx, id);
  if (!row) throw new Error(`sales order ${id} vanished`);
  return (await toSalesOrders(trx, [row]))[0] as SalesOrder;
}
