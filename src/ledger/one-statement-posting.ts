import { sql, type Expression, type QueryCreator, type RawBuilder } from 'kysely';
import type { EventInsert } from '../db/outbox.js';
import { preparedQuery } from '../db/prepared.js';
import type { Executor, MovementRow, Schema } from '../db/schema.js';
import type { MovementDraft } from './movement-types.js';

type MovementValues = Omit<MovementRow, 'seq'>;
type Values = MovementValues & { negative_quantity: number; event_id: string; event_type: string; event_payload: string } & Record<string, unknown>;

/** How stock leaves the `from` location: guarded by what is available, by what is reserved, or unguarded. */
type Debit = 'available' | 'reserved' | 'unguarded';

const MOVEMENT_COLUMNS = [
  'id', 'posting_id', 'item_id', 'quantity', 'from_location_id', 'to_location_id', 'kind', 'unit_cost', 'reason_code', 'document_type',
  'document_id', 'reference', 'reverses_id', 'actor', 'actor_name', 'occurred_at', 'recorded_at', 'idempotency_key', 'note',
] as const satisfies ReadonlyArray<keyof MovementValues>;
const BIGINT_COLUMNS = new Set<string>(['quantity', 'unit_cost']);

const statements: Record<Debit, ReturnType<typeof build>> = {
  available: build('available'),
  reserved: build('reserved'),
  unguarded: build('unguarded'),
};

/**
 * PostgreSQL only: debit, credit, the movement row and its outbox event of ONE movement in a
 * single statement, so posting costs one round trip instead of four (round trips are most of a
 * single posting's time on PostgreSQL). The credit, the movement row and the event are written only
 * if the debit took, so a debit refused for lack of stock writes nothing. The event is stamped with
 * the movement's recorded_at. Returns the movement's sequence number, or undefined when the debit
 * was refused. The rules are those of `postMovements`, which calls this.
 */
export async function postOneInOneStatement(db: Executor, draft: MovementDraft, row: MovementValues, event: EventInsert): Promise<number | undefined> {
  const debit: Debit = draft.fromReserved ? 'reserved' : draft.from.mayGoNegative ? 'unguarded' : 'available';
  const result = await statements[debit](db, {
    ...row, negative_quantity: -row.quantity, event_id: event.id, event_type: event.type, event_payload: event.payload,
  });
  const seq = result.rows[0]?.seq;
  return seq === undefined ? undefined : Number(seq);
}

function build(debit: Debit) {
  const params = [...MOVEMENT_COLUMNS, 'event_id', 'event_type', 'event_payload', ...(debit === 'unguarded' ? ['negative_quantity'] : [])] as const;
  return preparedQuery<Values, { seq: number }>(params, (db, p) =>
    db
      .with('debited', (w) => debitQuery(w, debit, p))
      .with('credited', (w) =>
        w
          .insertInto('balances')
          .columns(['item_id', 'location_id', 'on_hand', 'reserved'])
          .expression((eb) =>
            eb.selectFrom('debited').select([
              typed(p.item_id, 'text').as('item_id'), typed(p.to_location_id, 'text').as('location_id'),
              typed(p.quantity, 'bigint').as('on_hand'), sql<number>`0`.as('reserved'),
            ]),
          )
          .onConflict((oc) => oc.columns(['item_id', 'location_id']).doUpdateSet({ on_hand: sql`balances.on_hand + excluded.on_hand` }))
          .returning('item_id'),
      )
      .with('moved', (w) =>
        w
          .insertInto('movements')
          .columns([...MOVEMENT_COLUMNS])
          .expression((eb) =>
            eb
              .selectFrom('credited')
              .select(MOVEMENT_COLUMNS.map((column) => typed(p[column], BIGINT_COLUMNS.has(column) ? 'bigint' : 'text').as(column))),
          )
          .returning('seq'),
      )
      // Not referenced below: PostgreSQL runs every data-modifying CTE all the same.
      .with('announced', (w) =>
        w
          .insertInto('events')
          .columns(['id', 'type', 'payload', 'created_at'])
          .expression((eb) =>
            eb.selectFrom('moved').select([
              typed(p.event_id, 'text').as('id'), typed(p.event_type, 'text').as('type'),
              typed(p.event_payload, 'text').as('payload'), typed(p.recorded_at, 'text').as('created_at'),
            ]),
          ),
      )
      .selectFrom('moved')
      .select('seq'),
  );
}

function debitQuery(w: QueryCreator<Schema>, debit: Debit, p: Values) {
  if (debit === 'unguarded') {
    return w
      .insertInto('balances')
      .values({ item_id: p.item_id, location_id: p.from_location_id, on_hand: p.negative_quantity, reserved: 0 })
      .onConflict((oc) => oc.columns(['item_id', 'location_id']).doUpdateSet({ on_hand: sql`balances.on_hand + excluded.on_hand` }))
      .returning('item_id');
  }
  const update = w.updateTable('balances').where('item_id', '=', p.item_id).where('location_id', '=', p.from_location_id);
  if (debit === 'reserved') {
    return update
      .set({ on_hand: sql`on_hand - ${p.quantity}`, reserved: sql`reserved - ${p.quantity}` })
      .where('reserved', '>=', p.quantity)
      .where('on_hand', '>=', p.quantity)
      .returning('item_id');
  }
  return update.set({ on_hand: sql`on_hand - ${p.quantity}` }).where(sql<boolean>`on_hand - reserved >= ${p.quantity}`).returning('item_id');
}

/** A parameter selected as a value needs its type spelled out: PostgreSQL cannot infer it from a select list. */
function typed(value: unknown, type: 'text' | 'bigint'): RawBuilder<unknown> & Expression<unknown> {
  return type === 'text' ? sql`cast(${value} as text)` : sql`cast(${value} as bigint)`;
}
