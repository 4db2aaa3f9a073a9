import type { StockChangedPayload } from '../ledger/stock-events.js';

/**
 * An outbox event as the API and the live stream give it: `seq` orders events and is the resume
 * cursor. stock.changed is the only type so far; the payload becomes a union as types are added.
 */
export interface StockroomEvent {
  seq: number;
  id: string;
  type: string;
  createdAt: string;
  payload: StockChangedPayload;
}

/** A page of events oldest first; `nextAfter` is the `after` that continues it (the request's own when nothing is newer). */
export interface EventPage {
  data: StockroomEvent[];
  nextAfter: number;
}

export function toEvent(row: { seq: number; id: string; type: string; payload: string; created_at: string }): StockroomEvent {
  return { seq: row.seq, id: row.id, type: row.type, createdAt: row.created_at, payload: JSON.parse(row.payload) as StockChangedPayload };
}
