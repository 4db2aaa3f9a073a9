import { setTimeout as sleep } from 'node:timers/promises';
import { outboxState } from '../../src/events/event-repository.js';
import type { StockroomEvent } from '../../src/events/event-types.js';
import { AVAILABILITY_FEED, readFeedCursor } from '../../src/sales/availability-feed-repository.js';
import type { TestApi } from './api.js';

/**
 * Events are numbered just after their commit, not in it: a test that has seen a write answered
 * waits here until the sequencer has numbered everything committed (it polls at least every second).
 */
export async function untilSequenced(api: TestApi, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await outboxState(api.db.store.db)).pending) {
    if (Date.now() > deadline) throw new Error(`events still unnumbered after ${timeoutMs} ms`);
    await sleep(5);
  }
}

/** The highest event number once everything committed is numbered. */
export async function latestSeq(api: TestApi): Promise<number> {
  await untilSequenced(api);
  return (await outboxState(api.db.store.db)).head;
}

/** Every event after `after`, through the API, once everything committed is numbered. */
export async function eventsAfter(api: TestApi, after: number): Promise<StockroomEvent[]> {
  await untilSequenced(api);
  const events: StockroomEvent[] = [];
  let cursor = after;
  for (;;) {
    const page = await api.get<{ data: StockroomEvent[]; nextAfter: number }>(`/api/v1/events?after=${cursor}&limit=500`);
    events.push(...page.data);
    if (page.data.length < 500) return events;
    cursor = page.nextAfter;
  }
}

/**
 * Waits until the background work that follows a write has finished: every committed event is
 * numbered and the channel availability feed has read up to the last of them (it may append
 * channel.availability events of its own, which are then numbered and read in turn). A refusal
 * test compares the database before and after, so it must not start while that work still runs.
 */
export async function settled(api: TestApi, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await outboxState(api.db.store.db);
    if (!state.pending && (await readFeedCursor(api.db.store.db, AVAILABILITY_FEED, false)) >= state.head) return;
    if (Date.now() > deadline) throw new Error(`background event work not finished after ${timeoutMs} ms`);
    await sleep(10);
  }
}
