import type { Kysely } from 'kysely';
import { newId } from '../shared/ids.js';
import { nowIso } from '../shared/time.js';
import { preparedQuery } from './prepared.js';
import type { EventsTable, Executor, Schema } from './schema.js';

/**
 * The transactional outbox: a change appends its events in its own transaction, so an event
 * exists exactly when the change committed. Rows go in with `seq` NULL; the sequencer
 * (src/events/sequencer.ts) numbers them after commit, in commit order. This module also carries
 * the in-process signal that wakes the sequencer as soon as such a commit is done.
 */
export interface NewEvent {
  type: string;
  payload: unknown;
}

export type EventInsert = Omit<EventsTable, 'seq'>;

/** Listeners told after each commit that appended events. One per store (see store.ts). */
export class OutboxSignal {
  private readonly listeners = new Set<() => void>();

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  fire(): void {
    for (const listener of this.listeners) listener();
  }
}

const signals = new WeakMap<Kysely<Schema>, OutboxSignal>();
/** Open transactions that appended events; the store takes the mark once the transaction committed. */
const appendedIn = new WeakSet<Executor>();

/** The signal of a store's database handle, created with the store. */
export function outboxSignal(db: Kysely<Schema>): OutboxSignal {
  let signal = signals.get(db);
  if (!signal) {
    signal = new OutboxSignal();
    signals.set(db, signal);
  }
  return signal;
}

type EventValues = EventInsert & Record<string, unknown>;
const insertOneEvent = preparedQuery<EventValues>(['id', 'type', 'payload', 'created_at'], (db, row) => db.insertInto('events').values(row));

/** Appends events in the caller's transaction; they commit or roll back with the change they describe. */
export async function appendEvents(db: Executor, events: NewEvent[]): Promise<void> {
  const rows = eventRows(events);
  if (rows.length === 1) await insertOneEvent(db, rows[0] as EventValues);
  else if (rows.length > 1) await db.insertInto('events').values(rows).execute();
  else return;
  noteAppended(db);
}

/** The outbox rows for these events, for a statement that writes them together with its change. */
export function eventRows(events: NewEvent[]): EventInsert[] {
  const at = nowIso();
  return events.map((e) => ({ id: newId(), type: e.type, payload: JSON.stringify(e.payload), created_at: at }));
}

/**
 * Records that events were written through `db`, once the statement that wrote them has run.
 * Inside a transaction the sequencer may only look after COMMIT, so the store is told then;
 * an autocommitted statement has already committed, so the sequencer is woken now.
 */
export function noteAppended(db: Executor): void {
  if (db.isTransaction) appendedIn.add(db);
  else signals.get(db)?.fire();
}

/** True (once) when this committed transaction appended events. */
export function takeAppended(trx: Executor): boolean {
  return appendedIn.delete(trx);
}
