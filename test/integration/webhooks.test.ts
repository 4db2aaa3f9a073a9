import type { LightMyRequestResponse } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ensureAdminKey } from '../../src/access/api-key-service.js';
import { appendEvents } from '../../src/db/outbox.js';
import type { StockroomEvent } from '../../src/events/event-types.js';
import { verifyWebhookSignature } from '../../src/events/webhook-rules.js';
import type { CreatedWebhook, Webhook, WebhookDelivery, WebhookReplay } from '../../src/events/webhook-types.js';
import { buildApp } from '../../src/http/app.js';
import type { Page } from '../../src/shared/page.js';
import { ADMIN_KEY, type TestApi } from '../support/api.js';
import { createTestDatabase, DIALECTS, type TestDialect } from '../support/databases.js';
import { eventsAfter, latestSeq } from '../support/events.js';
import { makeItem, makeWarehouse, receiveStock } from '../support/factories.js';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver.js';
import { expectProblem, expectRefused } from './assertions.js';

/** Millisecond timing, so retries, timeouts and leases play out within a test. */
const SETTINGS = { timeoutMs: 1_000, leaseMs: 3_000, retryDelaysMs: [20, 40, 80, 160, 320, 640], pollMs: 50 };

/** The usual test API, on an app whose webhook worker runs on the millisecond schedule above. */
async function startWebhookApi(dialect: TestDialect): Promise<TestApi> {
  const db = await createTestDatabase(dialect);
  await ensureAdminKey(db.store, ADMIN_KEY);
  const app = await buildApp({ store: db.store, webhooks: SETTINGS });
  const request: TestApi['request'] = (method, url, body, headers = {}) =>
    app.inject({ method, url, headers: { authorization: `Bearer ${ADMIN_KEY}`, ...headers }, ...(body !== undefined && { payload: body as object }) });
  const expectOk = async <T>(response: LightMyRequestResponse): Promise<T> => {
    if (response.statusCode >= 300) throw new Error(`${response.statusCode}: ${response.body}`);
    return response.json<T>();
  };
  return {
    db, app, request,
    get: async (url) => expectOk(await request('GET', url)),
    post: async (url, body, headers) => expectOk(await request('POST', url, body ?? {}, headers)),
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

describe.each(DIALECTS)('webhooks on %s', (dialect) => {
  let api: TestApi;
  let receiver: WebhookReceiver;
  let paths = 0;

  beforeAll(async () => {
    api = await startWebhookApi(dialect);
    receiver = await startWebhookReceiver();
  });
  afterAll(async () => {
    await api?.close();
    await receiver?.close();
  });
  beforeEach(() => receiver.setMode(200));
  // Each test's subscriptions would otherwise receive every later test's events, and retry them in the background.
  afterEach(async () => {
    for (const hook of (await api.get<Page<Webhook>>('/api/v1/webhooks?limit=500')).data) await api.request('DELETE', `/api/v1/webhooks/${hook.id}`);
  });

  /** A subscription to its own path on the receiver, so tests tell their deliveries apart. */
  async function subscribe(body: Record<string, unknown> = {}): Promise<{ hook: CreatedWebhook; path: string }> {
    const path = `/hook-${++paths}`;
    const hook = (await api.request('POST', '/api/v1/webhooks', { url: `${receiver.url}${path}`, ...body })).json<CreatedWebhook>();
    return { hook, path };
  }

  async function stockedBin(quantity = 10) {
    const item = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, quantity);
    return { item, bin: binA };
  }

  const receive = (sku: string, bin: string, quantity = 1) => api.post('/api/v1/receipts', { location: bin, lines: [{ item: sku, quantity }] });
  const deliveries = (id: string, query = '') => api.get<Page<WebhookDelivery>>(`/api/v1/webhooks/${id}/deliveries${query}`);

  /** Waits until the subscription has nothing pending (everything delivered or given up). */
  async function untilSettled(id: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const hook = await api.get<Webhook>(`/api/v1/webhooks/${id}`);
      if (hook.pendingDeliveries === 0 && hook.queuedThroughSeq >= (await latestSeq(api))) return;
      if (Date.now() > deadline) throw new Error(`webhook ${id} still has ${hook.pendingDeliveries} pending deliveries`);
      await sleep(20);
    }
  }

  describe('subscriptions', () => {
    it('are created with a secret shown once, listed, read, changed and deleted, each change audited', async () => {
      const created = await api.request('POST', '/api/v1/webhooks', { url: `${receiver.url}/crud`, eventTypes: ['stock.changed', 'sales_order.*'], description: 'ERP sync' });
      expect(created.statusCode, created.body).toBe(201);
      const hook = created.json<CreatedWebhook>();
      expect(hook).toMatchObject({
        url: `${receiver.url}/crud`, eventTypes: ['sales_order.*', 'stock.changed'], description: 'ERP sync', status: 'active',
        pendingDeliveries: 0, failedDeliveries: 0, queuedThroughSeq: await latestSeq(api), secret: expect.stringMatching(/^whsec_/),
      });

      const read = await api.get<Webhook & { secret?: string }>(`/api/v1/webhooks/${hook.id}`);
      expect(read.secret).toBeUndefined();
      const { secret: _secret, ...shown } = hook;
      expect(read).toEqual(shown);
      const listed = await api.get<Page<Webhook>>('/api/v1/webhooks?limit=500');
      expect(listed.data.map((w) => w.id)).toContain(hook.id);
      expect(JSON.stringify(listed)).not.toContain(hook.secret);

      const patched = await api.request('PATCH', `/api/v1/webhooks/${hook.id}`, { status: 'paused', eventTypes: ['*'], description: null });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({ status: 'paused', eventTypes: ['*'], description: null });

      const deleted = await api.request('DELETE', `/api/v1/webhooks/${hook.id}`);
      expect(deleted.statusCode).toBe(200);
      expectProblem(await api.request('GET', `/api/v1/webhooks/${hook.id}`), 404, '/problems/not-found');

      const audit = await api.get<{ data: Array<{ action: string; entity: { id: string }; details: unknown }> }>('/api/v1/audit?limit=500');
      const actions = audit.data.filter((a) => a.entity.id === hook.id).map((a) => a.action).sort();
      expect(actions).toEqual(['webhook.created', 'webhook.deleted', 'webhook.updated']);
      expect(JSON.stringify(audit)).not.toContain(hook.secret);
    });

    it('refuses bad input with the field path and changes nothing', async () => {
      const { hook } = await subscribe();
      const post = (body: unknown) => () => api.request('POST', '/api/v1/webhooks', body);
      await expectRefused(api, post({ url: 'ftp://127.0.0.1/x' }), 400, '/problems/validation', ['/url']);
      await expectRefused(api, post({ url: 'not a url' }), 400, '/problems/validation', ['/url']);
      await expectRefused(api, post({ url: 'http://user:pw@127.0.0.1/' }), 400, '/problems/validation', ['/url']);
      await expectRefused(api, post({}), 400, '/problems/validation', ['/url']);
      await expectRefused(api, post({ url: `${receiver.url}/x`, eventTypes: ['stock.changed', 'Not A Type'] }), 400, '/problems/validation', ['/eventTypes/1']);
      await expectRefused(api, post({ url: `${receiver.url}/x`, eventTypes: [] }), 400, '/problems/validation', ['/eventTypes']);
      await expectRefused(api, post({ url: `${receiver.url}/x`, secret: 'mine' }), 400, '/problems/validation', ['/secret']);
      await expectRefused(api, () => api.request('PATCH', `/api/v1/webhooks/${hook.id}`, { status: 'sleeping' }), 400, '/problems/validation', ['/status']);
      await expectRefused(api, () => api.request('PATCH', '/api/v1/webhooks/nope', { status: 'paused' }), 404, '/problems/not-found');
      await expectRefused(api, () => api.request('POST', `/api/v1/webhooks/${hook.id}/replay`, {}), 400, '/problems/validation', ['/fromSeq']);
      await expectRefused(api, () => api.request('POST', `/api/v1/webhooks/${hook.id}/replay`, { fromSeq: 0 }), 400, '/problems/validation', ['/fromSeq']);
      await expectRefused(api, () => api.request('POST', `/api/v1/webhooks/${hook.id}/replay`, { deliveryId: 'nope' }), 404, '/problems/not-found', ['/deliveryId']);
    });

    it('are for admins only', async () => {
      const { key } = await api.post<{ key: string }>('/api/v1/api-keys', { name: 'ops', role: 'operator' });
      const asOperator = { authorization: `Bearer ${key}` };
      expectProblem(await api.request('GET', '/api/v1/webhooks', undefined, asOperator), 403, '/problems/forbidden');
      await expectRefused(api, () => api.request('POST', '/api/v1/webhooks', { url: `${receiver.url}/ops` }, asOperator), 403, '/problems/forbidden');
    });

    it('an Idempotency-Key repeat returns the first subscription, secret included, and creates no second one', async () => {
      const key = { 'idempotency-key': `hook-${Date.now()}` };
      const first = (await api.request('POST', '/api/v1/webhooks', { url: `${receiver.url}/idem` }, key)).json<CreatedWebhook>();
      const again = await api.request('POST', '/api/v1/webhooks', { url: `${receiver.url}/idem` }, key);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json()).toEqual(first);
      const all = await api.get<Page<Webhook>>('/api/v1/webhooks?limit=500');
      expect(all.data.filter((w) => w.url === `${receiver.url}/idem`)).toHaveLength(1);
    });
  });

  describe('delivery', () => {
    it('POSTs each event as the log gives it, signed with the subscription secret', async () => {
      const { hook, path } = await subscribe();
      const { item, bin } = await stockedBin();
      await receive(item.sku, bin.code);
      await receiver.until((r) => r.accepted(path).length === 2);
      const [event1, event2] = await eventsAfter(api, hook.queuedThroughSeq);
      const [first, second] = receiver.accepted(path);
      for (const [request, event] of [[first!, event1!], [second!, event2!]] as const) {
        expect(JSON.parse(request.body)).toEqual(event);
        expect(request.headers).toMatchObject({ 'webhook-id': event.id, 'content-type': 'application/json', 'user-agent': expect.stringMatching(/^Stockroom/) });
        const timestamp = Number(request.headers['webhook-timestamp']);
        expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(60);
        const signature = String(request.headers['webhook-signature']);
        expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
        expect(verifyWebhookSignature(hook.secret, timestamp, request.body, signature)).toBe(true);
        expect(verifyWebhookSignature('whsec_wrong', timestamp, request.body, signature)).toBe(false);
      }
    });

    it('sends only the event types a subscription asked for', async () => {
      const stock = await subscribe({ eventTypes: ['stock.changed'] });
      const sales = await subscribe({ eventTypes: ['sales_order.*'] });
      const all = await subscribe({ eventTypes: ['*'] });
      const { item, bin } = await stockedBin();
      await api.db.store.write((trx) => appendEvents(trx, [{ type: 'sales_order.created', payload: { salesOrderId: 'SO-1' } }, { type: 'channel.availability', payload: {} }]));
      await receive(item.sku, bin.code);
      await Promise.all([stock, sales, all].map(({ hook }) => untilSettled(hook.id)));
      const typesAt = (path: string) => receiver.accepted(path).map((r) => (JSON.parse(r.body) as StockroomEvent).type);
      expect(typesAt(stock.path)).toEqual(['stock.changed', 'stock.changed']);
      expect(typesAt(sales.path)).toEqual(['sales_order.created']);
      expect(typesAt(all.path)).toEqual(['stock.changed', 'sales_order.created', 'channel.availability', 'stock.changed']);
      expect((await deliveries(sales.hook.id)).data.map((d) => d.event.type)).toEqual(['sales_order.created']);
    });

    it('a receiver that fails for a while gets every event, in order, once it recovers', async () => {
      const { hook, path } = await subscribe();
      const { item, bin } = await stockedBin(100);
      receiver.setMode(500);
      const writes = 12;
      for (let i = 0; i < writes; i++) await receive(item.sku, bin.code);
      await receiver.until((r) => r.received.filter((q) => q.path === path && q.answered === 500).length >= 3, 10_000, 'three failed attempts');
      receiver.setMode(200);
      await untilSettled(hook.id);

      const events = await eventsAfter(api, hook.queuedThroughSeq);
      expect(events).toHaveLength(writes + 1);
      expect([...receiver.acceptedIds(path)].sort()).toEqual(events.map((e) => e.id).sort());
      // In order: a failing delivery holds back the later ones until it goes through.
      expect(receiver.accepted(path).map((r) => (JSON.parse(r.body) as StockroomEvent).seq)).toEqual(events.map((e) => e.seq));
      const log = (await deliveries(hook.id, '?limit=500')).data;
      expect(log.every((d) => d.status === 'delivered' && d.lastStatusCode === 200 && d.lastError === null && d.deliveredAt !== null)).toBe(true);
      expect(log.find((d) => d.event.id === events[0]!.id)!.attempts).toBeGreaterThanOrEqual(4);
    });

    it('a receiver that never answers times out, and is retried', async () => {
      const { hook, path } = await subscribe();
      const { item, bin } = await stockedBin();
      await untilSettled(hook.id);
      receiver.setMode('hang');
      await receive(item.sku, bin.code);
      await receiver.until((r) => r.received.filter((q) => q.path === path).length >= 1);
      const deadline = Date.now() + 5_000;
      let log: WebhookDelivery[] = [];
      while (!(log[0]?.event.seq === (await latestSeq(api)) && log[0].attempts >= 1) && Date.now() < deadline) {
        await sleep(50);
        log = (await deliveries(hook.id)).data;
      }
      expect(log[0]).toMatchObject({ status: 'pending', lastStatusCode: null, lastError: `no answer within ${SETTINGS.timeoutMs} ms` });
      expect(log[0]!.lastDurationMs).toBeGreaterThanOrEqual(SETTINGS.timeoutMs - 50);
      receiver.setMode(200);
      await untilSettled(hook.id);
      expect(receiver.acceptedIds(path).size).toBe(2);
    });

    it('gives a delivery up after the last retry, then carries on with the next event', async () => {
      const { hook, path } = await subscribe();
      receiver.setMode(503);
      const { item, bin } = await stockedBin();
      await receiver.until((r) => r.received.filter((q) => q.path === path).length >= SETTINGS.retryDelaysMs.length + 1, 10_000, 'every attempt');
      await untilSettled(hook.id);
      receiver.setMode(200);
      await receive(item.sku, bin.code);
      await untilSettled(hook.id);
      const [newest, given] = (await deliveries(hook.id)).data;
      expect(given).toMatchObject({ status: 'failed', attempts: SETTINGS.retryDelaysMs.length + 1, lastStatusCode: 503, lastError: 'HTTP 503: receiver failing on purpose', nextAttemptAt: null, deliveredAt: null });
      expect(newest).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200 });
      expect(await api.get<Webhook>(`/api/v1/webhooks/${hook.id}`)).toMatchObject({ failedDeliveries: 1, pendingDeliveries: 0 });
      expect(receiver.received.filter((q) => q.path === path)).toHaveLength(SETTINGS.retryDelaysMs.length + 2);
    });

    it('a paused subscription sends nothing; resumed, it sends what happened meanwhile', async () => {
      const { hook, path } = await subscribe({ status: 'paused' });
      const { item, bin } = await stockedBin();
      await receive(item.sku, bin.code);
      await sleep(300);
      expect(receiver.received.filter((q) => q.path === path)).toHaveLength(0);
      await api.request('PATCH', `/api/v1/webhooks/${hook.id}`, { status: 'active' });
      await untilSettled(hook.id);
      expect(receiver.acceptedIds(path).size).toBe(2);
    });

    it('a refused request (shipping more than on hand) or a rolled-back transaction sends nothing', async () => {
      const { item, bin } = await stockedBin(3);
      // A subscription receives what is numbered after it was created: let the setup's event be numbered first.
      await latestSeq(api);
      const { hook, path } = await subscribe();
      await expectRefused(api, () => api.request('POST', '/api/v1/shipments', { location: bin.code, lines: [{ item: item.sku, quantity: 4 }] }), 409, '/problems/insufficient-stock');
      await expectRefused(api, () => api.request('POST', '/api/v1/movements/batch', { movements: [
        { item: item.sku, quantity: 1, from: bin.code, to: 'customer' },
        { item: item.sku, quantity: 9, from: bin.code, to: 'customer' },
      ] }), 409, '/problems/insufficient-stock');
      await expect(api.db.store.write(async (trx) => {
        await appendEvents(trx, [{ type: 'stock.changed', payload: { changes: [] } }]);
        throw new Error('rolled back on purpose');
      })).rejects.toThrow('rolled back on purpose');
      // A write that does commit comes after the refused ones: once its webhook is in, theirs would have been too.
      await receive(item.sku, bin.code);
      await untilSettled(hook.id);
      const [only] = await eventsAfter(api, hook.queuedThroughSeq);
      expect(receiver.received.filter((q) => q.path === path).map((q) => q.headers['webhook-id'])).toEqual([only!.id]);
      expect((await deliveries(hook.id)).data).toHaveLength(1);
    });
  });

  describe('delivery log and replay', () => {
    it('pages the log newest first and filters by status', async () => {
      const { hook } = await subscribe();
      const { item, bin } = await stockedBin();
      for (let i = 0; i < 4; i++) await receive(item.sku, bin.code);
      await untilSettled(hook.id);
      const events = await eventsAfter(api, hook.queuedThroughSeq);
      const first = await deliveries(hook.id, '?limit=3');
      expect(first.nextCursor).not.toBeNull();
      const second = await deliveries(hook.id, `?limit=3&cursor=${first.nextCursor}`);
      expect(second.nextCursor).toBeNull();
      const log = [...first.data, ...second.data];
      expect(log.map((d) => d.event.seq)).toEqual(events.map((e) => e.seq).reverse());
      for (const d of log) {
        expect(d).toMatchObject({ webhookId: hook.id, status: 'delivered', attempts: 1, lastStatusCode: 200, lastError: null, replayOf: null, nextAttemptAt: null });
        expect(d.lastDurationMs).toBeGreaterThanOrEqual(0);
        expect(Date.parse(d.deliveredAt!)).toBeGreaterThanOrEqual(Date.parse(d.createdAt));
      }
      expect(await api.get(`/api/v1/webhooks/${hook.id}/deliveries/${log[1]!.id}`)).toEqual(log[1]);
      expectProblem(await api.request('GET', `/api/v1/webhooks/${hook.id}/deliveries/nope`), 404, '/problems/not-found');
      expect((await deliveries(hook.id, '?status=failed')).data).toEqual([]);
      expect((await deliveries(hook.id, '?status=delivered&limit=500')).data).toHaveLength(events.length);
      expectProblem(await api.request('GET', `/api/v1/webhooks/${hook.id}/deliveries?status=lost`), 400, '/problems/validation', ['/querystring/status']);
    });

    it('replays every event from a seq, and one delivery by its id', async () => {
      const { hook, path } = await subscribe({ eventTypes: ['stock.changed'] });
      const { item, bin } = await stockedBin();
      await api.db.store.write((trx) => appendEvents(trx, [{ type: 'sales_order.created', payload: {} }]));
      await receive(item.sku, bin.code);
      await receive(item.sku, bin.code);
      await untilSettled(hook.id);
      const stockEvents = (await eventsAfter(api, hook.queuedThroughSeq)).filter((e) => e.type === 'stock.changed');
      expect(stockEvents).toHaveLength(3);
      const seqs = () => receiver.accepted(path).map((r) => (JSON.parse(r.body) as StockroomEvent).seq);
      expect(seqs()).toEqual(stockEvents.map((e) => e.seq));

      const fromSeq = stockEvents[1]!.seq;
      const replayed = await api.request('POST', `/api/v1/webhooks/${hook.id}/replay`, { fromSeq });
      expect(replayed.statusCode, replayed.body).toBe(202);
      expect(replayed.json<WebhookReplay>()).toEqual({ queued: 2, fromSeq, throughSeq: await latestSeq(api), deliveryId: null });
      await untilSettled(hook.id);
      expect(seqs()).toEqual([...stockEvents.map((e) => e.seq), stockEvents[1]!.seq, stockEvents[2]!.seq]);

      const oldest = (await deliveries(hook.id, '?limit=500')).data.at(-1)!;
      const again = await api.post<WebhookReplay>(`/api/v1/webhooks/${hook.id}/replay`, { deliveryId: oldest.id });
      expect(again).toMatchObject({ queued: 1, fromSeq: stockEvents[0]!.seq, throughSeq: stockEvents[0]!.seq });
      await untilSettled(hook.id);
      expect(seqs().at(-1)).toBe(stockEvents[0]!.seq);
      const log = (await deliveries(hook.id, '?limit=500')).data;
      expect(log[0]).toMatchObject({ id: again.deliveryId, replayOf: oldest.id, status: 'delivered', event: { id: stockEvents[0]!.id } });
      expect(log).toHaveLength(6);
      // Receivers that dedupe by Webhook-Id still see each event once.
      expect(receiver.acceptedIds(path).size).toBe(3);

      const nothing = await api.post<WebhookReplay>(`/api/v1/webhooks/${hook.id}/replay`, { fromSeq: (await latestSeq(api)) + 10 });
      expect(nothing.queued).toBe(0);
    });
  });
});
