import { sql, type Insertable, type Updateable } from 'kysely';
import { isSqlite } from '../db/dialect.js';
import type { CountLineRow, CountLineSerialRow, CountLineSerialsTable, CountLinesTable, CountRow, CountSerialRole, CountsTable, CountStatus, Executor } from '../db/schema.js';

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

export async function insertLineSerials(db: Executor, rows: Array<Insertable<CountLineSerialsTable>>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('count_line_serials').values(rows.slice(i, i + 500)).execute();
}

/** Replaces one role's serials of a line (what was on hand at the entry, what was counted). */
export async function replaceLineSerials(db: Executor, lineId: string, role: CountSerialRole, rows: Array<{ serial_number: string; serial_id: string | null }>): Promise<void> {
  await db.deleteFrom('count_line_serials').where('line_id', '=', lineId).where('role', '=', role).execute();
  await insertLineSerials(db, rows.map((r) => ({ line_id: lineId, role, ...r })));
}

/** A recount forgets what the line's serials were at the entry and which were scanned; the expected list stays. */
export async function clearCountedSerials(db: Executor, lineId: string): Promise<void> {
  await db.deleteFrom('count_line_serials').where('line_id', '=', lineId).where('role', 'in', ['on_hand', 'counted']).execute();
}

export async function serialsOfLines(db: Executor, lineIds: readonly string[]): Promise<CountLineSerialRow[]> {
  if (lineIds.length === 0) return [];
  const rows: CountLineSerialRow[] = [];
  for (let i = 0; i < lineIds.length; i += 500) {
    rows.push(...(await db.selectFrom('count_line_serials').selectAll().where('line_id', 'in', lineIds.slice(i, i + 500)).orderBy('serial_number').execute()));
  }
  return rows;
}

/** Lines of this count, other than `exceptLineId`, on which one of these serials of the item was counted. */
export async function serialsCountedElsewhere(db: Executor, q: { countId: string; itemId: string; numbers: readonly string[]; exceptLineId: string | null }): Promise<Array<{ serial_number: string; location_id: string }>> {
  if (q.numbers.length === 0) return [];
  let query = db
    .selectFrom('count_line_serials as s')
    .innerJoin('count_lines as l', 'l.id', 's.line_id')
    .select(['s.serial_number', 'l.location_id'])
    .where('l.count_id', '=', q.countId)
    .where('l.item_id', '=', q.itemId)
    .where('s.role', '=', 'counted')
    .where('s.serial_number', 'in', [...q.numbers]);
  if (q.exceptLineId !== null) query = query.where('l.id', '<>', q.exceptLineId);
  return query.execute();
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
