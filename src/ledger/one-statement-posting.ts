import { sql, type Expression, type QueryCreator, type RawBuilder } from 'kysely';
import type { EventInsert } from '../db/outbox.js';
import { preparedQuery } from '../db/prepared.js';
import type { AuditRow, Executor, MovementRow, Schema } from '../db/schema.js';
import type { MovementDraft } from './movement-types.js';

type MovementValues = Omit<MovementRow, 'seq'>;
type Values = MovementValues & { negative_quantity: number; event_id: string; event_type: string; event_payload: string } & Partial<AuditValues> & Record<string, unknown>;

/** The audit row of an autocommitted posting, written by the same statement (its actor is the movement's). */
export type PostingAudit = Pick<AuditRow, 'id' | 'actor_name' | 'action' | 'entity_type' | 'entity_id' | 'details' | 'at'>;
type AuditValues = { [K in keyof PostingAudit as `audit_${K}`]: PostingAudit[K] };
const AUDIT_PARAMS = ['audit_id', 'audit_actor_name', 'audit_action', 'audit_entity_type', 'audit_entity_id', 'audit_details', 'audit_at'] as const;

/** How stock leaves the `from` location: guarded by what is available, by what is reserved, or unguarded. */
type Debit = 'available' | 'reserved' | 'unguarded';

const MOVEMENT_COLUMNS = [
  'id', 'posting_id', 'item_id', 'quantity', 'from_location_id', 'to_location_id', 'kind', 'unit_cost', 'reason_code', 'document_type',
  'document_id', 'reference', 'reverses_id', 'actor', 'actor_name', 'occurred_at', 'recorded_at', 'idempotency_key', 'note',
] as const satisfies ReadonlyArray<keyof MovementValues>;
const BIGINT_COLUMNS = new Set<string>(['quantity', 'unit_cost']);

const statements: Record<Debit, ReturnType<typeof build>> = {
  available: build('available', false),
  reserved: build('reserved', false),
  unguarded: build('unguarded', false),
};
/** With the audit row: for a posting that is its own transaction (autocommitted, see posting.ts). */
const auditedStatements: Record<Debit, ReturnType<typeof build>> = {
  available: build('available', true),
  reserved: build('reserved', true),
  unguarded: build('unguarded', true),
};

/**
 * PostgreSQL only: debit, credit, the movement row and its outbox event of ONE movement in a
 * single statement, so posting costs one round trip instead of four (round trips are most of a
 * single posting's time on PostgreSQL). The credit, the movement row and the event are written only
 * if the debit took, so a debit refused for lack of stock writes nothing. The event is stamped with
 * the movement's recorded_at. Returns the movement's sequence number, or undefined when the debit
 * was refused. The rules are those of `postMovements`, which calls this. With `audit`, the
 * statement also writes the posting's audit row (only if the debit took), so an autocommitted
 * statement is the whole command.
 */
export async function postOneInOneStatement(db: Executor, draft: MovementDraft, row: MovementValues, event: EventInsert, audit?: PostingAudit): Promise<number | undefined> {
  const debit: Debit = draft.fromReserved ? 'reserved' : draft.from.mayGoNegative ? 'unguarded' : 'available';
  const result = await (audit ? auditedStatements : statements)[debit](db, {
    ...row, negative_quantity: -row.quantity, event_id: event.id, event_type: event.type, event_payload: event.payload, ...(audit && auditParams(audit)),
  });
  const seq = result.rows[0]?.seq;
  return seq === undefined ? undefined : Number(seq);
}

function auditParams(audit: PostingAudit): AuditValues {
  return {
    audit_id: audit.id, audit_actor_name: audit.actor_name, audit_action: audit.action, audit_entity_type: audit.entity_type,
    audit_entity_id: audit.entity_id, audit_details: audit.details, audit_at: audit.at,
  };
}

function build(debit: Debit, audited: boolean) {
  const params = [...MOVEMENT_COLUMNS, 'event_id', 'event_type', 'event_payload', ...(debit === 'unguarded' ? ['negative_quantity'] : []), ...(audited ? AUDIT_PARAMS : [])] as const;
  return preparedQuery<Values, { seq: number }>(params, (db, p) => {
    const posting = db
      // Both balance rows, locked in location order before either is changed (see LOCKED_FIRST).
      .with('locked', (w) =>
        w.selectFrom('balances').select('location_id').where('item_id', '=', p.item_id)
          .where('location_id', 'in', [p.from_location_id, p.to_location_id]).orderBy('location_id').forUpdate())
      .with('debited', (w) => debitQuery(w, debit, p, audited))
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
      );
    if (!audited) return posting.selectFrom('moved').select('seq');
    return posting
      .with('audited', (w) =>
        w
          .insertInto('audit_log')
          .columns(['id', 'actor', 'actor_name', 'action', 'entity_type', 'entity_id', 'details', 'at'])
          .expression((eb) =>
            eb.selectFrom('moved').select([
              typed(p.audit_id, 'text').as('id'), typed(p.actor, 'text').as('actor'), typed(p.audit_actor_name, 'text').as('actor_name'),
              typed(p.audit_action, 'text').as('action'), typed(p.audit_entity_type, 'text').as('entity_type'),
              typed(p.audit_entity_id, 'text').as('entity_id'), typed(p.audit_details, 'text').as('details'), typed(p.audit_at, 'text').as('at'),
            ]),
          ),
      )
      .selectFrom('moved')
      .select('seq');
  });
}

/**
 * A condition that is always true but reads the `locked` CTE, so PostgreSQL evaluates it first (a
 * one-time filter) and the debit touches its row only once both rows are locked in location order.
 * Without it the debit locks `from` and the credit then `to`: two postings between the same bins in
 * opposite directions lock the rows in opposite orders and deadlock (each costs a second to detect).
 */
const LOCKED_FIRST = sql<boolean>`(select count(*) from locked) >= 0`;

type Creator = QueryCreator<Schema & { locked: { location_id: string } }>;

/**
 * The autocommitted posting names its item and locations from the identity cache
 * (operations/identity-cache.ts), which holds only what never changes; what can change and
 * matters is checked by the statement that posts: the item and both locations are not archived.
 * (Whether `from` may go negative needs no check: a guarded debit that takes is right either way,
 * and one refused sends the caller down the transactional path, which reads the location afresh.)
 */
function stillPostable(w: Creator, p: Values) {
  const item = w.selectFrom('items').select('id').where('id', '=', p.item_id).where('archived_at', 'is', null);
  const live = (id: string) => w.selectFrom('locations').select('id').where('id', '=', id).where('archived_at', 'is', null);
  return sql<boolean>`exists (${item}) and exists (${live(p.from_location_id)}) and exists (${live(p.to_location_id)})`;
}

function debitQuery(w: Creator, debit: Debit, p: Values, audited: boolean) {
  if (debit === 'unguarded') {
    return w
      .insertInto('balances')
      .columns(['item_id', 'location_id', 'on_hand', 'reserved'])
      .expression(
        w.selectNoFrom([
          typed(p.item_id, 'text').as('item_id'), typed(p.from_location_id, 'text').as('location_id'),
          typed(p.negative_quantity, 'bigint').as('on_hand'), sql<number>`0`.as('reserved'),
        ]).where(LOCKED_FIRST).$if(audited, (qb) => qb.where(stillPostable(w, p))),
      )
      .onConflict((oc) => oc.columns(['item_id', 'location_id']).doUpdateSet({ on_hand: sql`balances.on_hand + excluded.on_hand` }))
      .returning('item_id');
  }
  const update = w
    .updateTable('balances')
    .where('item_id', '=', p.item_id)
    .where('location_id', '=', p.from_location_id)
    .where(LOCKED_FIRST)
    .$if(audited, (qb) => qb.where(stillPostable(w, p)));
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
