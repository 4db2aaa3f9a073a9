import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabase } from '../support/databases.js';
import { unique } from '../support/factories.js';
import { startServerPair, type ServerProcess } from '../support/server-process.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { httpClient } from '../support/http-client.js';

/**
 * Issue 5: 64 orders from 3 channels, through 2 server processes on one PostgreSQL database, race
 * for the last 20 units of one warehouse. Each order takes its holds with the ledger's conditional
 * UPDATE, so exactly 20 orders are confirmed, the other 44 are refused cleanly with 409, nothing is
 * oversold and every channel ends with nothing to sell. A webhook subscription sees every event of
 * it once per event id, delivered by both processes sharing the work.
 */
const STOCK = 20;
const ORDERS = 64;
const ADMIN_KEY = 'sr_sales_oversell_test_admin_key';

const { send: call } = httpClient(ADMIN_KEY);

interface LoggedEvent {
  id: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
}

/** The whole event log once it has stopped growing (the availability feed publishes a little after the last write). */
async function allEvents(base: string): Promise<LoggedEvent[]> {
  let previous = -1;
  for (;;) {
    const events: LoggedEvent[] = [];
    for (let after = 0; ;) {
      const page = (await call(base, 'GET', `/api/v1/events?after=${after}&limit=500`)).body as { data: LoggedEvent[]; nextAfter: number };
      events.push(...page.data);
      if (page.data.length < 500) break;
      after = page.nextAfter;
    }
    if (events.length === previous) return events;
    previous = events.length;
    await new Promise((r) => setTimeout(r, 1_500));
  }
}

describe('no overselling across channels and two server processes on PostgreSQL', () => {
  const servers: ServerProcess[] = [];
  let database: { url: string; drop: () => Promise<void> } | undefined;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    database = await createEmptyDatabase('postgres');
    await startServerPair(servers, { databaseUrl: database.url, adminKey: ADMIN_KEY });
    receiver = await startWebhookReceiver();
  }, 90_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await receiver?.close();
    await database?.drop();
  });

  it(`${ORDERS} concurrent orders from 3 channels for the last ${STOCK} units: exactly ${STOCK} confirmed, the rest refused`, async () => {
    const first = servers[0]!.url;
    const sku = unique('SALE');
    const site = unique('SSITE');
    const zone = `${site}-Z`;
    const bins = [`${site}-A`, `${site}-B`];
    const channels = [unique('WEB'), unique('POS'), unique('MKT')];
    const setup: Array<[string, unknown]> = [
      ['/api/v1/items', { sku, name: 'Last units' }],
      ['/api/v1/locations', { code: site, name: 'Warehouse', kind: 'site', latitude: '52.5', longitude: '13.4' }],
      ['/api/v1/locations', { code: zone, name: 'Zone', kind: 'zone', parent: site }],
      ...bins.map((bin): [string, unknown] => ['/api/v1/locations', { code: bin, name: 'Bin', kind: 'bin', parent: zone }]),
      ['/api/v1/receipts', { location: bins[0], lines: [{ item: sku, quantity: String(STOCK / 2) }] }],
      ['/api/v1/receipts', { location: bins[1], lines: [{ item: sku, quantity: String(STOCK / 2) }] }],
      ['/api/v1/channels', { code: channels[0], name: 'Web', kind: 'web', locations: [site] }],
      ['/api/v1/channels', { code: channels[1], name: 'Store', kind: 'pos', locations: [zone] }],
      ['/api/v1/channels', { code: channels[2], name: 'Marketplace', kind: 'marketplace', locations: bins, buffer: '0' }],
    ];
    const hook = await call(first, 'POST', '/api/v1/webhooks', { url: `${receiver.url}/sales`, eventTypes: ['*'] });
    expect(hook.status).toBe(201);
    for (const [path, body] of setup) {
      const reply = await call(first, 'POST', path, body);
      expect(reply.status, `${path} ${JSON.stringify(reply.body)}`).toBe(201);
    }

    const replies = await Promise.all(Array.from({ length: ORDERS }, (_, i) =>
      call(servers[i % 2]!.url, 'POST', '/api/v1/sales-orders', {
        channel: channels[i % 3], externalId: `race-${i}`, address: { latitude: '52.52', longitude: '13.40' }, lines: [{ item: sku, quantity: '1' }],
      })));

    const confirmed = replies.filter((r) => r.status === 201);
    const refused = replies.filter((r) => r.status === 409 && r.contentType.includes('application/problem+json') && r.body.type === '/problems/insufficient-stock');
    const unexpected = replies.filter((r) => !confirmed.includes(r) && !refused.includes(r)).map((r) => `${r.status} ${JSON.stringify(r.body)}`);
    expect(unexpected).toEqual([]);
    expect(confirmed).toHaveLength(STOCK);
    expect(refused).toHaveLength(ORDERS - STOCK);
    for (const r of refused) expect(r.body.shortfalls).toEqual([expect.objectContaining({ path: '/lines/0/quantity', item: sku, requested: '1', available: '0' })]);
    // Every confirmed order holds its unit; all three channels got some (a fair race, not one winner).
    const lines = confirmed.map((r) => (r.body.lines as Array<{ reserved: string }>)[0]?.reserved);
    expect(lines.every((reserved) => reserved === '1')).toBe(true);
    expect(new Set(confirmed.map((r) => (r.body.channel as { code: string }).code)).size).toBeGreaterThan(1);
    const numbers = confirmed.map((r) => String(r.body.number));
    expect(new Set(numbers).size).toBe(STOCK);

    for (const server of servers) {
      const stock = await call(server.url, 'GET', `/api/v1/items/${sku}/stock`);
      expect(stock.body.total).toMatchObject({ onHand: String(STOCK), reserved: String(STOCK), available: '0' });
      for (const channel of channels) {
        const availability = await call(server.url, 'GET', `/api/v1/channels/${channel}/availability?item=${sku}`);
        expect((availability.body.data as Array<{ available: string; stock: string }>)[0]).toMatchObject({ stock: '0', available: '0' });
      }
    }
    const listed = await call(servers[1]!.url, 'GET', `/api/v1/sales-orders?item=${sku}&status=reserved&limit=100`);
    expect((listed.body.data as unknown[]).length).toBe(STOCK);

    // Ship every confirmed order at once through both servers: all 20 units leave, none twice.
    const shipped = await Promise.all(confirmed.map((r, i) => call(servers[i % 2]!.url, 'POST', `/api/v1/sales-orders/${String(r.body.id)}/ship`, {})));
    expect(shipped.map((s) => s.status)).toEqual(confirmed.map(() => 200));
    const final = await call(first, 'GET', `/api/v1/items/${sku}/stock`);
    expect(final.body.total).toMatchObject({ onHand: '0', reserved: '0', available: '0' });
    const consistency = await call(servers[1]!.url, 'GET', '/api/v1/consistency');
    expect(consistency.body).toMatchObject({ ok: true, drift: [], unbalancedItems: [] });
    const check = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'check'], { env: { ...process.env, DATABASE_URL: database!.url } });
    expect(check.stdout).toMatch(/^consistent: /);

    // Every event, the holds, shipments, order and channel-availability events of the race included, reached the receiver once per id.
    const events = await allEvents(first);
    await receiver.until((r) => r.acceptedIds('/sales').size >= events.length, 60_000, 'every event delivered');
    expect([...receiver.acceptedIds('/sales')].sort()).toEqual(events.map((e) => e.id).sort());
    expect(events.filter((e) => e.type === 'sales_order.created')).toHaveLength(STOCK);
    const lastFigure = (code: string) => events.filter((e) => e.type === 'channel.availability' && (e.payload.channel as { code: string }).code === code).at(-1)?.payload;
    for (const code of channels) expect(lastFigure(code)).toMatchObject({ available: '0' });
  }, 120_000);

  it('a channel never sells into its buffer, however many orders race', async () => {
    const first = servers[0]!.url;
    const sku = unique('BUF');
    const site = unique('BSITE');
    const bin = `${site}-A`;
    const channel = unique('BUFCH');
    for (const [path, body] of [
      ['/api/v1/items', { sku, name: 'Buffered' }],
      ['/api/v1/locations', { code: site, name: 'Warehouse', kind: 'site' }],
      ['/api/v1/locations', { code: bin, name: 'Bin', kind: 'bin', parent: site }],
      ['/api/v1/receipts', { location: bin, lines: [{ item: sku, quantity: String(STOCK) }] }],
      ['/api/v1/channels', { code: channel, name: 'Marketplace', kind: 'marketplace', locations: [site], buffer: '5' }],
    ] as const) {
      const reply = await call(first, 'POST', path, body);
      expect(reply.status, `${path} ${JSON.stringify(reply.body)}`).toBe(201);
    }
    const replies = await Promise.all(Array.from({ length: 40 }, (_, i) =>
      call(servers[i % 2]!.url, 'POST', '/api/v1/sales-orders', { channel, lines: [{ item: sku, quantity: '1' }] })));
    expect(replies.filter((r) => r.status !== 201 && r.status !== 409).map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual([]);
    expect(replies.filter((r) => r.status === 201)).toHaveLength(STOCK - 5);
    const availability = await call(servers[1]!.url, 'GET', `/api/v1/channels/${channel}/availability?item=${sku}`);
    expect((availability.body.data as unknown[])[0]).toMatchObject({ stock: '5', buffer: '5', available: '0' });
    const stock = await call(first, 'GET', `/api/v1/items/${sku}/stock`);
    expect(stock.body.total).toMatchObject({ onHand: String(STOCK), reserved: String(STOCK - 5), available: '5' });
  }, 120_000);
});
