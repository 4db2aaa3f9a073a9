import { sql } from 'kysely';
import { preparedQuery } from '../db/prepared.js';
import type { Executor } from '../db/schema.js';
import type { MovementDraft } from './movement-types.js';

const liveRefs = preparedQuery<{ items: string; locations: string }, { id: string }>(['items', 'locations'], (db, p) =>
  db
    .selectFrom('items')
    .select('id')
    .where((eb) => eb('id', 'in', eb.selectFrom(sql<{ value: string }>`json_each(${p.items})`.as('i')).select('i.value')))
    .where('archived_at', 'is', null)
    .unionAll(
      db
        .selectFrom('locations')
        .select('id')
        .where((eb) => eb('id', 'in', eb.selectFrom(sql<{ value: string }>`json_each(${p.locations})`.as('l')).select('l.value')))
        .where('archived_at', 'is', null),
    ),
);

/** The ids among the drafts' items and locations that are not archived, read in the posting's transaction (SQLite). */
export async function liveIdsAmong(db: Executor, drafts: readonly MovementDraft[]): Promise<Set<string>> {
  const items = JSON.stringify([...new Set(drafts.map((d) => d.itemId))]);
  const locations = JSON.stringify([...new Set(drafts.flatMap((d) => [d.from.id, d.to.id]))]);
  return new Set((await liveRefs(db, { items, locations })).rows.map((r) => r.id));
}
