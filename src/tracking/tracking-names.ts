import type { Executor, MovementRow } from '../db/schema.js';
import type { MovementDraft, SerialRef } from '../ledger/movement-types.js';
import * as repo from './tracking-repository.js';

/** The lot number and serial numbers each movement carried, by movement id (nothing asked for untracked items). */
export async function trackingCarried(
  db: Executor, rows: readonly MovementRow[], trackingOf: (itemId: string) => string | undefined,
): Promise<Map<string, { lotNumber?: string; serials?: string[] }>> {
  const lotIds = rows.flatMap((r) => (r.lot_id === null ? [] : [r.lot_id]));
  const serialMovements = rows.filter((r) => r.lot_id === null && trackingOf(r.item_id) === 'serial').map((r) => r.id);
  const [lots, serials] = await Promise.all([repo.lotsByIds(db, lotIds), repo.serialsOfMovements(db, serialMovements)]);
  const numbers = new Map(lots.map((l) => [l.id, l.lot_number]));
  const result = new Map<string, { lotNumber?: string; serials?: string[] }>();
  for (const r of rows) {
    const lotNumber = r.lot_id === null ? undefined : numbers.get(r.lot_id);
    const carried = serials.get(r.id);
    if (lotNumber !== undefined || carried) result.set(r.id, { ...(lotNumber !== undefined && { lotNumber }), ...(carried && { serials: carried }) });
  }
  return result;
}

/** The serials a movement carried, as a posting moves them again (a reversal, a transfer's second leg). */
export async function serialRefsOf(db: Executor, movementId: string, path: string): Promise<SerialRef[]> {
  const rows = await repo.serialRowsOfMovement(db, movementId);
  return rows.map((r, i) => ({ id: r.id, number: r.serial_number, path: `${path}/${i}` }));
}

/** A movement's lot and serials, to post its mirror image or its continuation. */
export async function carriedBack(db: Executor, row: MovementRow, path: string): Promise<Pick<MovementDraft, 'lotId' | 'serials'> & { lotNumber?: string | undefined }> {
  const [serials, lots] = await Promise.all([serialRefsOf(db, row.id, path), repo.lotsByIds(db, row.lot_id === null ? [] : [row.lot_id])]);
  return { lotId: row.lot_id, serials: serials.length > 0 ? serials : undefined, lotNumber: lots[0]?.lot_number };
}
