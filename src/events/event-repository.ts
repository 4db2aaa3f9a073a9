import { sql } from 'kysely';
import type { EventRow, Executor } from '../db/schema.js';

/** An event the sequencer has numbered. */
export type SequencedEventRow = EventRow & { seq: number };

/**
 * Any constant shared by every Stockroom process: it names the advisory lock that lets one
 * sequencer at a time number events across all of them.
 */
const SEQUENCER_LOCK = 7_436_013_580;

/**
 * PostgreSQL only: waits until no other sequencer is numbering, holding the lock to COMMIT. Taken
 * before the numbering statement, so that statement's snapshot sees every number given before.
 */
export async function lockSequencer(trx: Executor): Promise<void> {
  await sql`select pg_advisory_xact_lock(${sql.lit(SEQUENCER_LOCK)})`.execute(trx);
}

/**
 * Numbers up to `limit` committed, unnumbered events: the next numbers after the highest given,
 * in id order. Run only under the sequencer lock (or SQLite's single writer), so numbers are
 * gapless and a later run always gives higher numbers than an earlier one.
 */
export async function sequencePending(trx: Executor, limit: number): Promise<SequencedEventRow[]> {
  const rows = await trx
    .with('head', (db) => db.selectFrom('events').select((eb) => eb.fn.coalesce(eb.fn.max('seq'), sql<number>`0`).as('seq')))
    .with('batch', (db) =>
      db.selectFrom('events').select(['id', sql<number>`row_number() over (order by id)`.as('n')]).where('seq', 'is', null).orderBy('id').limit(limit),
    )
    .updateTable('events')
    .from(['head', 'batch'])
    .set({ seq: sql<number>`head.seq + batch.n` })
    .whereRef('events.id', '=', 'batch.id')
    .returning(['events.id', 'events.seq', 'events.type', 'events.payload', 'events.created_at'])
    .execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) })).sort((a, b) => a.seq - b.seq);
}

/** PostgreSQL only: tells every process that events up to `seq` are numbered (delivered at COMMIT). */
export async function notifySequenced(trx: Executor, channel: string, seq: number): Promise<void> {
  await sql`select pg_notify(${channel}, ${String(seq)})`.execute(trx);
}

/** Numbered events after `after`, oldest first. */
export async function listEventsAfter(db: Executor, after: number, limit: number): Promise<SequencedEventRow[]> {
  const rows = await db.selectFrom('events').selectAll().where('seq', '>', after).orderBy('seq').limit(limit).execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

/** The highest number given so far (0 before the first) and whether committed events wait for one. */
export async function outboxState(db: Executor): Promise<{ head: number; pending: boolean }> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('events').select((inner) => inner.fn.max('seq').as('m')).as('head'),
      eb.exists(eb.selectFrom('events').select('id').where('seq', 'is', null)).as('pending'),
    ])
    .executeTakeFirstOrThrow();
  return { head: Number(row.head ?? 0), pending: Boolean(Number(row.pending)) };
}
