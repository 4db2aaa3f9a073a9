import { sql, type Kysely, type Migration } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * The channel availability feed: a cursor over the numbered event log and the figure last
 * published per channel × item. The cursor starts at the log's head when the feed is installed,
 * so a database with a long history does not replay it all; each item's first stock change after
 * that publishes its figure.
 */
export const channelFeedMigration = (): Migration => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('feed_cursors')
      .addColumn('name', 'text', (c) => c.primaryKey().notNull())
      .addColumn('last_seq', 'bigint', (c) => c.notNull())
      .execute();
    await sql`insert into feed_cursors (name, last_seq) select 'channel_availability', coalesce(max(seq), 0) from events`.execute(db);

    await db.schema
      .createTable('channel_availability_published')
      .addColumn('channel_id', 'text', (c) => c.notNull().references('channels.id'))
      .addColumn('item_id', 'text', (c) => c.notNull().references('items.id'))
      .addColumn('available', 'bigint', (c) => c.notNull())
      .addColumn('published_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('channel_availability_published_pk', ['channel_id', 'item_id'])
      .execute();
  },
});
