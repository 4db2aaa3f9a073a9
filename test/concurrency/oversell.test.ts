import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../../src/catalog/item-service.js';
import { getBalance } from '../../src/ledger/balance-repository.js';
import { checkConsistency } from '../../src/ledger/consistency.js';
import { createLocation } from '../../src/locations/location-service.js';
import { receive, ship } from '../../src/operations/receive-ship-service.js';
import { consumeReservation, createReservation } from '../../src/operations/reservation-service.js';
import { systemContext } from '../../src/shared/context.js';
import { DomainError } from '../../src/shared/errors.js';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '../support/databases.js';
import { unique } from '../support/factories.js';
import { raceToSellOut, type Attempt, type Tally } from '../support/race.js';
import { startServerPair, type ServerProcess } from '../support/server-process.js';
import { httpClient, type Reply } from '../support/http-client.js';

/**
 * DESIGN §2: a reservation (or shipment) never takes more than is available, with many clients
 * and several server processes writing at once. Every client keeps trying until it is refused,
 * so the last units are fought over by everyone.
 */
const STOCK = 20;
const CLIENTS = 32;
const ADMIN_KEY = 'sr_oversell_test_admin_key';

const { send: call } = httpClient(ADMIN_KEY);

/** An HTTP answer as a race outcome: 2xx took stock, a 409 insufficient-stock problem is a clean refusal. */
function asAttempt(reply: Reply, okStatus: number): Attempt {
  if (reply.status === okStatus) return { ok: true };
  const cleanRefusal = reply.status === 409 && reply.contentType.includes('application/problem+json') && reply.body.type === '/problems/insufficient-stock';
  return cleanRefusal ? { ok: false } : { ok: false, unexpected: `${reply.status} ${reply.contentType} ${JSON.stringify(reply.body)}` };
}

describe('no overselling across two server processes on PostgreSQL', () => {
  const servers: ServerProcess[] = [];
  let database: { url: string; drop: () => Promise<void> } | undefined;

  beforeAll(async () => {
    database = await createEmptyDatabase('postgres');
    const url = database.url;
    await startServerPair(servers, { databaseUrl: url, adminKey: ADMIN_KEY });
  }, 90_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.drop();
  });

  /** A fresh item with STOCK units in a fresh bin, set up through the first server. */
  async function stockedItem(): Promise<{ sku: string; bin: string }> {
    const base = servers[0]!.url;
    const sku = unique('RACE');
    const site = unique('RSITE');
    const bin = unique('RBIN');
    for (const [path, body] of [
      ['/api/v1/items', { sku, name: 'Raced item' }],
      ['/api/v1/locations', { code: site, name: 'Race site', kind: 'site' }],
      ['/api/v1/locations', { code: bin, name: 'Race bin', kind: 'bin', parent: site }],
      ['/api/v1/receipts', { location: bin, lines: [{ item: sku, quantity: String(STOCK) }] }],
    ] as const) {
      const reply = await call(base, 'POST', path, body);
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    }
    return { sku, bin };
  }

  async function expectFinalStock(sku: string, onHand: string, reserved: string): Promise<void> {
    for (const server of servers) {
      const stock = await call(server.url, 'GET', `/api/v1/items/${sku}/stock`);
      expect(stock.body.total).toMatchObject({ onHand, reserved });
    }
    const consistency = await call(servers[1]!.url, 'GET', '/api/v1/consistency');
    expect(consistency.body).toMatchObject({ ok: true, drift: [], unbalancedItems: [] });
  }

  it(`${CLIENTS} clients reserving+consuming and shipping sell exactly ${STOCK} units`, async () => {
    const { sku, bin } = await stockedItem();
    const server = (client: number) => servers[client % 2]!.url;
    const tally = await raceToSellOut(CLIENTS, async (client) => {
      // Three in four clients hold a unit, then ship it through the other server; the rest ship directly.
      if (client % 4 !== 3) {
        const held = await call(server(client), 'POST', '/api/v1/reservations', { item: sku, location: bin, quantity: '1' });
        const attempt = asAttempt(held, 201);
        if (!attempt.ok) return attempt;
        const consumed = await call(server(client + 1), 'POST', `/api/v1/reservations/${String(held.body.id)}/consume`, {});
        return consumed.status === 200 ? { ok: true } : { ok: false, unexpected: `consume answered ${consumed.status} ${JSON.stringify(consumed.body)}` };
      }
      return asAttempt(await call(server(client), 'POST', '/api/v1/shipments', { location: bin, lines: [{ item: sku, quantity: '1' }] }), 201);
    });
    expectSoldOut(tally);
    await expectFinalStock(sku, '0', '0');
    const shipments = await call(servers[0]!.url, 'GET', `/api/v1/movements?item=${sku}&kind=shipment&limit=100`);
    expect((shipments.body.data as unknown[]).length).toBe(STOCK);
  });

  it(`${CLIENTS} clients moving single units out by POST /movements (one autocommitted statement) and reserving take exactly ${STOCK}`, async () => {
    const { sku, bin } = await stockedItem();
    let held = 0;
    const tally = await raceToSellOut(CLIENTS, async (client) => {
      const server = servers[client % 2]!.url;
      if (client % 4 === 0) {
        const attempt = asAttempt(await call(server, 'POST', '/api/v1/reservations', { item: sku, location: bin, quantity: '1' }), 201);
        if (attempt.ok) held++;
        return attempt;
      }
      return asAttempt(await call(server, 'POST', '/api/v1/movements', { item: sku, quantity: '1', from: bin, to: 'customer' }), 201);
    });
    expectSoldOut(tally);
    await expectFinalStock(sku, String(held), String(held));
  });

  it(`64 reservation attempts for ${STOCK} units: exactly ${STOCK} are held, 44 refused`, async () => {
    const { sku, bin } = await stockedItem();
    const replies = await Promise.all(
      Array.from({ length: 64 }, (_, i) => call(servers[i % 2]!.url, 'POST', '/api/v1/reservations', { item: sku, location: bin, quantity: '1' })),
    );
    const attempts = replies.map((r) => asAttempt(r, 201));
    expect(attempts.flatMap((a) => (a.ok ? [] : a.unexpected ?? []))).toEqual([]);
    expect(replies.filter((r) => r.status === 201)).toHaveLength(STOCK);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(64 - STOCK);
    await expectFinalStock(sku, String(STOCK), String(STOCK));
  });
});

describe('no overselling through SQLite group commit (one process)', () => {
  let database: TestDatabase;
  const ctx = systemContext();

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(async () => database?.drop());

  async function stockedItem(): Promise<{ itemId: string; sku: string; binId: string; bin: string }> {
    const { store } = database;
    const item = (await createItem(store, ctx, { sku: unique('RACE'), name: 'Raced item' })).result;
    const site = (await createLocation(store, ctx, { code: unique('RSITE'), name: 'Race site', kind: 'site' })).result;
    const bin = (await createLocation(store, ctx, { code: unique('RBIN'), name: 'Race bin', kind: 'bin', parent: site.code })).result;
    await receive(store, ctx, { location: bin.code, lines: [{ item: item.sku, quantity: String(STOCK) }] });
    return { itemId: item.id, sku: item.sku, binId: bin.id, bin: bin.code };
  }

  /** A service call as a race outcome: an insufficient-stock DomainError is a clean refusal. */
  async function attempt(work: () => Promise<unknown>): Promise<Attempt> {
    try {
      await work();
      return { ok: true };
    } catch (error) {
      if (error instanceof DomainError && error.code === 'insufficient-stock') return { ok: false };
      return { ok: false, unexpected: String(error) };
    }
  }

  it(`${CLIENTS} concurrent service calls reserving+consuming and shipping sell exactly ${STOCK} units`, async () => {
    const { store } = database;
    const { itemId, sku, binId, bin } = await stockedItem();
    const tally = await raceToSellOut(CLIENTS, async (client) => {
      if (client % 4 === 3) return attempt(() => ship(store, ctx, { location: bin, lines: [{ item: sku, quantity: '1' }] }));
      let held: string | undefined;
      const reserved = await attempt(async () => {
        held = (await createReservation(store, ctx, { item: sku, location: bin, quantity: '1' })).result.id;
      });
      if (!reserved.ok || held === undefined) return reserved;
      const id = held;
      const consumed = await attempt(() => consumeReservation(store, ctx, id, {}));
      return consumed.ok ? consumed : { ok: false, unexpected: `consume failed: ${consumed.unexpected ?? 'insufficient stock'}` };
    });
    expectSoldOut(tally);
    expect(await getBalance(store.db, itemId, binId)).toMatchObject({ on_hand: 0, reserved: 0 });
    expect(await checkConsistency(store.db)).toMatchObject({ ok: true });
  });

  it(`64 concurrent reservation calls for ${STOCK} units: exactly ${STOCK} are held, 44 refused`, async () => {
    const { store } = database;
    const { itemId, sku, binId, bin } = await stockedItem();
    const attempts = await Promise.all(
      Array.from({ length: 64 }, () => attempt(() => createReservation(store, ctx, { item: sku, location: bin, quantity: '1' }))),
    );
    expect(attempts.flatMap((a) => (a.ok ? [] : a.unexpected ?? []))).toEqual([]);
    expect(attempts.filter((a) => a.ok)).toHaveLength(STOCK);
    expect(attempts.filter((a) => !a.ok)).toHaveLength(64 - STOCK);
    expect(await getBalance(store.db, itemId, binId)).toMatchObject({ on_hand: STOCK, reserved: STOCK });
    expect(await checkConsistency(store.db)).toMatchObject({ ok: true });
  });
});

/** Exactly STOCK units went out, every client stopped on one clean refusal, and nothing else happened. */
function expectSoldOut(tally: Tally): void {
  expect(tally.unexpected).toEqual([]);
  expect(tally.succeeded).toBe(STOCK);
  expect(tally.refused).toBe(CLIENTS);
}
