import type { Insertable, Updateable } from 'kysely';
import type { ChannelRow, ChannelsTable, Executor } from '../db/schema.js';

export async function insertChannel(db: Executor, row: Insertable<ChannelsTable>): Promise<void> {
  await db.insertInto('channels').values(row).execute();
}

export async function updateChannelRow(db: Executor, id: string, changes: Updateable<ChannelsTable>): Promise<void> {
  await db.updateTable('channels').set(changes).where('id', '=', id).execute();
}

/** Finds a channel by id or, failing that, by code. */
export async function findChannelByRef(db: Executor, ref: string): Promise<ChannelRow | undefined> {
  const rows = await db.selectFrom('channels').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('code', '=', ref)])).execute();
  return rows.find((r) => r.id === ref) ?? rows[0];
}

export async function findChannelsByIds(db: Executor, ids: readonly string[]): Promise<ChannelRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('channels').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

export async function listChannelRows(db: Executor, filter: { includeArchived?: boolean | undefined; afterCode?: string | undefined; limit: number }): Promise<ChannelRow[]> {
  let query = db.selectFrom('channels').selectAll();
  if (!filter.includeArchived) query = query.where('archived_at', 'is', null);
  if (filter.afterCode !== undefined) query = query.where('code', '>', filter.afterCode);
  return query.orderBy('code').limit(filter.limit + 1).execute();
}

export async function replaceChannelLocations(db: Executor, channelId: string, locationIds: readonly string[]): Promise<void> {
  await db.deleteFrom('channel_locations').where('channel_id', '=', channelId).execute();
  const rows = [...new Set(locationIds)].map((location_id) => ({ channel_id: channelId, location_id }));
  if (rows.length > 0) await db.insertInto('channel_locations').values(rows).execute();
}

/** The locations each channel names (sites, zones or bins, as configured). */
export async function channelLocationRows(db: Executor, channelIds: readonly string[]): Promise<Array<{ channel_id: string; location_id: string }>> {
  if (channelIds.length === 0) return [];
  return db.selectFrom('channel_locations').selectAll().where('channel_id', 'in', [...new Set(channelIds)]).orderBy('channel_id').orderBy('location_id').execute();
}

/** Channels (not archived) that name any of these locations directly. */
export async function channelsNaming(db: Executor, locationIds: readonly string[]): Promise<Array<{ channel_id: string; location_id: string }>> {
  if (locationIds.length === 0) return [];
  return db
    .selectFrom('channel_locations as cl')
    .innerJoin('channels as c', 'c.id', 'cl.channel_id')
    .select(['cl.channel_id as channel_id', 'cl.location_id as location_id'])
    .where('cl.location_id', 'in', [...new Set(locationIds)])
    .where('c.archived_at', 'is', null)
    .execute();
}

export async function replaceItemBuffers(db: Executor, channelId: string, buffers: Array<{ itemId: string; buffer: number }>): Promise<void> {
  await db.deleteFrom('channel_item_buffers').where('channel_id', '=', channelId).execute();
  const rows = buffers.map((b) => ({ channel_id: channelId, item_id: b.itemId, buffer: b.buffer }));
  if (rows.length > 0) await db.insertInto('channel_item_buffers').values(rows).execute();
}

/** Per-item buffer overrides of a channel, for all its items or only some. */
export async function itemBufferRows(db: Executor, channelId: string, itemIds?: readonly string[]): Promise<Array<{ item_id: string; buffer: number }>> {
  let query = db.selectFrom('channel_item_buffers').select(['item_id', 'buffer']).where('channel_id', '=', channelId);
  if (itemIds) query = query.where('item_id', 'in', itemIds.length ? [...new Set(itemIds)] : ['']);
  return query.orderBy('item_id').execute();
}
