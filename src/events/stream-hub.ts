import type { Executor } from '../db/schema.js';
import { listEventsAfter } from './event-repository.js';
import { toEvent, type StockroomEvent } from './event-types.js';

export type HubListener = (events: readonly StockroomEvent[]) => void;

const READ_PAGE = 500;

/**
 * Fans numbered events out to this process's open streams, in order and each once. Events this
 * process numbered arrive from its sequencer as they are; events another process numbered are
 * announced by number only (NOTIFY, or the poll) and read from the table here, once for all
 * streams rather than once per stream.
 */
export class StreamHub {
  private readonly listeners = new Set<HubListener>();
  /** Highest number handed to listeners (or skipped while nobody listened). */
  private head = 0;
  /** Highest number known to be given. */
  private target = 0;
  /** Set and cleared synchronously around the read loop, so an announcement is either seen by the loop or starts a new one. */
  private reading = false;
  private lastRead: Promise<void> | undefined;

  constructor(
    private readonly db: Executor,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts at `seq`: a stream asks for older events itself. */
  startAt(seq: number): void {
    this.head = Math.max(this.head, seq);
    this.target = Math.max(this.target, seq);
  }

  subscribe(listener: HubListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events this process just numbered, oldest first. */
  publish(events: readonly StockroomEvent[]): void {
    const last = events[events.length - 1];
    if (!last) return;
    this.target = Math.max(this.target, last.seq);
    if (!this.offer(events)) this.catchUp();
  }

  /** Some process numbered events up to `seq` (announcing a number again retries a failed read). */
  announce(seq: number): void {
    this.target = Math.max(this.target, seq);
    if (this.head < this.target) this.catchUp();
  }

  /** Hands on what follows `head` without a gap; false when `events` starts beyond the next number. */
  private offer(events: readonly StockroomEvent[]): boolean {
    if (this.listeners.size === 0) {
      // Nobody to hand them to: a stream that subscribes later reads what it lacks from the table.
      this.head = Math.max(this.head, this.target);
      return true;
    }
    const fresh = events.filter((e) => e.seq > this.head);
    const first = fresh[0];
    const last = fresh[fresh.length - 1];
    if (!first || !last) return true;
    if (first.seq !== this.head + 1) return false;
    this.head = last.seq;
    for (const listener of this.listeners) listener(fresh);
    return true;
  }

  /** Drops every listener and waits for a read under way, so the database can be closed after. */
  async stop(): Promise<void> {
    this.listeners.clear();
    await this.lastRead;
  }

  private catchUp(): void {
    if (this.reading) return;
    this.reading = true;
    this.lastRead = this.read();
  }

  private async read(): Promise<void> {
    try {
      while (this.head < this.target) {
        if (this.listeners.size === 0) {
          this.head = this.target;
          break;
        }
        const rows = await listEventsAfter(this.db, this.head, READ_PAGE);
        // Numbers are announced only after they commit; should none be readable, the next announcement tries again.
        if (rows.length === 0) break;
        this.offer(rows.map(toEvent));
      }
    } catch (error) {
      // The poll announces the head again, which retries.
      this.onError(error);
    } finally {
      this.reading = false;
    }
  }
}
