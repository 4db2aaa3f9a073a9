import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StockroomEvent } from '../../src/events/event-types.js';
import type { CreatedWebhook, Webhook, WebhookDelivery } from '../../src/events/webhook-types.js';
import type { Page } from '../../src/shared/page.js';
import { createEmptyDatabase } from '../support/databases.js';
import { unique } from '../support/factories.js';
import { startServer, startServerPair, type ServerProcess } from '../support/server-process.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { httpClient } from '../support/http-client.js';

/**
 * DESIGN §4 for webhooks: real server processes share one PostgreSQL database and its delivery
 * work. Every event reaches every subscription, no two processes send one subscription's events
 * at once, and a process killed while a receiver holds its request leaves that delivery to be
 * sent again once its lease runs out.
 */
const ADMIN_KEY = 'sr_webhooks_test_admin_key';
const WRITES = 90;
// Long enough that a held request is still in flight when its server is killed on a loaded machine
// (at 2 s a CI run once timed the attempt out first); the lease must exceed it by a second.
const TIMEOUT_MS = 5_000;
const LEASE_MS = 6_500;

// The spawned servers inherit the environment: a millisecond schedule and a short lease, and one
// subscription at a time per process, so with three subscriptions both processes always hold some.
Object.assign(process.env, {
  STOCKROOM_WEBHOOK_CONCURRENCY: '1',
  STOCKROOM_WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
  STOCKROOM_WEBHOOK_LEASE_MS: String(LEASE_MS),
  STOCKROOM_WEBHOOK_RETRY_DELAYS_MS: '50,100,200,400,800,1600',
  STOCKROOM_WEBHOOK_POLL_MS: '200',
});

const { call } = httpClient(ADMIN_KEY);

describe('webhooks across server processes on PostgreSQL', () => {
  const servers: ServerProcess[] = [];
  let database: { url: string; drop: () => Promise<void> } | undefined;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    database = await createEmptyDatabase('postgres');
    receiver = await startWebhookReceiver();
  }, 90_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await receiver?.close();
    await database?.drop();
  });

  async function stockedBin(base: string): Promise<{ sku: string; bin: string }> {
    const sku = unique('WHK');
    const site = unique('WSITE');
    const bin = unique('WBIN');
    await call(base, 'POST', '/api/v1/items', { sku, name: 'Hooked item' });
    await call(base, 'POST', '/api/v1/locations', { code: site, name: 'Site', kind: 'site' });
    await call(base, 'POST', '/api/v1/locations', { code: bin, name: 'Bin', kind: 'bin', parent: site });
    await call(base, 'POST', '/api/v1/receipts', { location: bin, lines: [{ item: sku, quantity: '10000' }] });
    return { sku, bin };
  }

  /** Every numbered event after `after`. */
  async function eventsAfter(base: string, after: number): Promise<StockroomEvent[]> {
    const events: StockroomEvent[] = [];
    for (let cursor = after; ;) {
      const page = await call<{ data: StockroomEvent[]; nextAfter: number }>(base, 'GET', `/api/v1/events?after=${cursor}&limit=500`);
      events.push(...page.data);
      if (page.data.length < 500) return events;
      cursor = page.nextAfter;
    }
  }

  /** Waits until every event of the log after `after` was accepted at `path`. */
  async function untilAllAccepted(base: string, path: string, after: number, timeoutMs: number): Promise<StockroomEvent[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const events = await eventsAfter(base, after);
      const ids = receiver.acceptedIds(path);
      if (events.length > 0 && events.every((e) => ids.has(e.id))) return events;
      if (Date.now() > deadline) throw new Error(`${path}: ${ids.size} of ${events.length} events accepted after ${timeoutMs} ms`);
      await sleep(50);
    }
  }

  it(`two processes deliver ${WRITES} concurrent writes to three subscriptions: every event, each once, in order`, async () => {
    await startServerPair(servers, { databaseUrl: database!.url, adminKey: ADMIN_KEY });
    const [a, b] = [servers[0]!.url, servers[1]!.url];
    const { sku, bin } = await stockedBin(a);
    await sleep(200);
    const hooks = await Promise.all(['/p1', '/p2', '/p3'].map(async (path, i) => ({
      path, hook: await call<CreatedWebhook>(i % 2 === 0 ? a : b, 'POST', '/api/v1/webhooks', { url: `${receiver.url}${path}` }),
    })));
    const started = Date.now();
    await Promise.all(Array.from({ length: WRITES }, (_, i) =>
      call(i % 2 === 0 ? a : b, 'POST', i % 3 === 0 ? '/api/v1/shipments' : '/api/v1/receipts', { location: bin, lines: [{ item: sku, quantity: '1' }] })));

    for (const { path, hook } of hooks) {
      const events = await untilAllAccepted(a, path, hook.queuedThroughSeq, 30_000);
      expect(events.length).toBeGreaterThanOrEqual(WRITES);
      const accepted = receiver.accepted(path);
      // Exactly once here: no process died, so nothing had to be sent again.
      expect(accepted.map((r) => r.headers['webhook-id'])).toEqual(events.map((e) => e.id));
      expect(receiver.received.filter((r) => r.path === path)).toHaveLength(events.length);
    }
    console.log(`webhooks: ${WRITES} writes through 2 processes delivered to 3 subscriptions in ${Date.now() - started} ms`);

    // One write on a quiet system: from its HTTP answer to the receiver's copy.
    const before = receiver.accepted('/p1').length;
    const written = Date.now();
    await call(b, 'POST', '/api/v1/receipts', { location: bin, lines: [{ item: sku, quantity: '1' }] });
    const answered = Date.now();
    await receiver.until((r) => r.accepted('/p1').length > before, 10_000);
    console.log(`webhooks: one write, answer after ${answered - written} ms, delivered ${receiver.accepted('/p1').at(-1)!.at - answered} ms after the answer`);

    for (const { hook } of hooks) await call(a, 'DELETE', `/api/v1/webhooks/${hook.id}`);
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  }, 120_000);

  it('one of two delivering processes is killed mid-burst: the other takes over its subscriptions and every event arrives, in order', async () => {
    await startServerPair(servers, { databaseUrl: database!.url, adminKey: ADMIN_KEY });
    const [survivor, victim] = [servers[0]!, servers[1]!];
    const { sku, bin } = await stockedBin(survivor.url);
    await sleep(200);
    const paths = ['/k1', '/k2', '/k3'];
    const hooks = await Promise.all(paths.map(async (path) => ({ path, hook: await call<CreatedWebhook>(survivor.url, 'POST', '/api/v1/webhooks', { url: `${receiver.url}${path}` }) })));
    // Slow answers keep deliveries in flight, so the victim is holding subscriptions when it dies.
    receiver.setDelay(30);
    const write = (base: string) => call(base, 'POST', '/api/v1/receipts', { location: bin, lines: [{ item: sku, quantity: '1' }] });
    await Promise.all(Array.from({ length: 60 }, (_, i) => write(i % 2 === 0 ? survivor.url : victim.url)));
    const heldByVictim = await until(async () => {
      const held = await leasesOf(victim.pid);
      return held > 0 ? held : undefined;
    }, 10_000, 'the second process to hold a subscription');
    process.kill(victim.pid, 'SIGKILL');
    await victim.stop();
    servers.splice(servers.indexOf(victim), 1);
    const killedAt = Date.now();
    await Promise.all(Array.from({ length: 30 }, () => write(survivor.url)));

    let duplicates = 0;
    for (const { path, hook } of hooks) {
      const events = await untilAllAccepted(survivor.url, path, hook.queuedThroughSeq, 40_000);
      expect(events).toHaveLength(90);
      const accepted = receiver.accepted(path);
      expect(receiver.acceptedIds(path)).toEqual(new Set(events.map((e) => e.id)));
      // At most the one delivery under way when the process died is sent twice, and never out of order.
      const seqs = accepted.map((r) => (JSON.parse(r.body) as StockroomEvent).seq);
      expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
      expect(accepted.length - events.length).toBeLessThanOrEqual(1);
      duplicates += accepted.length - events.length;
    }
    const lastArrival = Math.max(...paths.map((p) => receiver.accepted(p).at(-1)!.at));
    console.log(`webhooks: killed one of 2 processes holding ${heldByVictim} subscription(s); all 3 × 90 events in ${lastArrival - killedAt} ms after the kill, ${duplicates} duplicate(s) among accepted requests`);
    receiver.setDelay(0);
    for (const { hook } of hooks) await call(survivor.url, 'DELETE', `/api/v1/webhooks/${hook.id}`);
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  }, 120_000);

  /** Subscriptions whose lease the process `pid` holds now. */
  async function leasesOf(pid: number): Promise<number> {
    const client = new pg.Client({ connectionString: database!.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ claimed_by: string | null; claimed_until: string | null }>('select claimed_by, claimed_until from webhook_subscriptions');
      const now = new Date().toISOString();
      return rows.filter((r) => r.claimed_by?.endsWith(`:${pid}`) && r.claimed_until !== null && r.claimed_until > now).length;
    } finally {
      await client.end();
    }
  }

  async function until<T>(probe: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
      await sleep(5);
    }
  }

  it('a delivery its receiver has not answered when the server is killed is sent again after the restart', async () => {
    const first = await startServer({ databaseUrl: database!.url, adminKey: ADMIN_KEY });
    servers.push(first);
    const { sku, bin } = await stockedBin(first.url);
    await sleep(200);
    const hook = await call<CreatedWebhook>(first.url, 'POST', '/api/v1/webhooks', { url: `${receiver.url}/kill` });
    receiver.setMode('hang');
    await call(first.url, 'POST', '/api/v1/shipments', { location: bin, lines: [{ item: sku, quantity: '1' }] });
    await receiver.until((r) => r.received.some((q) => q.path === '/kill'), 5_000, 'the first attempt');
    const [held] = receiver.received.filter((q) => q.path === '/kill');
    const eventId = String(held!.headers['webhook-id']);

    // Killed outright while the receiver holds the request: nothing is recorded, the lease stays taken.
    process.kill(first.pid, 'SIGKILL');
    await first.stop();
    servers.splice(servers.indexOf(first), 1);
    receiver.setMode(200);
    const killedAt = Date.now();

    const restarted = await startServer({ databaseUrl: database!.url, adminKey: ADMIN_KEY });
    servers.push(restarted);
    await call(restarted.url, 'POST', '/api/v1/receipts', { location: bin, lines: [{ item: sku, quantity: '1' }] });
    const events = await untilAllAccepted(restarted.url, '/kill', hook.queuedThroughSeq, 20_000);
    const redeliveredAfter = receiver.accepted('/kill')[0]!.at - killedAt;
    console.log(`webhooks: killed mid-delivery, re-delivered ${redeliveredAfter} ms after the kill (lease ${LEASE_MS} ms)`);

    expect(events).toHaveLength(2);
    expect(events[0]!.id).toBe(eventId);
    const toKill = receiver.received.filter((q) => q.path === '/kill');
    // The held request, then the same event again, then the next one in order.
    expect(toKill.map((q) => q.headers['webhook-id'])).toEqual([eventId, eventId, events[1]!.id]);
    expect(toKill.map((q) => q.answered)).toEqual([null, 200, 200]);
    expect(receiver.acceptedIds('/kill').size).toBe(2);
    expect(redeliveredAfter).toBeLessThan(LEASE_MS + 15_000);

    // The receiver has answered; the server records that just after.
    for (let tries = 0; (await call<Webhook>(restarted.url, 'GET', `/api/v1/webhooks/${hook.id}`)).pendingDeliveries > 0; tries++) {
      if (tries > 200) throw new Error('the deliveries were never recorded');
      await sleep(20);
    }
    const log = await call<Page<WebhookDelivery>>(restarted.url, 'GET', `/api/v1/webhooks/${hook.id}/deliveries`);
    expect(log.data.map((d) => [d.event.id, d.status, d.attempts])).toEqual([[events[1]!.id, 'delivered', 1], [eventId, 'delivered', 1]]);
    expect(await call<Webhook>(restarted.url, 'GET', `/api/v1/webhooks/${hook.id}`)).toMatchObject({ pendingDeliveries: 0, failedDeliveries: 0 });
  }, 120_000);
});
