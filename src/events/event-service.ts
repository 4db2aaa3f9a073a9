import type { Executor } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { listEventsAfter, outboxState } from './event-repository.js';
import { openEventStream, type EventSink, type EventStream } from './event-stream.js';
import { toEvent, type EventPage } from './event-types.js';
import { Sequencer } from './sequencer.js';
import { StreamHub } from './stream-hub.js';

/** The PostgreSQL channel on which a sequencer tells every process the highest number it gave. */
const CHANNEL = 'stockroom_events';
/**
 * How often each process looks for work nobody announced: events a crashed process committed
 * but never numbered, and numbers whose NOTIFY was missed while the listening connection was down.
 */
const POLL_MS = 1_000;

export interface EventsOptions {
  onError: (error: unknown, context: string) => void;
}

/** The events capability of one server process: sequencer, hub and open streams. */
export interface EventsRuntime {
  /** The highest number given so far: where a stream that names no position starts. */
  latestSeq(): Promise<number>;
  /** A live stream of the events after `after`. */
  openStream(after: number, sink: EventSink): EventStream;
  /** Calls `listener` whenever events were numbered, by this process or (PostgreSQL) another: the webhook worker's wake-up. */
  onSequenced(listener: () => void): () => void;
  /** Ends every open stream (the server is shutting down and must not wait for them). */
  endStreams(): void;
  /** Stops numbering, listening and polling; a numbering run under way completes first. */
  stop(): Promise<void>;
}

/**
 * Starts numbering and streaming for a store: the sequencer runs as soon as a commit that
 * appended events is done, at start (for anything left unnumbered), on the poll, and never twice
 * at once; on PostgreSQL every process hears every sequencer's numbers.
 */
export async function startEvents(store: Store, { onError }: EventsOptions): Promise<EventsRuntime> {
  const hub = new StreamHub(store.db, (error) => onError(error, 'reading new events'));
  const sequenced = new Set<() => void>();
  const tellSequenced = () => sequenced.forEach((listener) => listener());
  const sequencer = new Sequencer(store, CHANNEL, (rows) => {
    hub.publish(rows.map(toEvent));
    tellSequenced();
  }, (error) => onError(error, 'numbering events'));
  const open = new Map<EventStream, EventSink>();

  let polling: Promise<void> | undefined;
  const poll = () => {
    polling ??= outboxState(store.db)
      .then((state) => {
        if (state.pending) sequencer.wake();
        hub.announce(state.head);
      })
      .catch((error: unknown) => onError(error, 'polling the outbox'))
      .finally(() => (polling = undefined));
  };

  hub.startAt((await outboxState(store.db)).head);
  const stopSignal = store.outbox.subscribe(() => sequencer.wake());
  const listening = await store.listen(CHANNEL, {
    onNotify: (payload) => {
      hub.announce(Number(payload));
      tellSequenced();
    },
    onReconnect: poll,
    onError: (error) => onError(error, 'listening for events'),
  });
  const timer = setInterval(poll, POLL_MS);
  timer.unref();
  sequencer.wake();

  return {
    latestSeq: async () => (await outboxState(store.db)).head,
    openStream(after, sink) {
      const stream: EventStream = openEventStream(store.db, hub, after, {
        send: (event) => sink.send(event),
        end: () => {
          open.delete(stream);
          sink.end();
        },
      }, (error) => onError(error, 'streaming events'));
      open.set(stream, sink);
      return {
        resume: () => stream.resume(),
        close() {
          open.delete(stream);
          stream.close();
        },
      };
    },
    onSequenced(listener) {
      sequenced.add(listener);
      return () => sequenced.delete(listener);
    },
    endStreams() {
      for (const [stream, sink] of open) {
        stream.close();
        sink.end();
      }
      open.clear();
    },
    async stop() {
      clearInterval(timer);
      stopSignal();
      await listening.stop();
      await polling;
      await sequencer.stop();
      await hub.stop();
    },
  };
}

/** Numbered events after `after`, oldest first. */
export async function listEvents(db: Executor, query: { after: number; limit: number }): Promise<EventPage> {
  const rows = await listEventsAfter(db, query.after, query.limit);
  const last = rows[rows.length - 1];
  return { data: rows.map(toEvent), nextAfter: last ? last.seq : query.after };
}
