import type { Insertable, Updateable } from 'kysely';
import { isSqlite } from '../db/dialect.js';
import type {
  Executor, SalesOrderHoldRow, SalesOrderHoldsTable, SalesOrderLineRow, SalesOrderLinesTable, SalesOrderRow, SalesOrdersTable, SalesOrderStatus,
} from '../db/schema.js';

export async function insertOrder(db: Executor, row: Insertable<SalesOrdersTable>): Promise<void> {
  await db.insertInto('sales_orders').values(row).execute();
}

export async function updateOrderRow(db: Executor, id: string, changes: Updateable<SalesOrdersTable>): Promise<void> {
  await db.updateTable('sales_orders').set(changes).where('id', '=', id).execute();
}

/** Finds an order by id or number. */
export async function findOrderByRef(db: Executor, ref: string): Promise<SalesOrderRow | undefined> {
  return db.selectFrom('sales_orders').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('number', '=', ref)])).executeTakeFirst();
}

export async function findOrderByExternalId(db: Executor, channelId: string, externalId: string): Promise<SalesOrderRow | undefined> {
  return db.selectFrom('sales_orders').selectAll().where('channel_id', '=', channelId).where('external_id', '=', externalId).executeTakeFirst();
}

export async function findOrdersByIds(db: Executor, ids: readonly string[]): Promise<SalesOrderRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('sales_orders').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

/** Finds an order and, on PostgreSQL, locks its row until the transaction ends, so two actions on one order take turns. */
export async function lockOrderByRef(db: Executor, ref: string): Promise<SalesOrderRow | undefined> {
  const query = db.selectFrom('sales_orders').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('number', '=', ref)]));
  return (isSqlite(db) ? query : query.forUpdate()).executeTakeFirst();
}

export async function insertLines(db: Executor, rows: Array<Insertable<SalesOrderLinesTable>>): Promise<void> {
  if (rows.length > 0) await db.insertInto('sales_order_lines').values(rows).execute();
}

export async function updateLineRow(db: Executor, id: string, changes: Updateable<SalesOrderLinesTable>): Promise<void> {
  await db.updateTable('sales_order_lines').set(changes).where('id', '=', id).execute();
}

export async function linesOf(db: Executor, orderIds: readonly string[]): Promise<SalesOrderLineRow[]> {
  if (orderIds.length === 0) return [];
  return db.selectFrom('sales_order_lines').selectAll().where('sales_order_id', 'in', [...new Set(orderIds)]).orderBy('sales_order_id').orderBy('line_no').execute();
}

export async function insertHolds(db: Executor, rows: Array<Insertable<SalesOrderHoldsTable>>): Promise<void> {
  if (rows.length > 0) await db.insertInto('sales_order_holds').values(rows).execute();
}

export async function holdsOf(db: Executor, orderIds: readonly string[]): Promise<SalesOrderHoldRow[]> {
  if (orderIds.length === 0) return [];
  return db.selectFrom('sales_order_holds').selectAll().where('sales_order_id', 'in', [...new Set(orderIds)]).orderBy('reservation_id').execute();
}

export interface OrderFilter {
  channelId?: string | undefined;
  status?: readonly SalesOrderStatus[] | undefined;
  itemId?: string | undefined;
  /** Contains, any case: the order number, the channel's order id or the customer's name. */
  search?: string | undefined;
  beforeId?: string | undefined;
  limit: number;
}

/** Orders newest first; `item` keeps those with a line of that item, `search` those whose number, channel order id or customer matches. */
export async function listOrderRows(db: Executor, filter: OrderFilter): Promise<SalesOrderRow[]> {
  let query = db.selectFrom('sales_orders').selectAll();
  if (filter.channelId) query = query.where('channel_id', '=', filter.channelId);
  if (filter.status?.length) query = query.where('status', 'in', filter.status);
  const itemId = filter.itemId;
  if (itemId) query = query.where('id', 'in', (eb) => eb.selectFrom('sales_order_lines').select('sales_order_id').where('item_id', '=', itemId));
  if (filter.search) {
    const pattern = `%${filter.search.toLowerCase()}%`;
    query = query.where((eb) => eb.or([
      eb(eb.fn('lower', ['number']), 'like', pattern), eb(eb.fn('lower', ['external_id']), 'like', pattern), eb(eb.fn('lower', ['customer_name']), 'like', pattern),
    ]));
  }
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}

/** Open orders whose checkout hold has passed, oldest expiry first, for the sweeper. */
export async function listExpiredOrderRows(db: Executor, now: string, limit: number): Promise<SalesOrderRow[]> {
  return db
    .selectFrom('sales_orders')
    .selectAll()
    .where('status', 'in', ['reserved', 'backordered'])
    .where('expires_at', '<=', now)
    .orderBy('expires_at')
    .limit(limit)
    .execute();
}

/** The next number in a document series, taken in the caller's transaction (so a rollback gives it back). */
export async function nextDocumentNumber(db: Executor, series: string): Promise<number> {
  const row = await db
    .updateTable('document_numbers')
    .set((eb) => ({ last_value: eb('last_value', '+', 1) }))
    .where('name', '=', series)
    .returning('last_value')
    .executeTakeFirstOrThrow();
  return Number(row.last_value);
}
