import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sequencePending } from '../../src/events/event-repository.js';
import type { StockroomEvent } from '../../src/events/event-types.js';
import { buildApp } from '../../src/http/app.js';
import { newId } from '../../src/shared/ids.js';
import { nowIso } from '../../src/shared/time.js';
import { ADMIN_KEY, startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeApiKey, makeItem, makeWarehouse, receiveStock, type PostingJson } from '../support/factories.js';
import { eventsAfter, latestSeq } from '../support/events.js';
import { openSse, type SseClient, type SseMessage } from '../support/sse.js';

const HEARTBEAT_MS = 100;

describe.each(DIALECTS)('the live event stream on %s', (dialect) => {
  let api: TestApi;
  let base = '';
  const clients: SseClient[] = [];
  beforeAll(async () => {
    api = await startTestApi(dialect, { sseHeartbeatMs: HEARTBEAT_MS });
    base = await api.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(() => clients.splice(0).forEach((c) => c.close()));
  afterAll(async () => api.close());

  async function connect(query = '', headers: Record<string, string> = {}, key = ADMIN_KEY): Promise<SseClient> {
    const client = await openSse(`${base}/api/v1/events/stream${query}`, { authorization: `Bearer ${key}`, ...headers });
    clients.push(client);
    return client;
  }

  const parse = (m: SseMessage) => JSON.parse(m.data) as StockroomEvent;

  async function stocked(quantity: number) {
    const item = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, quantity);
    return { item, bin: binA };
  }

  const ship = (sku: string, bin: string) => api.post<PostingJson>('/api/v1/shipments', { location: bin, lines: [{ item: sku, quantity: 1 }] });

  it('streams new events as they are numbered, as id / event / data messages', async () => {
    const { item, bin } = await stocked(5);
    await latestSeq(api);
    const stream = await connect();
    expect(stream.status).toBe(200);
    expect(stream.contentType).toContain('text/event-stream');
    const posting = await ship(item.sku, bin.code);
    const [message] = await stream.waitFor(1);
    const event = parse(message!);
    expect(message).toMatchObject({ id: String(event.seq), event: 'stock.changed' });
    expect(event).toMatchObject({ type: 'stock.changed', payload: { postingId: posting.postingId, changes: [{ itemId: item.id, locationId: bin.id }, { itemId: item.id, locationId: 'customer' }] } });
    expect(event.seq).toBe(await latestSeq(api));
  });

  it('replays what was missed after Last-Event-ID, then goes on live, without a loss or a repeat', async () => {
    const { item, bin } = await stocked(20);
    const start = await latestSeq(api);
    for (let i = 0; i < 4; i++) await ship(item.sku, bin.code);
    const all = await eventsAfter(api, start);
    const resumeAfter = all[1]!.seq;
    // A reconnecting EventSource repeats its first URL: the header, being newer, wins over `after`.
    const stream = await connect(`?after=${start}`, { 'last-event-id': String(resumeAfter) });
    await stream.waitFor(2);
    await Promise.all(Array.from({ length: 6 }, () => ship(item.sku, bin.code)));
    const messages = await stream.waitFor(8);
    expect(messages.map((m) => Number(m.id))).toEqual(Array.from({ length: 8 }, (_, i) => resumeAfter + 1 + i));
    expect(messages.slice(0, 2).map(parse)).toEqual(all.slice(2));
    stream.close();
    const fromQuery = await connect(`?after=${start}`);
    expect((await fromQuery.waitFor(10)).map((m) => Number(m.id))).toEqual(Array.from({ length: 10 }, (_, i) => start + 1 + i));
  });

  it('delivers every event of many concurrent writers to every open stream, in order and once', async () => {
    const { item, bin } = await stocked(200);
    const start = await latestSeq(api);
    const streams = await Promise.all([connect(), connect(`?after=${start}`), connect('', { 'last-event-id': String(start) })]);
    const writes = 50;
    await Promise.all(Array.from({ length: writes }, (_, i) =>
      i % 2 === 0 ? ship(item.sku, bin.code) : api.post('/api/v1/reservations', { item: item.sku, location: bin.code, quantity: 1 })));
    const expected = Array.from({ length: writes }, (_, i) => String(start + 1 + i));
    for (const stream of streams) expect((await stream.waitFor(writes)).map((m) => m.id)).toEqual(expected);
    await new Promise((r) => setTimeout(r, 200));
    for (const stream of streams) expect(stream.messages).toHaveLength(writes);
  });

  it('streams events numbered elsewhere (as by another process) once the poll announces them, also after idling without streams', async () => {
    const { store } = api.db;
    /** An event written and numbered behind this process's back: no commit signal, no local sequencer run. */
    const numberedElsewhere = async (type: string) => {
      await store.db.insertInto('events').values({ id: newId(), type, payload: '{}', created_at: nowIso() }).execute();
      expect(await store.write((trx) => sequencePending(trx, 10))).toHaveLength(1);
    };
    const start = await latestSeq(api);
    await numberedElsewhere('test.unheard');
    // A poll announces it while no stream is open.
    await new Promise((r) => setTimeout(r, 1_500));
    const stream = await connect();
    await numberedElsewhere('test.elsewhere');
    const [message] = await stream.waitFor(1, 5_000);
    expect(message).toMatchObject({ id: String(start + 2), event: 'test.elsewhere' });
  });

  it('sends heartbeat comments on a quiet stream', async () => {
    const stream = await connect();
    await new Promise((r) => setTimeout(r, HEARTBEAT_MS * 3));
    expect(stream.comments).toContain('heartbeat');
  });

  it('needs a key like every /api/v1 route, lets a viewer read, and refuses a malformed Last-Event-ID', async () => {
    const anonymous = await fetch(`${base}/api/v1/events/stream`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    await stocked(1);
    const viewer = await makeApiKey(api, 'viewer');
    const stream = await connect('?after=0', {}, viewer.key);
    expect(stream.status).toBe(200);
    expect(await stream.waitFor(1)).toHaveLength(1);
    const bad = await fetch(`${base}/api/v1/events/stream`, { headers: { authorization: `Bearer ${ADMIN_KEY}`, 'last-event-id': 'soon' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ type: '/problems/validation', errors: [{ path: '/headers/last-event-id' }] });
  });

  it('ends open streams when the server shuts down instead of waiting for them', async () => {
    const app = await buildApp({ store: api.db.store });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openSse(`${url}/api/v1/events/stream`, { authorization: `Bearer ${ADMIN_KEY}` });
    expect(stream.status).toBe(200);
    await app.close();
    await stream.ended;
  });
});
