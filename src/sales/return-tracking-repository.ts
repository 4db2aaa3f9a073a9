import type { Executor, ReturnLineSerialsTable } from '../db/schema.js';

/**
 * The SQL behind returns of lot- and serial-tracked items: what an order's movements carried,
 * which serials returns claim, and what each return step moved (read from its movement, which
 * is the one record of the lot and serials).
 */

const CUSTOMER = 'customer';
const OPEN: Array<'authorised' | 'partially_received' | 'received'> = ['authorised', 'partially_received', 'received'];

export interface OrderFlowRow {
  id: string;
  item_id: string;
  lot_id: string | null;
  quantity: number;
  to_customer: boolean;
}

/** The movements of a sales order's document for these items that went to the customer or came back from it (reversals). */
export async function orderFlows(db: Executor, orderId: string, itemIds: readonly string[]): Promise<OrderFlowRow[]> {
  if (itemIds.length === 0) return [];
  const rows = await db
    .selectFrom('movements')
    .select(['id', 'item_id', 'lot_id', 'quantity', 'to_location_id'])
    .where('document_type', '=', 'sales_order')
    .where('document_id', '=', orderId)
    .where('item_id', 'in', [...new Set(itemIds)])
    .where((eb) => eb.or([eb('to_location_id', '=', CUSTOMER), eb('from_location_id', '=', CUSTOMER)]))
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ id: r.id, item_id: r.item_id, lot_id: r.lot_id, quantity: Number(r.quantity), to_customer: r.to_location_id === CUSTOMER }));
}

export async function insertLineSerials(db: Executor, rows: ReadonlyArray<ReturnLineSerialsTable>): Promise<void> {
  if (rows.length > 0) await db.insertInto('return_line_serials').values([...rows]).execute();
}

/** The serials authorised on these return lines, by serial number. */
export async function serialsOfLines(db: Executor, lineIds: readonly string[]): Promise<Array<{ line_id: string; serial_id: string; serial_number: string }>> {
  if (lineIds.length === 0) return [];
  return db
    .selectFrom('return_line_serials as rls')
    .innerJoin('serials as s', 's.id', 'rls.serial_id')
    .select(['rls.line_id', 'rls.serial_id', 's.serial_number'])
    .where('rls.line_id', 'in', [...new Set(lineIds)])
    .orderBy('rls.line_id')
    .orderBy('s.serial_number')
    .execute();
}

/**
 * Serials authorised on an open return (other than `exceptReturnId`) that have not arrived on it
 * yet: the customer still owes them to that return, so no other return may claim them.
 */
export async function openClaims(db: Executor, serialIds: readonly string[], exceptReturnId?: string): Promise<Array<{ serial_id: string; number: string }>> {
  if (serialIds.length === 0) return [];
  let query = db
    .selectFrom('return_line_serials as rls')
    .innerJoin('return_lines as l', 'l.id', 'rls.line_id')
    .innerJoin('returns as r', 'r.id', 'l.return_id')
    .select(['rls.serial_id', 'r.number'])
    .where('rls.serial_id', 'in', [...new Set(serialIds)])
    .where('r.status', 'in', OPEN)
    .where((eb) => eb.not(eb.exists(
      eb.selectFrom('return_entries as e').innerJoin('movement_serials as ms', 'ms.movement_id', 'e.movement_id').select('e.id')
        .whereRef('e.line_id', '=', 'l.id').whereRef('ms.serial_id', '=', 'rls.serial_id').where('e.action', '=', 'receipt'),
    )));
  if (exceptReturnId !== undefined) query = query.where('r.id', '<>', exceptReturnId);
  return query.execute();
}

/** Serials that already came back on a return of this order (received into quality control). */
export async function receivedAgainstOrder(db: Executor, orderId: string, serialIds: readonly string[]): Promise<Array<{ serial_id: string; number: string }>> {
  if (serialIds.length === 0) return [];
  return db
    .selectFrom('return_entries as e')
    .innerJoin('returns as r', 'r.id', 'e.return_id')
    .innerJoin('movement_serials as ms', 'ms.movement_id', 'e.movement_id')
    .select(['ms.serial_id', 'r.number'])
    .where('r.sales_order_id', '=', orderId)
    .where('e.action', '=', 'receipt')
    .where('ms.serial_id', 'in', [...new Set(serialIds)])
    .execute();
}

/** What each step of a return moved: the lot of its movement and its serial numbers, by entry id. */
export async function entryTracking(db: Executor, returnId: string): Promise<{ lots: Map<string, string | null>; serials: Map<string, string[]> }> {
  const [lots, serials] = await Promise.all([
    db.selectFrom('return_entries as e').innerJoin('movements as m', 'm.id', 'e.movement_id').select(['e.id', 'm.lot_id']).where('e.return_id', '=', returnId).execute(),
    db.selectFrom('return_entries as e').innerJoin('movement_serials as ms', 'ms.movement_id', 'e.movement_id').innerJoin('serials as s', 's.id', 'ms.serial_id')
      .select(['e.id', 's.serial_number']).where('e.return_id', '=', returnId).orderBy('s.serial_number').execute(),
  ]);
  const byEntry = new Map<string, string[]>();
  for (const s of serials) byEntry.set(s.id, [...(byEntry.get(s.id) ?? []), s.serial_number]);
  return { lots: new Map(lots.map((l) => [l.id, l.lot_id])), serials: byEntry };
}
