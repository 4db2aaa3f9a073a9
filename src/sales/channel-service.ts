import { itemRefsByIds, resolveItemRefs } from '../catalog/item-service.js';
import { runCommand, type CommandResult } from '../db/command.js';
import { appendEvents } from '../db/outbox.js';
import type { ChannelRow, Executor } from '../db/schema.js';
import { isUniqueViolation, type Store } from '../db/store.js';
import { locationRefsByIds, resolveLocationRefs } from '../locations/location-service.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField, notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { decodeCursor, toPage, type Page } from '../shared/page.js';
import { formatScaled, parseScaled } from '../shared/quantity.js';
import { nowIso } from '../shared/time.js';
import { BUFFER_DECIMALS, DEFAULT_ROUTING, routingRulesProblem, type RoutingRule } from './channel-rules.js';
import * as repo from './channel-repository.js';
import type { Channel, ChannelChanges, ChannelInputFields, NewChannel } from './channel-types.js';
import { channelChanged } from './order-events.js';

export async function createChannel(store: Store, ctx: CommandContext, input: NewChannel): Promise<CommandResult<Channel>> {
  return runCommand(store, ctx, { name: 'channel.create', input }, async (trx) => {
    const id = newId();
    const now = nowIso();
    const fields = await checkedFields(trx, input);
    try {
      await repo.insertChannel(trx, {
        id, code: input.code, name: input.name, kind: input.kind, buffer_micro: fields.bufferMicro ?? 0, allow_backorders: input.allowBackorders ? 1 : 0,
        routing_rules: JSON.stringify(fields.rules ?? DEFAULT_ROUTING), priority_location_ids: JSON.stringify(fields.priority ?? []),
        archived_at: null, created_at: now, updated_at: now,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('conflict', `channel code '${input.code}' is taken`, [{ path: '/code', message: 'code is taken' }]);
      throw error;
    }
    await repo.replaceChannelLocations(trx, id, fields.locationIds ?? []);
    if (fields.itemBuffers) await repo.replaceItemBuffers(trx, id, fields.itemBuffers);
    await appendEvents(trx, [channelChanged({ id, code: input.code })]);
    return { result: await getChannel(trx, id), audit: [{ action: 'channel.created', entityType: 'channel', entityId: id, details: { code: input.code } }] };
  });
}

/** Changes a channel; `locations` and `itemBuffers`, when given, replace the whole set. */
export async function updateChannel(store: Store, ctx: CommandContext, ref: string, changes: ChannelChanges): Promise<CommandResult<Channel>> {
  return runCommand(store, ctx, { name: `channel.update:${ref}`, input: changes }, async (trx) => {
    const row = await requireChannel(trx, ref);
    const current = { rules: JSON.parse(row.routing_rules) as RoutingRule[], priority: JSON.parse(row.priority_location_ids) as string[] };
    const fields = await checkedFields(trx, changes, current);
    await repo.updateChannelRow(trx, row.id, {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.kind !== undefined && { kind: changes.kind }),
      ...(fields.bufferMicro !== undefined && { buffer_micro: fields.bufferMicro }),
      ...(changes.allowBackorders !== undefined && { allow_backorders: changes.allowBackorders ? 1 : 0 }),
      ...(fields.rules !== undefined && { routing_rules: JSON.stringify(fields.rules) }),
      ...(fields.priority !== undefined && { priority_location_ids: JSON.stringify(fields.priority) }),
      updated_at: nowIso(),
    });
    if (fields.locationIds) await repo.replaceChannelLocations(trx, row.id, fields.locationIds);
    if (fields.itemBuffers) await repo.replaceItemBuffers(trx, row.id, fields.itemBuffers);
    if (changes.buffer !== undefined || changes.itemBuffers !== undefined || changes.locations !== undefined) await appendEvents(trx, [channelChanged(row)]);
    return { result: await getChannel(trx, row.id), audit: [{ action: 'channel.updated', entityType: 'channel', entityId: row.id, details: changes }] };
  });
}

/** An archived channel takes no new orders; its open orders carry on. */
export async function setChannelArchived(store: Store, ctx: CommandContext, ref: string, archived: boolean): Promise<CommandResult<Channel>> {
  return runCommand(store, ctx, { name: `channel.archive:${ref}`, input: { archived } }, async (trx) => {
    const row = await requireChannel(trx, ref);
    const now = nowIso();
    await repo.updateChannelRow(trx, row.id, { archived_at: archived ? (row.archived_at ?? now) : null, updated_at: now });
    await appendEvents(trx, [channelChanged(row)]);
    return { result: await getChannel(trx, row.id), audit: [{ action: archived ? 'channel.archived' : 'channel.restored', entityType: 'channel', entityId: row.id }] };
  });
}

export async function getChannel(db: Executor, ref: string): Promise<Channel> {
  return (await toChannels(db, [await requireChannel(db, ref)]))[0] as Channel;
}

export async function listChannels(db: Executor, query: { includeArchived?: boolean | undefined; cursor?: string | undefined; limit: number }): Promise<Page<Channel>> {
  const afterCode = query.cursor === undefined ? undefined : decodeCursor<string>(query.cursor, 'string');
  const rows = await repo.listChannelRows(db, { includeArchived: query.includeArchived, afterCode, limit: query.limit });
  const page = toPage(rows, query.limit, (r) => r.code, (r) => r);
  return { data: await toChannels(db, page.data), nextCursor: page.nextCursor };
}

export async function requireChannel(db: Executor, ref: string, path?: string): Promise<ChannelRow> {
  const row = await repo.findChannelByRef(db, ref);
  if (!row) throw notFound('channel', ref, path);
  return row;
}

interface CheckedFields {
  locationIds?: string[];
  bufferMicro?: number;
  itemBuffers?: Array<{ itemId: string; buffer: number }>;
  rules?: RoutingRule[];
  priority?: string[];
}

/** Resolves and checks what a create or change names, reporting each bad reference at its field. */
async function checkedFields(db: Executor, input: ChannelInputFields, current?: { rules: RoutingRule[]; priority: string[] }): Promise<CheckedFields> {
  const fields: CheckedFields = {};
  if (input.locations !== undefined) {
    if (input.locations.length === 0) throw invalidField('/locations', 'a channel sells from at least one location');
    const refs = input.locations.map((ref, i) => ({ ref, path: `/locations/${i}` }));
    const resolved = await resolveLocationRefs(db, refs);
    fields.locationIds = refs.map(({ ref, path }) => {
      const location = resolved.get(ref);
      if (!location || location.kind === 'virtual') throw invalidField(path, `'${ref}' is not a site, zone or bin`);
      return location.id;
    });
  }
  if (input.buffer !== undefined) fields.bufferMicro = nonNegative(parseScaled(input.buffer, BUFFER_DECIMALS, '/buffer'), '/buffer');
  if (input.itemBuffers !== undefined) {
    const refs = input.itemBuffers.map((b, i) => ({ ref: b.item, path: `/itemBuffers/${i}/item` }));
    const items = await resolveItemRefs(db, refs);
    fields.itemBuffers = input.itemBuffers.map((b, i) => {
      const item = items.get(b.item);
      if (!item) throw notFound('item', b.item, `/itemBuffers/${i}/item`);
      return { itemId: item.id, buffer: nonNegative(parseScaled(b.buffer, item.decimals, `/itemBuffers/${i}/buffer`), `/itemBuffers/${i}/buffer`) };
    });
    if (new Set(fields.itemBuffers.map((b) => b.itemId)).size !== fields.itemBuffers.length) throw invalidField('/itemBuffers', 'each item may have one buffer');
  }
  if (input.routing?.priority !== undefined) fields.priority = await prioritySites(db, input.routing.priority);
  if (input.routing?.rules !== undefined) fields.rules = input.routing.rules;
  const rules = fields.rules ?? current?.rules ?? DEFAULT_ROUTING;
  const problem = routingRulesProblem(rules, (fields.priority ?? current?.priority ?? []).length);
  if (problem) throw invalidField('/routing/rules', problem);
  return fields;
}

async function prioritySites(db: Executor, refs: string[]): Promise<string[]> {
  const fieldRefs = refs.map((ref, i) => ({ ref, path: `/routing/priority/${i}` }));
  const resolved = await resolveLocationRefs(db, fieldRefs);
  return fieldRefs.map(({ ref, path }) => {
    const location = resolved.get(ref);
    if (!location || location.kind !== 'site') throw invalidField(path, `'${ref}' is not a site; routing chooses between sites`);
    return location.id;
  });
}

function nonNegative(value: number, path: string): number {
  if (value < 0) throw invalidField(path, 'a buffer cannot be negative');
  return value;
}

async function toChannels(db: Executor, rows: ChannelRow[]): Promise<Channel[]> {
  const links = await repo.channelLocationRows(db, rows.map((r) => r.id));
  const priorities = rows.map((r) => JSON.parse(r.priority_location_ids) as string[]);
  const buffers = await Promise.all(rows.map((r) => repo.itemBufferRows(db, r.id)));
  const [locations, items] = await Promise.all([
    locationRefsByIds(db, [...links.map((l) => l.location_id), ...priorities.flat()]),
    itemRefsByIds(db, buffers.flat().map((b) => b.item_id)),
  ]);
  const place = (id: string) => ({ id, code: locations.get(id)?.code ?? id });
  return rows.map((row, i) => ({
    id: row.id, code: row.code, name: row.name, kind: row.kind,
    locations: links.filter((l) => l.channel_id === row.id).map((l) => ({ ...place(l.location_id), kind: locations.get(l.location_id)?.kind ?? 'bin' })),
    buffer: formatScaled(Number(row.buffer_micro), BUFFER_DECIMALS),
    itemBuffers: (buffers[i] ?? []).map((b) => {
      const item = items.get(b.item_id);
      return { item: { id: b.item_id, sku: item?.sku ?? b.item_id }, buffer: formatScaled(Number(b.buffer), item?.decimals ?? 0) };
    }),
    allowBackorders: row.allow_backorders === 1,
    routing: { rules: JSON.parse(row.routing_rules) as RoutingRule[], priority: (priorities[i] ?? []).map(place) },
    archived: row.archived_at !== null, createdAt: row.created_at, updatedAt: row.updated_at,
  }));
}
