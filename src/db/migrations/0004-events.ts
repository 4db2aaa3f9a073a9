import { sql, type Kysely, type Migration } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * The transactional outbox. A change writes its events in its own transaction with `seq` NULL;
 * the sequencer (src/events/sequencer.ts) later numbers committed rows in commit order, so `seq`
 * is unique once set. The partial index keeps the sequencer's search for unnumbered rows small
 * however long the table grows; the unique constraint on `seq` is the index readers page by.
 */
export const eventsMigration = (): Migration => ({
  async up(db: AnyDb) {
    await db.schema
      .createTable('events')
      .addColumn('id', 'text', (c) => c.primaryKey().notNull())
      .addColumn('seq', 'bigint', (c) => c.unique())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('events_unsequenced_idx').on('events').column('id').where(sql.ref('seq'), 'is', null).execute();
  },
});
