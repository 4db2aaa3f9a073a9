import { sql, type Insertable, type Updateable } from 'kysely';
import { isSqlite } from '../db/dialect.js';
import type { CountLineRow, CountLinesTable, CountRow, CountsTable, CountStatus, Executor } from '../db/schema.js';

/** The next number in a document series, taken in the caller's transaction (so a rollback gives it back). */
export async function nextCountNumber(db: Executor): Promise<number> {
  const row = await db
    .updateTable('document_numbers')
    .set({ last_value: sql`last_value + 1` })
    .where('name', '=', 'count')
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return Number(row.last_value);
}

export async function insertCount(db: Executor, row: Insertable<CountsTable>): Promise<void> {
  await db.insertInto('counts').values(row).execute();
}

export async function updateCountRow(db: Executor, id: string, changes: Updateable<CountsTable>): Promise<void> {
  await db.updateTable('counts').set(changes).where('id', '=', id).execute();
}

export async function findCountByRef(db: Executor, ref: string): Promise<CountRow | undefined> {
  return db.selectFrom('counts').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('number', '=', ref)])).executeTakeFirst();
}

/** Finds a count and, on PostgreSQL, locks it until the transaction ends, so two changes to one count take turns. */
export async function lockCountByRef(db: Executor, ref: string): Promise<CountRow | undefined> {
  const query = db.selectFrom('counts').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('number', '=', ref)]));
  return (isSqlite(db) ? query : query.forUpdate()).executeTakeFirst();
}

export interface CountFilter {
  status?: readonly CountStatus[] | undefined;
  siteId?: string | undefined;
  beforeId?: string | undefined;
  limit: number;
}

/** Counts newest first (ids are time-ordered), fetching `limit + 1` to tell whether more exist. */
export async function listCountRows(db: Executor, filter: CountFilter): Promise<CountRow[]> {
  let query = db.selectFrom('counts').selectAll();
  if (filter.status?.length) query = query.where('status', 'in', filter.status);
  if (filter.siteId) query = query.where('site_id', '=', filter.siteId);
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}

export async function insertLines(db: Executor, rows: Array<Insertable<CountLinesTable>>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('count_lines').values(rows.slice(i, i + 500)).execute();
}

export async function updateLineRow(db: Executor, id: string, changes: Updateable<CountLinesTable>): Promise<void> {
  await db.updateTable('count_lines').set(changes).where('id', '=', id).execute();
}

export async function linesOf(db: Executor, countId: string): Promise<CountLineRow[]> {
  return db.selectFrom('count_lines').selectAll().where('count_id', '=', countId).orderBy('line_no').execute();
}

/** The unit cost of each item's latest costed movement: what a variance is valued at. */
export async function lastUnitCosts(db: Executor, itemIds: readonly string[]): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const latest = db
    .selectFrom('movements')
    .select((eb) => ['item_id', eb.fn.max('seq').as('seq')])
    .where('item_id', 'in', [...new Set(itemIds)])
    .where('unit_cost', 'is not', null)
    .groupBy('item_id');
  const rows = await db
    .selectFrom(latest.as('l'))
    .innerJoin('movements as m', 'm.seq', 'l.seq')
    .select(['m.item_id', 'm.unit_cost'])
    .execute();
  return new Map(rows.map((r) => [r.item_id, Number(r.unit_cost)]));
}

/** When each item was last counted at a site: the latest approval of a count that recorded a quantity for it. */
export async function lastCountedAt(db: Executor, siteId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('count_lines as l')
    .innerJoin('counts as c', 'c.id', 'l.count_id')
    .where('c.site_id', '=', siteId)
    .where('c.status', '=', 'approved')
    .where('l.counted', 'is not', null)
    .select((eb) => ['l.item_id', eb.fn.max<string>('c.approved_at').as('at')])
    .groupBy('l.item_id')
    .execute();
  return new Map(rows.map((r) => [r.item_id, r.at]));
}
