import { sql, type QueryCreator } from 'kysely';
import { noteAppended, type EventInsert } from '../db/outbox.js';
import { preparedQuery } from '../db/prepared.js';
import type { AuditRow, Executor, ReservationRow, Schema } from '../db/schema.js';

/**
 * PostgreSQL only: holds of one item at one location (one, or several that arrived together)
 * taken, recorded, audited and announced in ONE autocommitted statement,
 * so the contended balance row is locked for a single statement (as in a bare conditional UPDATE)
 * instead of until a later COMMIT round trip. The location must still be sellable and the item and
 * location not archived at that moment. Each audit row is the `reservation.created` entry of the
 * reservation's actor; each event is stamped with its reservation's created_at.
 */

/** The audit row of a hold, written by the same statement (its actor is the reservation's). */
export type HoldAudit = Pick<AuditRow, 'id' | 'actor_name' | 'details' | 'at'>;

/** One hold ready to write: its reservation row, audit row and outbox event. */
export interface HoldToWrite {
  row: ReservationRow;
  audit: HoldAudit;
  event: EventInsert;
}

/**
 * The conditional update the statement starts with: takes `quantity` into reserved if that much
 * is available and the location is still sellable and the item and location not archived.
 */
function takeForHolds(w: QueryCreator<Schema>, itemId: string, locationId: string, quantity: number) {
  return w
    .updateTable('balances')
    .set({ reserved: sql`reserved + ${quantity}` })
    .where('item_id', '=', itemId)
    .where('location_id', '=', locationId)
    .where(sql<boolean>`on_hand - reserved >= ${quantity}`)
    .where((eb) => eb.exists(eb.selectFrom('locations').select('id').where('id', '=', locationId).where('sellable', '=', 1).where('archived_at', 'is', null)))
    .where((eb) => eb.exists(eb.selectFrom('items').select('id').where('id', '=', itemId).where('archived_at', 'is', null)))
    .returning('item_id');
}

/** Per-hold values of a batch, one array each, in the same order (zipped back by `unnest`). */
type BatchValues = {
  item_id: string; location_id: string; total: number;
  ids: string[]; quantities: number[]; expires: Array<string | null>; refs: Array<string | null>; actors: string[]; created: string[];
  audit_ids: string[]; audit_names: string[]; audit_details: Array<string | null>; audit_at: string[];
  event_ids: string[]; event_types: string[]; event_payloads: string[];
};

const batchParams = [
  'item_id', 'location_id', 'total', 'ids', 'quantities', 'expires', 'refs', 'actors', 'created',
  'audit_ids', 'audit_names', 'audit_details', 'audit_at', 'event_ids', 'event_types', 'event_payloads',
] as const;

const batchStatement = preparedQuery<BatchValues, { n: number }>(batchParams, (db, p) =>
  db
    .with('taken', (w) => takeForHolds(w, p.item_id, p.location_id, p.total))
    .with('req', (w) =>
      w.selectNoFrom([
        sql<string>`unnest(cast(${p.ids} as text[]))`.as('id'), sql<number>`unnest(cast(${p.quantities} as bigint[]))`.as('quantity'),
        sql<string | null>`unnest(cast(${p.expires} as text[]))`.as('expires_at'), sql<string | null>`unnest(cast(${p.refs} as text[]))`.as('reference'),
        sql<string>`unnest(cast(${p.actors} as text[]))`.as('actor'), sql<string>`unnest(cast(${p.created} as text[]))`.as('created_at'),
        sql<string>`unnest(cast(${p.audit_ids} as text[]))`.as('audit_id'), sql<string>`unnest(cast(${p.audit_names} as text[]))`.as('actor_name'),
        sql<string | null>`unnest(cast(${p.audit_details} as text[]))`.as('details'), sql<string>`unnest(cast(${p.audit_at} as text[]))`.as('audit_at'),
        sql<string>`unnest(cast(${p.event_ids} as text[]))`.as('event_id'), sql<string>`unnest(cast(${p.event_types} as text[]))`.as('event_type'),
        sql<string>`unnest(cast(${p.event_payloads} as text[]))`.as('payload'),
      ]),
    )
    .with('held', (w) =>
      w
        .insertInto('reservations')
        .columns(['id', 'item_id', 'location_id', 'quantity', 'status', 'expires_at', 'reference', 'actor', 'created_at'])
        .expression((eb) =>
          eb.selectFrom(['req', 'taken']).select([
            'req.id', sql<string>`cast(${p.item_id} as text)`.as('item_id'), sql<string>`cast(${p.location_id} as text)`.as('location_id'),
            'req.quantity', sql<string>`'active'`.as('status'), 'req.expires_at', 'req.reference', 'req.actor', 'req.created_at',
          ]),
        )
        .returning('id'),
    )
    .with('audited', (w) =>
      w
        .insertInto('audit_log')
        .columns(['id', 'actor', 'actor_name', 'action', 'entity_type', 'entity_id', 'details', 'at'])
        .expression((eb) =>
          eb.selectFrom('req').innerJoin('held', 'held.id', 'req.id').select([
            'req.audit_id', 'req.actor', 'req.actor_name', sql<string>`'reservation.created'`.as('action'),
            sql<string>`'reservation'`.as('entity_type'), 'held.id as entity_id', 'req.details', 'req.audit_at',
          ]),
        ),
    )
    .with('announced', (w) =>
      w
        .insertInto('events')
        .columns(['id', 'type', 'payload', 'created_at'])
        .expression((eb) => eb.selectFrom('req').innerJoin('held', 'held.id', 'req.id').select(['req.event_id', 'req.event_type', 'req.payload', 'req.created_at'])),
    )
    .selectFrom('held')
    .select((eb) => eb.fn.countAll<number>().as('n')),
);

/**
 * Takes holds of ONE item at ONE location together, all or none: the stock is taken once for
 * their sum, then every reservation, audit row and event is written, in the same statement. The
 * per-hold values travel as arrays, so one prepared statement serves any number of holds.
 * Returns whether they took; when they did not (not enough for all of them, or the location or
 * item changed), nothing was written.
 */
export async function holdsInOneStatement(db: Executor, holds: readonly HoldToWrite[]): Promise<boolean> {
  const first = holds[0];
  if (!first) return true;
  const rows = holds.map((h) => h.row);
  const result = await batchStatement(db, {
    item_id: first.row.item_id, location_id: first.row.location_id, total: rows.reduce((sum, r) => sum + r.quantity, 0),
    ids: rows.map((r) => r.id), quantities: rows.map((r) => r.quantity), expires: rows.map((r) => r.expires_at), refs: rows.map((r) => r.reference),
    actors: rows.map((r) => r.actor), created: rows.map((r) => r.created_at),
    audit_ids: holds.map((h) => h.audit.id), audit_names: holds.map((h) => h.audit.actor_name), audit_details: holds.map((h) => h.audit.details),
    audit_at: holds.map((h) => h.audit.at),
    event_ids: holds.map((h) => h.event.id), event_types: holds.map((h) => h.event.type), event_payloads: holds.map((h) => h.event.payload),
  });
  const took = Number(result.rows[0]?.n) === holds.length;
  if (took) noteAppended(db);
  return took;
}
