import type { Executor } from '../db/schema.js';

export const AVAILABILITY_FEED = 'channel_availability';

/**
 * How far the feed has read. With `forUpdate` (PostgreSQL) the row stays locked to COMMIT, so one
 * process at a time runs the feed and a second one, once it gets the row, reads on from where the
 * first stopped. SQLite has a single writer, which serialises runs already.
 */
export async function readFeedCursor(db: Executor, name: string, forUpdate: boolean): Promise<number> {
  const query = db.selectFrom('feed_cursors').select('last_seq').where('name', '=', name);
  const row = await (forUpdate ? query.forUpdate() : query).executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

export async function moveFeedCursor(db: Executor, name: string, lastSeq: number): Promise<void> {
  await db.updateTable('feed_cursors').set({ last_seq: lastSeq }).where('name', '=', name).execute();
}

/** The figures last published for these channel × item pairs, keyed `channel\0item`. */
export async function publishedFigures(db: Executor, channelId: string, itemIds: readonly string[]): Promise<Array<{ item_id: string; available: number }>> {
  if (itemIds.length === 0) return [];
  const rows = await db
    .selectFrom('channel_availability_published')
    .select(['item_id', 'available'])
    .where('channel_id', '=', channelId)
    .where('item_id', 'in', [...itemIds])
    .execute();
  return rows.map((r) => ({ item_id: r.item_id, available: Number(r.available) }));
}

export async function savePublishedFigures(db: Executor, rows: Array<{ channel_id: string; item_id: string; available: number; published_at: string }>): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('channel_availability_published')
    .values(rows)
    .onConflict((oc) => oc.columns(['channel_id', 'item_id']).doUpdateSet((eb) => ({ available: eb.ref('excluded.available'), published_at: eb.ref('excluded.published_at') })))
    .execute();
}

/** Every item a figure was ever published for on this channel. */
export async function publishedItemIds(db: Executor, channelId: string): Promise<string[]> {
  const rows = await db.selectFrom('channel_availability_published').select('item_id').where('channel_id', '=', channelId).execute();
  return rows.map((r) => r.item_id);
}
