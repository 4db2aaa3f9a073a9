import type { Executor } from '../db/schema.js';

/**
 * The guard that keeps a serial number in one place: a unit moves only from where it is, in one
 * conditional statement, so two concurrent shipments of the same unit cannot both succeed.
 */
export async function moveSerial(db: Executor, serialId: string, fromId: string, toId: string): Promise<boolean> {
  const result = await db.updateTable('serials').set({ location_id: toId }).where('id', '=', serialId).where('location_id', '=', fromId).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertMovementSerials(db: Executor, rows: Array<{ movement_id: string; serial_id: string }>): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('movement_serials').values(rows.slice(i, i + 500)).execute();
}

/** Where each serial's movements put it last (the replay the serial rows must agree with). */
export async function replaySerialLocations(db: Executor): Promise<Array<{ serial_id: string; location_id: string }>> {
  return db
    .selectFrom('movement_serials as ms')
    .innerJoin('movements as m', 'm.id', 'ms.movement_id')
    .select(['ms.serial_id', 'm.to_location_id as location_id'])
    .where(({ eb, selectFrom }) =>
      eb('m.seq', '=', selectFrom('movement_serials as ms2').innerJoin('movements as m2', 'm2.id', 'ms2.movement_id').select((e) => e.fn.max('m2.seq').as('s')).whereRef('ms2.serial_id', '=', 'ms.serial_id')),
    )
    .execute();
}

export async function listSerialPlaces(db: Executor): Promise<Array<{ id: string; item_id: string; location_id: string }>> {
  return db.selectFrom('serials').select(['id', 'item_id', 'location_id']).execute();
}
