import { sql, type Insertable, type Updateable } from 'kysely';
import { isSqlite } from '../db/dialect.js';
import type {
  Executor, ReturnEntriesTable, ReturnEntryRow, ReturnLineRow, ReturnLinesTable, ReturnRow, ReturnsTable, ReturnStatus,
} from '../db/schema.js';

/** The next number in a document series, taken in the caller's transaction (so a rollback gives it back). */
export async function nextDocumentNumber(db: Executor, series: string): Promise<number> {
  const row = await db
    .updateTable('document_numbers')
    .set({ last_value: sql`last_value + 1` })
    .where('name', '=', series)
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return Number(row.last_value);
}

export async function insertReturn(db: Executor, row: Insertable<ReturnsTable>, lines: Array<Insertable<ReturnLinesTable>>): Promise<void> {
  await db.insertInto('returns').values(row).execute();
  await db.insertInto('return_lines').values(lines).execute();
}

export async function updateReturnRow(db: Executor, id: string, changes: Updateable<ReturnsTable>): Promise<void> {
  await db.updateTable('returns').set(changes).where('id', '=', id).execute();
}

/** Finds a return by id or RMA number. */
export async function findReturnByRef(db: Executor, ref: string): Promise<ReturnRow | undefined> {
  return db.selectFrom('returns').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('number', '=', ref)])).executeTakeFirst();
}

/** Finds a return and, on PostgreSQL, locks its row until the transaction ends, so two steps on one return take turns. */
export async function lockReturnByRef(db: Executor, ref: string): Promise<ReturnRow | undefined> {
  const query = db.selectFrom('returns').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('number', '=', ref)]));
  return (isSqlite(db) ? query : query.forUpdate()).executeTakeFirst();
}

export async function linesOf(db: Executor, returnIds: readonly string[]): Promise<ReturnLineRow[]> {
  if (returnIds.length === 0) return [];
  return db.selectFrom('return_lines').selectAll().where('return_id', 'in', [...new Set(returnIds)]).orderBy('return_id').orderBy('line_no').execute();
}

export async function updateLineRow(db: Executor, id: string, changes: Updateable<ReturnLinesTable>): Promise<void> {
  await db.updateTable('return_lines').set(changes).where('id', '=', id).execute();
}

/** The lines of every return against these order lines, with their return's status, to work out what is still returnable. */
export async function linesAgainst(db: Executor, orderLineIds: readonly string[]): Promise<Array<ReturnLineRow & { status: ReturnStatus }>> {
  if (orderLineIds.length === 0) return [];
  return db
    .selectFrom('return_lines as l')
    .innerJoin('returns as r', 'r.id', 'l.return_id')
    .selectAll('l')
    .select('r.status as status')
    .where('l.order_line_id', 'in', [...new Set(orderLineIds)])
    .execute();
}

export async function insertEntries(db: Executor, rows: Array<Insertable<ReturnEntriesTable>>): Promise<void> {
  if (rows.length > 0) await db.insertInto('return_entries').values(rows).execute();
}

/** A return's steps, oldest first (ULIDs sort in creation order). */
export async function entriesOf(db: Executor, returnId: string): Promise<ReturnEntryRow[]> {
  return db.selectFrom('return_entries').selectAll().where('return_id', '=', returnId).orderBy('id').execute();
}

export interface ReturnFilter {
  status?: readonly ReturnStatus[] | undefined;
  orderId?: string | undefined;
  itemId?: string | undefined;
  channelId?: string | undefined;
  beforeId?: string | undefined;
  limit: number;
}

/** Returns newest first; `itemId` keeps those with a line of that item. */
export async function listReturnRows(db: Executor, filter: ReturnFilter): Promise<ReturnRow[]> {
  let query = db.selectFrom('returns').selectAll();
  if (filter.status?.length) query = query.where('status', 'in', filter.status);
  if (filter.orderId) query = query.where('sales_order_id', '=', filter.orderId);
  if (filter.channelId) query = query.where('channel_id', '=', filter.channelId);
  const itemId = filter.itemId;
  if (itemId) query = query.where('id', 'in', (eb) => eb.selectFrom('return_lines').select('return_id').where('item_id', '=', itemId));
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}
