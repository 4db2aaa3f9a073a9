import type { Insertable, Updateable } from 'kysely';
import type { Executor, SupplierItemPriceRow, SupplierItemRow, SupplierItemsTable, SupplierRow, SuppliersTable } from '../db/schema.js';

export async function insertSupplier(db: Executor, row: Insertable<SuppliersTable>): Promise<void> {
  await db.insertInto('suppliers').values(row).execute();
}

export async function updateSupplierRow(db: Executor, id: string, changes: Updateable<SuppliersTable>): Promise<void> {
  await db.updateTable('suppliers').set(changes).where('id', '=', id).execute();
}

/** Finds a supplier by id or, failing that, by code. */
export async function findSupplierByRef(db: Executor, ref: string): Promise<SupplierRow | undefined> {
  const rows = await db.selectFrom('suppliers').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('code', '=', ref)])).execute();
  return rows.find((r) => r.id === ref) ?? rows[0];
}

export async function findSuppliersByIds(db: Executor, ids: readonly string[]): Promise<SupplierRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('suppliers').selectAll().where('id', 'in', [...new Set(ids)]).execute();
}

export interface SupplierFilter {
  search?: string | undefined;
  includeArchived?: boolean | undefined;
  afterCode?: string | undefined;
  limit: number;
}

/** Suppliers ordered by code; `search` matches code or name, case-insensitively on both databases. */
export async function listSupplierRows(db: Executor, filter: SupplierFilter): Promise<SupplierRow[]> {
  let query = db.selectFrom('suppliers').selectAll();
  if (filter.search) {
    const pattern = `%${filter.search.toLowerCase()}%`;
    query = query.where((eb) => eb.or([eb(eb.fn('lower', ['code']), 'like', pattern), eb(eb.fn('lower', ['name']), 'like', pattern)]));
  }
  if (!filter.includeArchived) query = query.where('archived_at', 'is', null);
  if (filter.afterCode !== undefined) query = query.where('code', '>', filter.afterCode);
  return query.orderBy('code').limit(filter.limit + 1).execute();
}

export async function findTerms(db: Executor, supplierId: string, itemId: string): Promise<SupplierItemRow | undefined> {
  return db.selectFrom('supplier_items').selectAll().where('supplier_id', '=', supplierId).where('item_id', '=', itemId).executeTakeFirst();
}

/** Terms of one supplier for several items (to price the lines of an order). */
export async function findTermsForItems(db: Executor, supplierId: string, itemIds: readonly string[]): Promise<SupplierItemRow[]> {
  if (itemIds.length === 0) return [];
  return db.selectFrom('supplier_items').selectAll().where('supplier_id', '=', supplierId).where('item_id', 'in', [...new Set(itemIds)]).execute();
}

/** Every supplier's terms for several items (to choose among suppliers). */
export async function findTermsOfItems(db: Executor, itemIds: readonly string[]): Promise<SupplierItemRow[]> {
  if (itemIds.length === 0) return [];
  return db.selectFrom('supplier_items').selectAll().where('item_id', 'in', [...new Set(itemIds)]).orderBy('item_id').orderBy('supplier_id').execute();
}

export async function insertTerms(db: Executor, row: Insertable<SupplierItemsTable>): Promise<void> {
  await db.insertInto('supplier_items').values(row).execute();
}

export async function updateTerms(db: Executor, supplierId: string, itemId: string, changes: Updateable<SupplierItemsTable>): Promise<void> {
  await db.updateTable('supplier_items').set(changes).where('supplier_id', '=', supplierId).where('item_id', '=', itemId).execute();
}

export async function deleteTerms(db: Executor, supplierId: string, itemId: string): Promise<void> {
  await db.deleteFrom('supplier_item_prices').where('supplier_id', '=', supplierId).where('item_id', '=', itemId).execute();
  await db.deleteFrom('supplier_items').where('supplier_id', '=', supplierId).where('item_id', '=', itemId).execute();
}

/** Takes the preferred flag off every other supplier of the item, so the one being marked can hold it. */
export async function clearPreferred(db: Executor, itemId: string, exceptSupplierId: string): Promise<void> {
  await db.updateTable('supplier_items').set({ preferred: 0 }).where('item_id', '=', itemId).where('supplier_id', '<>', exceptSupplierId).where('preferred', '=', 1).execute();
}

export async function replacePrices(db: Executor, supplierId: string, itemId: string, breaks: ReadonlyArray<{ minQuantity: number; unitPrice: number }>): Promise<void> {
  await db.deleteFrom('supplier_item_prices').where('supplier_id', '=', supplierId).where('item_id', '=', itemId).execute();
  if (breaks.length === 0) return;
  await db
    .insertInto('supplier_item_prices')
    .values(breaks.map((b) => ({ supplier_id: supplierId, item_id: itemId, min_quantity: b.minQuantity, unit_price: b.unitPrice })))
    .execute();
}

/** Price breaks of several supplier × item pairs, in ascending quantity. */
export async function listPrices(db: Executor, pairs: ReadonlyArray<{ supplierId: string; itemId: string }>): Promise<SupplierItemPriceRow[]> {
  if (pairs.length === 0) return [];
  const supplierIds = [...new Set(pairs.map((p) => p.supplierId))];
  const itemIds = [...new Set(pairs.map((p) => p.itemId))];
  const rows = await db
    .selectFrom('supplier_item_prices')
    .selectAll()
    .where('supplier_id', 'in', supplierIds)
    .where('item_id', 'in', itemIds)
    .orderBy('min_quantity')
    .execute();
  const wanted = new Set(pairs.map((p) => `${p.supplierId}\u0000${p.itemId}`));
  return rows.filter((r) => wanted.has(`${r.supplier_id}\u0000${r.item_id}`));
}

export interface TermsFilter {
  supplierId?: string | undefined;
  itemId?: string | undefined;
  /** The other half of the key of the last row of the previous page. */
  after?: string | undefined;
  limit: number;
}

/** One supplier's items (ordered by item id) or one item's suppliers (preferred first, then by supplier id). */
export async function listTermsRows(db: Executor, filter: TermsFilter): Promise<SupplierItemRow[]> {
  let query = db.selectFrom('supplier_items').selectAll();
  if (filter.supplierId !== undefined) {
    query = query.where('supplier_id', '=', filter.supplierId);
    if (filter.after !== undefined) query = query.where('item_id', '>', filter.after);
    return query.orderBy('item_id').limit(filter.limit + 1).execute();
  }
  query = query.where('item_id', '=', filter.itemId ?? '');
  if (filter.after !== undefined) {
    const [preferred, supplierId] = splitTermsCursor(filter.after);
    query = query.where((eb) => eb.or([eb('preferred', '<', preferred), eb.and([eb('preferred', '=', preferred), eb('supplier_id', '>', supplierId)])]));
  }
  return query.orderBy('preferred', 'desc').orderBy('supplier_id').limit(filter.limit + 1).execute();
}

export function termsCursorOf(row: SupplierItemRow): string {
  return `${row.preferred}\u0000${row.supplier_id}`;
}

function splitTermsCursor(cursor: string): [number, string] {
  const [preferred = '0', supplierId = ''] = cursor.split('\u0000');
  return [Number(preferred) === 1 ? 1 : 0, supplierId];
}
