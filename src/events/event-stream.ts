import type { Executor } from '../db/schema.js';
import { listEventsAfter } from './event-repository.js';
import { toEvent, type StockroomEvent } from './event-types.js';
import type { StreamHub } from './stream-hub.js';

/** Where a stream's events go (an SSE response, in src/http). */
export interface EventSink {
  /** Returns false when the client is not keeping up; nothing more is sent until `resume()`. */
  send(event: StockroomEvent): boolean;
  /** The stream ended from this side: the server is stopping, or the table could not be read. */
  end(): void;
}

export interface EventStream {
  /** The client drained what it was sent: carry on from where it stopped. */
  resume(): void;
  close(): void;
}

const READ_PAGE = 500;

/**
 * One client's stream: every event after `after`, in order, each once. It first reads what the
 * client missed from the table, then takes live events from the hub; it subscribes before that
 * first read, so an event numbered meanwhile is both read and buffered, and the cursor drops the
 * copy. Whenever it cannot continue from the hub without a gap (a slow client, an overfull
 * buffer) it reads from the table again, so the table is the only buffer that can grow.
 */
export function openEventStream(db: Executor, hub: StreamHub, after: number, sink: EventSink, onError: (error: unknown) => void): EventStream {
  let cursor = after;
  let buffered: StockroomEvent[] = [];
  let mustRead = true;
  let paused = false;
  let pumping = false;
  let closed = false;

  const unsubscribe = hub.subscribe((events) => {
    // While paused the table serves as the buffer; during a read these may be newer than what it returns.
    if (paused) return;
    buffered.push(...events);
    if (buffered.length > READ_PAGE) {
      buffered = [];
      mustRead = true;
    }
    void pump();
  });

  /** Sends what follows the cursor, until a gap (read the table) or a full socket (pause, then read the table). */
  const send = (events: readonly StockroomEvent[]): void => {
    for (const event of events) {
      if (event.seq <= cursor) continue;
      if (event.seq !== cursor + 1) {
        mustRead = true;
        return;
      }
      cursor = event.seq;
      if (!sink.send(event)) {
        paused = true;
        mustRead = true;
        return;
      }
    }
  };

  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (!closed && !paused) {
        if (mustRead) {
          // What is buffered so far committed before this read begins, so the read returns it too.
          buffered = [];
          mustRead = false;
          const rows = await listEventsAfter(db, cursor, READ_PAGE);
          if (rows.length === READ_PAGE) mustRead = true;
          if (closed) return;
          send(rows.map(toEvent));
          continue;
        }
        if (buffered.length === 0) return;
        const events = buffered;
        buffered = [];
        send(events);
      }
    } catch (error) {
      // The client reconnects with its Last-Event-ID and carries on once the table can be read again.
      if (closed) return;
      onError(error);
      close();
      sink.end();
    } finally {
      pumping = false;
    }
  }

  function close(): void {
    closed = true;
    unsubscribe();
  }

  void pump();
  return {
    resume() {
      paused = false;
      void pump();
    },
    close,
  };
}
