import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendEvents } from '../../src/db/outbox.js';
import type { StockroomEvent } from '../../src/events/event-types.js';
import { postMovements } from '../../src/ledger/posting.js';
import { releaseExpiredReservations } from '../../src/operations/reservation-service.js';
import { newId } from '../../src/shared/ids.js';
import { nowIso } from '../../src/shared/time.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeItem, makeWarehouse, receiveStock, type PostingJson } from '../support/factories.js';
import { expectRefused } from './assertions.js';
import { eventsAfter, latestSeq, untilSequenced } from '../support/events.js';

/** A pair as events name it. */
const pair = (itemId: string, locationId: string) => ({ itemId, locationId });

describe.each(DIALECTS)('stock-change events on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  /** What `act` added to the outbox, once numbered. */
  async function eventsOf(act: () => Promise<unknown>): Promise<StockroomEvent[]> {
    const before = await latestSeq(api);
    await act();
    return eventsAfter(api, before);
  }

  async function stocked(quantity: number) {
    const item = await makeItem(api);
    const { binA, binB } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, quantity);
    return { item, binA, binB };
  }

  it('a receipt appends one stock.changed event naming its posting and both pairs', async () => {
    const item = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    let posting: PostingJson | undefined;
    const events = await eventsOf(async () => {
      posting = await api.post<PostingJson>('/api/v1/receipts', { location: binA.code, lines: [{ item: item.sku, quantity: 5 }, { item: item.sku, quantity: 2 }] });
    });
    expect(events).toEqual([
      { seq: expect.any(Number), id: expect.any(String), type: 'stock.changed', createdAt: expect.any(String), payload: { postingId: posting!.postingId, changes: [pair(item.id, 'supplier'), pair(item.id, binA.id)] } },
    ]);
  });

  it('a shipment and a transfer each append exactly one event with their pairs', async () => {
    const { item, binA, binB } = await stocked(10);
    const shipped = await eventsOf(() => api.post('/api/v1/shipments', { location: binA.code, lines: [{ item: item.sku, quantity: 1 }] }));
    expect(shipped.map((e) => e.payload.changes)).toEqual([[pair(item.id, binA.id), pair(item.id, 'customer')]]);

    const moved = await eventsOf(() => api.post('/api/v1/transfers', { from: binA.code, to: binB.code, lines: [{ item: item.sku, quantity: 2 }] }));
    expect(moved.map((e) => e.payload.changes)).toEqual([[pair(item.id, binA.id), pair(item.id, binB.id)]]);

    let transferId = '';
    const sent = await eventsOf(async () => {
      transferId = (await api.post<{ transfer: { id: string } }>('/api/v1/transfers', { from: binA.code, to: binB.code, mode: 'two-step', lines: [{ item: item.sku, quantity: 1 }] })).transfer.id;
    });
    expect(sent.map((e) => e.payload.changes)).toEqual([[pair(item.id, binA.id), pair(item.id, 'transit')]]);
    const arrived = await eventsOf(() => api.post(`/api/v1/transfers/${transferId}/receive`, {}));
    expect(arrived.map((e) => e.payload.changes)).toEqual([[pair(item.id, 'transit'), pair(item.id, binB.id)]]);
  });

  it('each reservation change appends one event: hold (with and without Idempotency-Key), release, consume, expiry', async () => {
    const { item, binA } = await stocked(10);
    const hold = (body: Record<string, unknown> = {}, headers?: Record<string, string>) => api.post<{ id: string }>('/api/v1/reservations', { item: item.sku, location: binA.code, quantity: 1, ...body }, headers);
    const held = [pair(item.id, binA.id)];

    let fast = '';
    expect(await eventsOf(async () => (fast = (await hold()).id))).toEqual([expect.objectContaining({ payload: { reservationId: fast, changes: held } })]);
    let keyed = '';
    expect(await eventsOf(async () => (keyed = (await hold({}, { 'idempotency-key': newId() })).id))).toEqual([expect.objectContaining({ payload: { reservationId: keyed, changes: held } })]);
    expect(await eventsOf(() => api.post(`/api/v1/reservations/${fast}/release`, {}))).toEqual([expect.objectContaining({ payload: { reservationId: fast, changes: held } })]);

    let consumed = { movement: { postingId: '' } };
    const consumeEvents = await eventsOf(async () => (consumed = await api.post(`/api/v1/reservations/${keyed}/consume`, {})));
    expect(consumeEvents.map((e) => e.payload)).toEqual([{ postingId: consumed.movement.postingId, reservationId: keyed, changes: [pair(item.id, binA.id), pair(item.id, 'customer')] }]);

    const lapsing = await hold({ ttlSeconds: 1 });
    await sleep(1_100);
    const expired = await eventsOf(() => releaseExpiredReservations(api.db.store));
    expect(expired.map((e) => e.payload)).toEqual([{ reservationId: lapsing.id, changes: held }]);
  });

  it('a refused or replayed command appends nothing', async () => {
    const { item, binA } = await stocked(3);
    const before = await latestSeq(api);
    const ship = (quantity: number) => () => api.request('POST', '/api/v1/shipments', { location: binA.code, lines: [{ item: item.sku, quantity }] });
    await expectRefused(api, ship(4), 409, '/problems/insufficient-stock');
    await expectRefused(api, ship(0), 400, '/problems/validation');
    await expectRefused(api, () => api.request('POST', '/api/v1/movements/batch', { movements: [
      { item: item.sku, quantity: 1, from: binA.code, to: 'customer' },
      { item: item.sku, quantity: 9, from: binA.code, to: 'customer' },
    ] }), 409, '/problems/insufficient-stock');
    await expectRefused(api, () => api.request('POST', '/api/v1/reservations', { item: item.sku, location: binA.code, quantity: 4 }), 409, '/problems/insufficient-stock');
    const key = { 'idempotency-key': newId() };
    await api.post('/api/v1/receipts', { location: binA.code, lines: [{ item: item.sku, quantity: 1 }] }, key);
    await api.post('/api/v1/receipts', { location: binA.code, lines: [{ item: item.sku, quantity: 1 }] }, key);
    expect(await eventsAfter(api, before)).toHaveLength(1);
  });

  it('a transaction that rolls back after posting leaves no event, while a write committed beside it keeps its own', async () => {
    const { item, binA } = await stocked(5);
    const { store } = api.db;
    const before = await latestSeq(api);
    const count = async () => Number((await store.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const rowsBefore = await count();
    const now = nowIso();
    const draft = {
      itemId: item.id, quantity: 1, from: { id: binA.id, mayGoNegative: false }, to: { id: 'customer', mayGoNegative: true },
      kind: 'shipment' as const, occurredAt: now, path: '/', display: { sku: item.sku, decimals: 0, fromCode: binA.code },
    };
    const meta = { postingId: newId(), actor: 'test', actorName: 'test', idempotencyKey: null, recordedAt: now };
    // Both writes start together, so on SQLite they share one group commit and the failing one rolls back to its savepoint.
    const [failed, kept] = await Promise.allSettled([
      store.write(async (trx) => {
        await postMovements(trx, [draft], meta);
        throw new Error('the command fails after posting');
      }),
      store.write((trx) => appendEvents(trx, [{ type: 'test.kept', payload: {} }])),
    ]);
    expect(failed.status).toBe('rejected');
    expect(kept.status).toBe('fulfilled');
    expect((await eventsAfter(api, before)).map((e) => e.type)).toEqual(['test.kept']);
    expect(await count()).toBe(rowsBefore + 1);
  });

  it('numbers events in the order their transactions commit, not the order they were written', async () => {
    const { store } = api.db;
    const before = await latestSeq(api);
    const committed: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = store.write(async (trx) => {
      await appendEvents(trx, [{ type: 'test.slow', payload: {} }]);
      await gate;
    }).then(() => committed.push('test.slow'));
    await sleep(50);
    const fast = store.write((trx) => appendEvents(trx, [{ type: 'test.fast', payload: {} }])).then(() => committed.push('test.fast'));
    if (dialect === 'postgres') {
      // The fast transaction commits, and is numbered, while the slow one (written first) is still open.
      await fast;
      await untilSequenced(api);
    }
    release();
    await Promise.all([slow, fast]);
    const events = await eventsAfter(api, before);
    expect(events.map((e) => e.type)).toEqual(committed);
    // SQLite's single writer commits in the order of writing; PostgreSQL lets the later write commit first.
    expect(committed).toEqual(dialect === 'postgres' ? ['test.fast', 'test.slow'] : ['test.slow', 'test.fast']);
  });

  it('numbers every event of many concurrent writers once, gapless and strictly increasing', async () => {
    const { item, binA } = await stocked(1_000);
    const before = await latestSeq(api);
    const writes = await Promise.all(Array.from({ length: 60 }, (_, i) =>
      i % 3 === 0
        ? api.post<{ id: string }>('/api/v1/reservations', { item: item.sku, location: binA.code, quantity: 1 }).then((r) => r.id)
        : api.post<PostingJson>(i % 3 === 1 ? '/api/v1/receipts' : '/api/v1/shipments', { location: binA.code, lines: [{ item: item.sku, quantity: 1 }] }).then((p) => p.postingId)));
    const events = await eventsAfter(api, before);
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: 60 }, (_, i) => before + 1 + i));
    expect(events.map((e) => e.payload.reservationId ?? e.payload.postingId).sort()).toEqual([...writes].sort());
  });

  it('numbers an event committed without a signal (a process that died before numbering it) on the poll', async () => {
    const { store } = api.db;
    const before = await latestSeq(api);
    // Written straight through the pool: no store.write, so nothing wakes the sequencer but its poll.
    await store.db.insertInto('events').values({ id: newId(), type: 'test.orphan', payload: '{}', created_at: nowIso() }).execute();
    const events = await eventsAfter(api, before);
    expect(events.map((e) => [e.seq, e.type])).toEqual([[before + 1, 'test.orphan']]);
  });

  it('pages through events with after and limit, oldest first', async () => {
    const { item, binA } = await stocked(10);
    const before = await latestSeq(api);
    for (let i = 0; i < 5; i++) await api.post('/api/v1/shipments', { location: binA.code, lines: [{ item: item.sku, quantity: 1 }] });
    await untilSequenced(api);
    const first = await api.get<{ data: StockroomEvent[]; nextAfter: number }>(`/api/v1/events?after=${before}&limit=2`);
    expect(first.data.map((e) => e.seq)).toEqual([before + 1, before + 2]);
    expect(first.nextAfter).toBe(before + 2);
    const rest = await api.get<{ data: StockroomEvent[]; nextAfter: number }>(`/api/v1/events?after=${first.nextAfter}&limit=10`);
    expect(rest.data.map((e) => e.seq)).toEqual([before + 3, before + 4, before + 5]);
    const none = await api.get<{ data: StockroomEvent[]; nextAfter: number }>(`/api/v1/events?after=${rest.nextAfter}`);
    expect(none).toEqual({ data: [], nextAfter: before + 5 });
    await expectRefused(api, () => api.request('GET', '/api/v1/events?after=-1'), 400, '/problems/validation', ['/querystring/after']);
  });
});
