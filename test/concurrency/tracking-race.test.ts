import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase } from '../support/databases.js';
import { unique } from '../support/factories.js';
import { raceToSellOut } from '../support/race.js';
import { startServerPair, type ServerProcess } from '../support/server-process.js';

/**
 * Lots and serials under contention across two server processes on PostgreSQL: first-expired-
 * first-out holds and shipments never take more than the lots have nor touch an expired lot, and
 * one unit (a serial) is received once and shipped once however many clients try at the same time.
 */
const ADMIN_KEY = 'sr_tracking_race_admin_key';
const CLIENTS = 24;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

async function call(base: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Reply> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_KEY}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('lots and serials across two server processes on PostgreSQL', () => {
  const servers: ServerProcess[] = [];
  let database: { url: string; drop: () => Promise<void> } | undefined;
  const server = (i: number) => servers[i % 2]!.url;

  beforeAll(async () => {
    database = await createEmptyDatabase('postgres');
    await startServerPair(servers, { databaseUrl: database.url, adminKey: ADMIN_KEY });
  }, 90_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.drop();
  });

  async function setUp(tracking: 'lot' | 'serial', receipt?: unknown[]): Promise<{ sku: string; bin: string }> {
    const sku = unique(`T${tracking}`);
    const site = unique('TSITE');
    const bin = unique('TBIN');
    const steps: Array<[string, unknown]> = [
      ['/api/v1/items', { sku, name: 'Raced tracked item', tracking }],
      ['/api/v1/locations', { code: site, name: 'Race site', kind: 'site' }],
      ['/api/v1/locations', { code: bin, name: 'Race bin', kind: 'bin', parent: site }],
    ];
    if (receipt) steps.push(['/api/v1/receipts', { location: bin, lines: receipt.map((line) => ({ item: sku, ...(line as object) })) }]);
    for (const [path, body] of steps) {
      const reply = await call(servers[0]!.url, 'POST', path, body);
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    }
    return { sku, bin };
  }

  async function expectConsistent(): Promise<void> {
    const report = await call(servers[1]!.url, 'GET', '/api/v1/consistency');
    expect(report.body).toMatchObject({ ok: true, drift: [], lotDrift: [], unbalancedItems: [] });
  }

  it(`${CLIENTS} clients holding, consuming and shipping first-expired-first-out take exactly the 15 units not expired`, async () => {
    const { sku, bin } = await setUp('lot', [
      { quantity: 8, lot: { number: 'A', expiresOn: day(5) } },
      { quantity: 7, lot: { number: 'B', expiresOn: day(50) } },
      { quantity: 10, lot: { number: 'X', expiresOn: day(-1) } },
    ]);
    const tally = await raceToSellOut(CLIENTS, async (client) => {
      const refusal = (reply: Reply) => (reply.status === 409 && reply.body.type === '/problems/insufficient-stock' ? { ok: false } : { ok: false, unexpected: `${reply.status} ${JSON.stringify(reply.body)}` });
      if (client % 3 !== 2) {
        const held = await call(server(client), 'POST', '/api/v1/reservations', { item: sku, location: bin, quantity: 1 });
        if (held.status !== 201) return refusal(held);
        const consumed = await call(server(client + 1), 'POST', `/api/v1/reservations/${String(held.body.id)}/consume`, {});
        return consumed.status === 200 ? { ok: true } : { ok: false, unexpected: `consume ${consumed.status} ${JSON.stringify(consumed.body)}` };
      }
      const shipped = await call(server(client), 'POST', '/api/v1/shipments', { location: bin, lines: [{ item: sku, quantity: 1 }] });
      return shipped.status === 201 ? { ok: true } : refusal(shipped);
    });
    expect(tally.unexpected).toEqual([]);
    expect(tally.succeeded).toBe(15);
    const lots = await call(servers[0]!.url, 'GET', `/api/v1/lots?item=${sku}`);
    expect((lots.body.data as Array<{ number: string; onHand: string; reserved: string }>).map((l) => [l.number, l.onHand, l.reserved])).toEqual([['X', '10', '0'], ['A', '0', '0'], ['B', '0', '0']]);
    await expectConsistent();
  });

  it(`one of ${CLIENTS} simultaneous receipts of a new serial succeeds, and one of ${CLIENTS} shipments of it`, async () => {
    const { sku, bin } = await setUp('serial');
    const receipts = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => call(server(i), 'POST', '/api/v1/receipts', { location: bin, lines: [{ item: sku, quantity: 1, serials: ['ONE-1'] }] })));
    expect(receipts.filter((r) => r.status === 201)).toHaveLength(1);
    expect(receipts.filter((r) => r.status === 409 && r.body.type === '/problems/conflict')).toHaveLength(CLIENTS - 1);
    const shipments = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => call(server(i), 'POST', '/api/v1/shipments', { location: bin, lines: [{ item: sku, quantity: 1, serials: ['ONE-1'] }] })));
    expect(shipments.filter((r) => r.status === 201)).toHaveLength(1);
    expect(shipments.filter((r) => r.status === 409)).toHaveLength(CLIENTS - 1);
    const serial = await call(servers[1]!.url, 'GET', `/api/v1/items/${sku}/serials/ONE-1`);
    expect(serial.body).toMatchObject({ location: { code: 'customer' } });
    expect((serial.body.history as unknown[]).length).toBe(2);
    await expectConsistent();
  });
});
