import { setTimeout as sleep } from 'node:timers/promises';
import { outboxState } from '../../src/events/event-repository.js';
import type { StockroomEvent } from '../../src/events/event-types.js';
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
