import { sql, type Insertable, type Updateable } from 'kysely';
import { isSqlite } from '../db/dialect.js';
import type {
  Executor, PurchaseOrderLineRow, PurchaseOrderLinesTable, PurchaseOrderRow, PurchaseOrdersTable, PurchaseOrderStatus,
} from '../db/schema.js';
import type { DiscrepancyKind } from './po-rules.js';

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

export async function insertOrder(db: Executor, row: Insertable<PurchaseOrdersTable>): Promise<void> {
  await db.insertInto('purchase_orders').values(row).execute();
}

export async function updateOrderRow(db: Executor, id: string, changes: Updateable<PurchaseOrdersTable>): Promise<void> {
  await db.updateTable('purchase_orders').set(changes).where('id', '=', id).execute();
}

/** Finds an order by id or number. */
export async function findOrderByRef(db: Executor, ref: string): Promise<PurchaseOrderRow | undefined> {
  return db.selectFrom('purchase_orders').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('number', '=', ref)])).executeTakeFirst();
}

/**
 * Finds an order and, on PostgreSQL, locks its row until the transaction ends, so two requests
 * changing one order (two receipts racing for the last of the tolerance) take turns. SQLite runs
 * one write at a time anyway and has no row locks.
 */
export async function lockOrderByRef(db: Executor, ref: string): Promise<PurchaseOrderRow | undefined> {
  const query = db.selectFrom('purchase_orders').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('number', '=', ref)]));
  return (isSqlite(db) ? query : query.forUpdate()).executeTakeFirst();
}

export async function insertLines(db: Executor, rows: Array<Insertable<PurchaseOrderLinesTable>>): Promise<void> {
  if (rows.length > 0) await db.insertInto('purchase_order_lines').values(rows).execute();
}

export async function updateLineRow(db: Executor, id: string, changes: Updateable<PurchaseOrderLinesTable>): Promise<void> {
  await db.updateTable('purchase_order_lines').set(changes).where('id', '=', id).execute();
}

export async function deleteLineRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('purchase_order_lines').where('id', '=', id).execute();
}

/** Closes every line of an order still open (closing the order closes what is left short). */
export async function closeOpenLines(db: Executor, orderId: string, at: string): Promise<void> {
  await db.updateTable('purchase_order_lines').set({ closed_at: at }).where('purchase_order_id', '=', orderId).where('closed_at', 'is', null).execute();
}

export async function linesOf(db: Executor, orderIds: readonly string[]): Promise<PurchaseOrderLineRow[]> {
  if (orderIds.length === 0) return [];
  return db.selectFrom('purchase_order_lines').selectAll().where('purchase_order_id', 'in', [...new Set(orderIds)]).orderBy('purchase_order_id').orderBy('line_no').execute();
}

export interface OrderFilter {
  status?: readonly PurchaseOrderStatus[] | undefined;
  supplierId?: string | undefined;
  siteId?: string | undefined;
  itemId?: string | undefined;
  search?: string | undefined;
  beforeId?: string | undefined;
  limit: number;
}

/** Orders newest first; `item` keeps those with a line of that item, `search` matches the number. */
export async function listOrderRows(db: Executor, filter: OrderFilter): Promise<PurchaseOrderRow[]> {
  let query = db.selectFrom('purchase_orders').selectAll();
  if (filter.status?.length) query = query.where('status', 'in', filter.status);
  if (filter.supplierId) query = query.where('supplier_id', '=', filter.supplierId);
  if (filter.siteId) query = query.where('site_id', '=', filter.siteId);
  const itemId = filter.itemId;
  if (itemId) query = query.where('id', 'in', (eb) => eb.selectFrom('purchase_order_lines').select('purchase_order_id').where('item_id', '=', itemId));
  if (filter.search) query = query.where((eb) => eb(eb.fn('lower', ['number']), 'like', `%${filter.search?.toLowerCase()}%`));
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}

/** Still expected per item × destination site: open lines of ordered and partially received orders. */
export async function sumIncoming(db: Executor, filter: { itemIds?: readonly string[] | undefined }): Promise<Array<{ item_id: string; site_id: string; quantity: number }>> {
  return sumOpenLines(db, ['ordered', 'partially_received'], filter);
}

/** Quantities on draft orders per item × destination site: not expected yet, but already being bought. */
export async function sumDrafted(db: Executor, filter: { itemIds?: readonly string[] | undefined }): Promise<Array<{ item_id: string; site_id: string; quantity: number }>> {
  return sumOpenLines(db, ['draft'], filter);
}

async function sumOpenLines(db: Executor, statuses: PurchaseOrderStatus[], filter: { itemIds?: readonly string[] | undefined }) {
  let query = db
    .selectFrom('purchase_order_lines as l')
    .innerJoin('purchase_orders as po', 'po.id', 'l.purchase_order_id')
    .select(['l.item_id as item_id', 'po.site_id as site_id', (eb) => eb.cast<number>(eb.fn.sum(sql`l.quantity - l.received_quantity`), 'bigint').as('quantity')])
    .where('po.status', 'in', statuses)
    .where('l.unplanned', '=', 0)
    .where('l.closed_at', 'is', null)
    .whereRef('l.received_quantity', '<', 'l.quantity');
  if (filter.itemIds) query = query.where('l.item_id', 'in', filter.itemIds.length ? filter.itemIds : ['']);
  return query.groupBy(['l.item_id', 'po.site_id']).execute();
}

export interface DiscrepancyFilter {
  kind?: DiscrepancyKind | undefined;
  supplierId?: string | undefined;
  siteId?: string | undefined;
  itemId?: string | undefined;
  orderedFrom?: string | undefined;
  orderedTo?: string | undefined;
  after?: { orderId: string; lineNo: number } | undefined;
  limit: number;
}

export type DiscrepancyRow = PurchaseOrderLineRow & { number: string; status: PurchaseOrderStatus; supplier_id: string; site_id: string; ordered_at: string | null };

/** Lines whose receipts differ from the order (the SQL twin of `discrepancyOf`), newest order first. */
export async function listDiscrepancyRows(db: Executor, filter: DiscrepancyFilter): Promise<DiscrepancyRow[]> {
  let query = db
    .selectFrom('purchase_order_lines as l')
    .innerJoin('purchase_orders as po', 'po.id', 'l.purchase_order_id')
    .selectAll('l')
    .select(['po.number as number', 'po.status as status', 'po.supplier_id as supplier_id', 'po.site_id as site_id', 'po.ordered_at as ordered_at'])
    .where((eb) => {
      const short = eb.and([eb('l.unplanned', '=', 0), eb('l.closed_at', 'is not', null), eb('l.received_quantity', '<', eb.ref('l.quantity'))]);
      const over = eb.and([eb('l.unplanned', '=', 0), eb('l.received_quantity', '>', eb.ref('l.quantity'))]);
      const unplanned = eb.and([eb('l.unplanned', '=', 1), eb('l.received_quantity', '>', 0)]);
      const kinds = { short, over, unplanned };
      return filter.kind ? kinds[filter.kind] : eb.or([short, over, unplanned]);
    });
  if (filter.supplierId) query = query.where('po.supplier_id', '=', filter.supplierId);
  if (filter.siteId) query = query.where('po.site_id', '=', filter.siteId);
  if (filter.itemId) query = query.where('l.item_id', '=', filter.itemId);
  if (filter.orderedFrom) query = query.where('po.ordered_at', '>=', filter.orderedFrom);
  if (filter.orderedTo) query = query.where('po.ordered_at', '<', filter.orderedTo);
  const after = filter.after;
  if (after) {
    query = query.where((eb) => eb.or([eb('po.id', '<', after.orderId), eb.and([eb('po.id', '=', after.orderId), eb('l.line_no', '>', after.lineNo)])]));
  }
  return query.orderBy('po.id', 'desc').orderBy('l.line_no').limit(filter.limit + 1).execute();
}
