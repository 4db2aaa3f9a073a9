import type { Executor, TransferLineRow, TransferRow, TransferStatus } from '../db/schema.js';

export async function insertTransfer(db: Executor, transfer: TransferRow, lines: TransferLineRow[]): Promise<void> {
  await db.insertInto('transfers').values(transfer).execute();
  await db.insertInto('transfer_lines').values(lines).execute();
}

export async function findTransfer(db: Executor, id: string): Promise<{ transfer: TransferRow; lines: TransferLineRow[] } | undefined> {
  const transfer = await db.selectFrom('transfers').selectAll().where('id', '=', id).executeTakeFirst();
  if (!transfer) return undefined;
  const lines = await db.selectFrom('transfer_lines').selectAll().where('transfer_id', '=', id).orderBy('line_no').execute();
  return { transfer, lines };
}

/** Moves a transfer out of `in_transit`; false when another request closed it first. */
export async function closeTransfer(db: Executor, id: string, status: Exclude<TransferStatus, 'in_transit'>, at: string): Promise<boolean> {
  const result = await db.updateTable('transfers').set({ status, closed_at: at }).where('id', '=', id).where('status', '=', 'in_transit').executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listTransferRows(db: Executor, filter: { status?: TransferStatus | undefined; locationIds?: string[] | undefined; beforeId?: string | undefined; limit: number }): Promise<TransferRow[]> {
  let query = db.selectFrom('transfers').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  const ids = filter.locationIds;
  if (ids) query = query.where((eb) => eb.or([eb('from_location_id', 'in', ids), eb('to_location_id', 'in', ids)]));
  if (filter.beforeId) query = query.where('id', '<', filter.beforeId);
  return query.orderBy('id', 'desc').limit(filter.limit + 1).execute();
}

export async function listLinesOf(db: Executor, transferIds: string[]): Promise<TransferLineRow[]> {
  if (transferIds.length === 0) return [];
  return db.selectFrom('transfer_lines').selectAll().where('transfer_id', 'in', transferIds).orderBy('line_no').execute();
}

/** Quantities on their way, per item × destination: lines of transfers still in transit. */
export async function sumInTransit(db: Executor, filter: { itemIds?: readonly string[] | undefined }): Promise<Array<{ item_id: string; location_id: string; quantity: number }>> {
  let query = db
    .selectFrom('transfer_lines')
    .innerJoin('transfers', 'transfers.id', 'transfer_lines.transfer_id')
    .select(['transfer_lines.item_id as item_id', 'transfers.to_location_id as location_id', (eb) => eb.cast<number>(eb.fn.sum('transfer_lines.quantity'), 'bigint').as('quantity')])
    .where('transfers.status', '=', 'in_transit');
  if (filter.itemIds) query = query.where('transfer_lines.item_id', 'in', filter.itemIds.length ? filter.itemIds : ['']);
  return query.groupBy(['transfer_lines.item_id', 'transfers.to_location_id']).execute();
}
