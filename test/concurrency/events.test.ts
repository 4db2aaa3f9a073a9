import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StockroomEvent } from '../../src/events/event-types.js';
import { newId } from '../../src/shared/ids.js';
import { createEmptyDatabase } from '../support/databases.js';
import { unique } from '../support/factories.js';
import { startServerPair, type ServerProcess } from '../support/server-process.js';
import { openSse, type SseClient } from '../support/sse.js';
import { httpClient } from '../support/http-client.js';

/**
 * DESIGN §4: live events reach every server process through the database. Two real server
 * processes share one PostgreSQL database; writers hit both at once; every event must be numbered
 * exactly once, gapless, and a stream on either process must see what was written through the other.
 */
const ADMIN_KEY = 'sr_events_test_admin_key';
const WRITES = 120;

const { call } = httpClient(ADMIN_KEY);

describe('events across two server processes on PostgreSQL', () => {
  const servers: ServerProcess[] = [];
  const clients: SseClient[] = [];
  let database: { url: string; drop: () => Promise<void> } | undefined;

  beforeAll(async () => {
    database = await createEmptyDatabase('postgres');
    const url = database.url;
    await startServerPair(servers, { databaseUrl: url, adminKey: ADMIN_KEY });
  }, 90_000);

  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.drop();
  });

  const [a, b] = [() => servers[0]!.url, () => servers[1]!.url];

  async function stream(base: string, after?: number): Promise<SseClient> {
    const client = await openSse(`${base}/api/v1/events/stream${after === undefined ? '' : `?after=${after}`}`, { authorization: `Bearer ${ADMIN_KEY}` });
    clients.push(client);
    return client;
  }

  async function stockedBin(): Promise<{ sku: string; bin: string }> {
    const sku = unique('EVT');
    const site = unique('ESITE');
    const bin = unique('EBIN');
    await call(a(), 'POST', '/api/v1/items', { sku, name: 'Evented item' });
    await call(a(), 'POST', '/api/v1/locations', { code: site, name: 'Site', kind: 'site' });
    await call(a(), 'POST', '/api/v1/locations', { code: bin, name: 'Bin', kind: 'bin', parent: site });
    await call(a(), 'POST', '/api/v1/receipts', { location: bin, lines: [{ item: sku, quantity: '10000' }] });
    return { sku, bin };
  }

  /** Every numbered event after `after`, read through `base`. */
  async function listed(base: string, after: number): Promise<StockroomEvent[]> {
    const events: StockroomEvent[] = [];
    for (let cursor = after; ;) {
      const page = await call<{ data: StockroomEvent[]; nextAfter: number }>(base, 'GET', `/api/v1/events?after=${cursor}&limit=500`);
      events.push(...page.data);
      if (page.data.length < 500) return events;
      cursor = page.nextAfter;
    }
  }

  it('a stream on one process sees an event written through the other', async () => {
    const { sku, bin } = await stockedBin();
    await untilQuiet();
    const onA = await stream(a());
    const posting = await call<{ postingId: string }>(b(), 'POST', '/api/v1/shipments', { location: bin, lines: [{ item: sku, quantity: '1' }] });
    const [message] = await onA.waitFor(1, 5_000);
    expect(JSON.parse(message!.data)).toMatchObject({ type: 'stock.changed', payload: { postingId: posting.postingId } });
  });

  it(`${WRITES} concurrent writes through both processes: each numbered once, gapless, streamed in order by both`, async () => {
    const { sku, bin } = await stockedBin();
    // Wait until the setup's events are numbered, so the streams below start after them.
    const start = await untilQuiet();
    const streams = [await stream(a()), await stream(b(), start), await stream(a(), start)];
    const ids = await Promise.all(Array.from({ length: WRITES }, async (_, i) => {
      const base = i % 2 === 0 ? a() : b();
      if (i % 3 === 0) return (await call<{ id: string }>(base, 'POST', '/api/v1/reservations', { item: sku, location: bin, quantity: '1' })).id;
      const path = i % 3 === 1 ? '/api/v1/receipts' : '/api/v1/shipments';
      return (await call<{ postingId: string }>(base, 'POST', path, { location: bin, lines: [{ item: sku, quantity: '1' }] })).postingId;
    }));
    const expectedSeqs = Array.from({ length: WRITES }, (_, i) => String(start + 1 + i));
    for (const client of streams) expect((await client.waitFor(WRITES, 20_000)).map((m) => m.id)).toEqual(expectedSeqs);

    const [viaA, viaB] = await Promise.all([listed(a(), start), listed(b(), start)]);
    expect(viaB).toEqual(viaA);
    expect(viaA.map((e) => e.seq)).toEqual(expectedSeqs.map(Number));
    expect(viaA.map((e) => e.payload.reservationId ?? e.payload.postingId).sort()).toEqual([...ids].sort());
    for (const client of streams) expect(client.messages.map((m) => JSON.parse(m.data) as StockroomEvent)).toEqual(viaA);
    await expectWholeLogNumbered(start + WRITES);
  });

  it('numbers an event a process committed but never numbered (it died first), and streams it', async () => {
    const start = await untilQuiet();
    const onB = await stream(b());
    const client = new pg.Client({ connectionString: database!.url });
    await client.connect();
    try {
      await client.query(`insert into events (id, type, payload, created_at) values ($1, 'test.orphan', '{}', $2)`, [newId(), new Date().toISOString()]);
    } finally {
      await client.end();
    }
    const [message] = await onB.waitFor(1, 5_000);
    expect(message).toMatchObject({ id: String(start + 1), event: 'test.orphan' });
  });

  it('keeps streaming after the listening connections are cut (server restart, failover)', async () => {
    const { sku, bin } = await stockedBin();
    await untilQuiet();
    const onA = await stream(a());
    const cut = await scalar(`select count(pg_terminate_backend(pid)) as n from pg_stat_activity where datname = current_database() and query = 'listen stockroom_events'`);
    expect(cut).toBe(2);
    const posting = await call<{ postingId: string }>(b(), 'POST', '/api/v1/shipments', { location: bin, lines: [{ item: sku, quantity: '1' }] });
    const [message] = await onA.waitFor(1, 5_000);
    expect(JSON.parse(message!.data)).toMatchObject({ payload: { postingId: posting.postingId } });
    // Both processes listen again and still serve.
    for (let tries = 0; (await scalar(`select count(*) as n from pg_stat_activity where datname = current_database() and query = 'listen stockroom_events'`)) < 2; tries++) {
      if (tries > 100) throw new Error('the listening connections did not come back');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await call(b(), 'GET', '/api/health')).toMatchObject({ status: 'ok' });
  });

  /** The latest number once nothing is waiting to be numbered. */
  async function untilQuiet(): Promise<number> {
    for (let tries = 0; tries < 200; tries++) {
      const pending = await scalar('select count(*) as n from events where seq is null');
      if (pending === 0) return scalar('select coalesce(max(seq), 0) as n from events');
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error('events still unnumbered after 2 s');
  }

  async function expectWholeLogNumbered(last: number): Promise<void> {
    expect(await scalar('select count(*) as n from events where seq is null')).toBe(0);
    expect(await scalar('select count(*) as n from events')).toBe(last);
    expect(await scalar('select max(seq) as n from events')).toBe(last);
  }

  async function scalar(text: string): Promise<number> {
    const client = new pg.Client({ connectionString: database!.url });
    await client.connect();
    try {
      const result = await client.query<{ n: string }>(text);
      return Number(result.rows[0]?.n);
    } finally {
      await client.end();
    }
  }
});
