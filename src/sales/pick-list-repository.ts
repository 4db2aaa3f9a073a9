import type { Insertable } from 'kysely';
import { isSqlite } from '../db/dialect.js';
import type { Executor, PickListLineRow, PickListLinesTable, PickListRow, PickListsTable } from '../db/schema.js';

export async function insertPickList(db: Executor, row: Insertable<PickListsTable>, lines: Array<Insertable<PickListLinesTable>>): Promise<void> {
  await db.insertInto('pick_lists').values(row).execute();
  if (lines.length > 0) await db.insertInto('pick_list_lines').values(lines).execute();
}

/** Finds a pick list by id or number; `lock` keeps its row locked to the end of the transaction on PostgreSQL. */
export async function findPickListByRef(db: Executor, ref: string, lock = false): Promise<PickListRow | undefined> {
  const query = db.selectFrom('pick_lists').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('number', '=', ref)]));
  return (lock && !isSqlite(db) ? query.forUpdate() : query).executeTakeFirst();
}

/** Pick lists newest first, optionally only open or done ones, or those with a line of one order. */
export async function listPickListRows(db: Executor, filter: { status?: 'open' | 'done' | undefined; orderId?: string | undefined; beforeId?: string | undefined; limit: number }): Promise<PickListRow[]> {
  let query = db.selectFrom('pick_lists').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  const orderId = filter.orderId;
  if (orderId) query = query.where('id', 'in', (eb) => eb.selectFrom('pick_list_lines').select('pick_list_id').where('sales_order_id', '=', orderId));
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}

export async function pickLinesOf(db: Executor, pickListId: string): Promise<PickListLineRow[]> {
  return db.selectFrom('pick_list_lines').selectAll().where('pick_list_id', '=', pickListId).orderBy('line_no').execute();
}

export async function addPicked(db: Executor, pickListId: string, lineNo: number, add: number): Promise<void> {
  await db
    .updateTable('pick_list_lines')
    .set((eb) => ({ picked: eb('picked', '+', add) }))
    .where('pick_list_id', '=', pickListId)
    .where('line_no', '=', lineNo)
    .execute();
}

export async function completePickList(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('pick_lists').set({ status: 'done', completed_at: at }).where('id', '=', id).execute();
}

/** The open pick list an order is on, if any: an order is picked from one list at a time. */
export async function openPickListOf(db: Executor, orderId: string): Promise<PickListRow | undefined> {
  return db
    .selectFrom('pick_lists')
    .selectAll()
    .where('status', '=', 'open')
    .where('id', 'in', (eb) => eb.selectFrom('pick_list_lines').select('pick_list_id').where('sales_order_id', '=', orderId))
    .executeTakeFirst();
}

export async function addPickedToOrderLine(db: Executor, orderLineId: string, add: number): Promise<void> {
  await db.updateTable('sales_order_lines').set((eb) => ({ picked: eb('picked', '+', add) })).where('id', '=', orderLineId).execute();
}
