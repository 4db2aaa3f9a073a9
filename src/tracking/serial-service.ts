import { getItem, itemRefsByIds } from '../catalog/item-service.js';
import type { Executor, SerialRow } from '../db/schema.js';
import { locationIdsWithin, locationRefsByIds } from '../locations/location-service.js';
import { toMovements } from '../operations/movement-dto.js';
import { notFound } from '../shared/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../shared/page.js';
import * as repo from './tracking-repository.js';
import type { Serial, SerialDetail } from './tracking-types.js';

/** Where each of these serial numbers of an item is now, by number (unknown numbers are left out). */
export async function serialPlaces(db: Executor, itemId: string, numbers: readonly string[]): Promise<Map<string, string>> {
  return new Map((await repo.findSerials(db, itemId, numbers)).map((s) => [s.serial_number, s.location_id]));
}

/** One serial's history lists at most this many movements. */
const MAX_HISTORY = 1000;

/** Serial numbers by item and serial number, filtered by item and by location (with everything under it). */
export async function listSerials(db: Executor, query: { item?: string | undefined; location?: string | undefined; cursor?: string | undefined; limit: number }): Promise<Page<Serial>> {
  const itemId = query.item === undefined ? undefined : (await getItem(db, query.item)).id;
  const locationIds = query.location === undefined ? undefined : await locationIdsWithin(db, query.location);
  const after = query.cursor === undefined ? undefined : decodeCursor<string>(query.cursor, 'string').split('\u0000');
  const rows = await repo.listSerialRows(db, { itemId, locationIds, afterKey: after ? { itemId: after[0] ?? '', serial: after[1] ?? '' } : undefined, limit: query.limit });
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows[pageRows.length - 1];
  return { data: await toSerials(db, pageRows), nextCursor: rows.length > query.limit && last ? encodeCursor(`${last.item_id}\u0000${last.serial_number}`) : null };
}

/** Where one unit is now, and every movement that carried it (oldest first). */
export async function getSerial(db: Executor, itemRef: string, serialNumber: string): Promise<SerialDetail> {
  const item = await getItem(db, itemRef);
  const [row] = await repo.findSerials(db, item.id, [serialNumber]);
  if (!row) throw notFound('serial', serialNumber);
  const [serial] = await toSerials(db, [row]);
  return { ...(serial as Serial), history: await toMovements(db, await repo.movementsOfSerial(db, row.id, MAX_HISTORY)) };
}

async function toSerials(db: Executor, rows: SerialRow[]): Promise<Serial[]> {
  const [items, places] = await Promise.all([itemRefsByIds(db, rows.map((r) => r.item_id)), locationRefsByIds(db, rows.map((r) => r.location_id))]);
  return rows.map((r) => {
    const place = places.get(r.location_id);
    return {
      id: r.id, item: { id: r.item_id, sku: items.get(r.item_id)?.sku ?? r.item_id }, serialNumber: r.serial_number,
      location: { id: r.location_id, code: place?.code ?? r.location_id, kind: place?.kind ?? 'virtual' }, createdAt: r.created_at,
    };
  });
}
