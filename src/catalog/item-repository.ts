import type { Insertable, Updateable } from 'kysely';
import { preparedByCount } from '../db/prepared.js';
import type { Executor, ItemRow, ItemsTable } from '../db/schema.js';

export async function insertItem(db: Executor, row: Insertable<ItemsTable>): Promise<void> {
  await db.insertInto('items').values(row).execute();
}

export async function updateItemRow(db: Executor, id: string, changes: Updateable<ItemsTable>): Promise<void> {
  await db.updateTable('items').set(changes).where('id', '=', id).execute();
}

/** Finds an item by id or, failing that, by SKU. */
export async function findItemByRef(db: Executor, ref: string): Promise<ItemRow | undefined> {
  const rows = await db.selectFrom('items').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('sku', '=', ref)])).execute();
  return rows.find((r) => r.id === ref) ?? rows[0];
}

const itemsByRefs = preparedByCount<ItemRow>(8, (db, refs) =>
  db.selectFrom('items').selectAll().where((eb) => eb.or([eb('id', 'in', refs), eb('sku', 'in', refs)])),
);

export async function findItemsByRefs(db: Executor, refs: readonly string[]): Promise<ItemRow[]> {
  if (refs.length === 0) return [];
  return (await itemsByRefs(db, refs)).rows;
}

export async function findItemsByIds(db: Executor, ids: readonly string[]): Promise<ItemRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('items').selectAll().where('id', 'in', ids).execute();
}

export interface ItemFilter {
  search?: string | undefined;
  category?: string | undefined;
  includeArchived?: boolean | undefined;
  afterSku?: string | undefined;
  limit: number;
}

/** Items ordered by SKU; `search` matches SKU, name or barcode, case-insensitively on both databases. */
export async function listItemRows(db: Executor, filter: ItemFilter): Promise<ItemRow[]> {
  let query = db.selectFrom('items').selectAll();
  if (filter.search) {
    const pattern = `%${filter.search.toLowerCase()}%`;
    const exact = filter.search;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['sku']), 'like', pattern),
        eb(eb.fn('lower', ['name']), 'like', pattern),
        eb('id', 'in', eb.selectFrom('item_barcodes').select('item_id').where('code', 'in', [exact, exact.padStart(14, '0')])),
      ]),
    );
  }
  if (filter.category) query = query.where('category', '=', filter.category);
  if (!filter.includeArchived) query = query.where('archived_at', 'is', null);
  if (filter.afterSku !== undefined) query = query.where('sku', '>', filter.afterSku);
  return query.orderBy('sku').limit(filter.limit + 1).execute();
}

export async function listBarcodes(db: Executor, itemIds: readonly string[]) {
  if (itemIds.length === 0) return [];
  return db.selectFrom('item_barcodes').selectAll().where('item_id', 'in', itemIds).orderBy('created_at').execute();
}

export async function insertBarcode(db: Executor, row: { code: string; item_id: string; kind: string; created_at: string }): Promise<void> {
  await db.insertInto('item_barcodes').values(row).execute();
}

export async function deleteBarcode(db: Executor, itemId: string, code: string): Promise<number> {
  const result = await db.deleteFrom('item_barcodes').where('item_id', '=', itemId).where('code', '=', code).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findBarcode(db: Executor, codes: readonly string[]) {
  return db.selectFrom('item_barcodes').selectAll().where('code', 'in', codes).executeTakeFirst();
}

export async function listCategories(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('items').select('category').distinct().where('category', 'is not', null).orderBy('category').execute();
  return rows.map((r) => r.category).filter((c): c is string => c !== null);
}
