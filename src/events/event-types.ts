/**
 * An outbox event as the API and the live stream give it: `seq` orders events and is the resume
 * cursor. The payload's shape depends on `type` (stock.changed from the ledger, sales_order.*,
 * channel.* and return.* from sales); the events capability carries them without knowing them.
 */
/** Some JSON object; what it holds is the business of the capability that appended the event. */
export type EventPayload = Readonly<Record<string, unknown>>;

export interface StockroomEvent {
  seq: number;
  id: string;
  type: string;
  createdAt: string;
  payload: EventPayload;
}

/** A page of events oldest first; `nextAfter` is the `after` that continues it (the request's own when nothing is newer). */
export interface EventPage {
  data: StockroomEvent[];
  nextAfter: number;
}

export function toEvent(row: { seq: number; id: string; type: string; payload: string; created_at: string }): StockroomEvent {
  return { seq: row.seq, id: row.id, type: row.type, createdAt: row.created_at, payload: JSON.parse(row.payload) as EventPayload };
}
