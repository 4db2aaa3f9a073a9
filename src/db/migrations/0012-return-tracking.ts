import type { Kysely, Migration } from 'kysely';

type AnyDb = Kysely<unknown>;

/**
 * Returns of lot- and serial-tracked items. A return line of a lot-tracked item names the one lot
 * that comes back (`return_lines.lot_id`); a line of a serial-tracked item may list the serials
 * authorised to come back (`return_line_serials`), so two returns cannot both take one unit.
 * What each receipt, restock or scrap moved needs no copy: its movement names the lot and serials.
 */
export const returnTrackingMigration = (): Migration => ({
  async up(db: AnyDb) {
    await db.schema.alterTable('return_lines').addColumn('lot_id', 'text', (c) => c.references('lots.id')).execute();

    await db.schema
      .createTable('return_line_serials')
      .addColumn('line_id', 'text', (c) => c.notNull().references('return_lines.id'))
      .addColumn('serial_id', 'text', (c) => c.notNull().references('serials.id'))
      .addPrimaryKeyConstraint('return_line_serials_pk', ['line_id', 'serial_id'])
      .execute();
    await db.schema.createIndex('return_line_serials_serial_idx').on('return_line_serials').columns(['serial_id', 'line_id']).execute();
  },
});
