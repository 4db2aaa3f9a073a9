import type { Executor, PurchaseReceiptLineRow, PurchaseReceiptRow } from '../db/schema.js';

export async function insertReceipt(db: Executor, receipt: PurchaseReceiptRow, lines: PurchaseReceiptLineRow[]): Promise<void> {
  await db.insertInto('purchase_receipts').values(receipt).execute();
  await db.insertInto('purchase_receipt_lines').values(lines).execute();
}

export async function findReceipt(db: Executor, id: string): Promise<PurchaseReceiptRow | undefined> {
  return db.selectFrom('purchase_receipts').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An order's receipts and returns, oldest first, paged by id (ULIDs sort in creation order). */
export async function listReceiptRows(db: Executor, filter: { orderId: string; afterId?: string | undefined; limit: number }): Promise<PurchaseReceiptRow[]> {
  let query = db.selectFrom('purchase_receipts').selectAll().where('purchase_order_id', '=', filter.orderId);
  if (filter.afterId !== undefined) query = query.where('id', '>', filter.afterId);
  return query.orderBy('id').limit(filter.limit + 1).execute();
}

export async function receiptLinesOf(db: Executor, receiptIds: readonly string[]): Promise<PurchaseReceiptLineRow[]> {
  if (receiptIds.length === 0) return [];
  return db.selectFrom('purchase_receipt_lines').selectAll().where('receipt_id', 'in', [...receiptIds]).orderBy('receipt_id').orderBy('line_no').execute();
}
