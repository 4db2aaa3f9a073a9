import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeApiKey, makeItem, makeWarehouse, type PostingJson } from '../support/factories.js';
import { expectConsistent, expectProblem, snapshot } from './assertions.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
interface Operation {
  method: Method;
  url: string;
}
interface AuditJson {
  seq: number;
  actor: { id: string; name: string };
  action: string;
  entity: { type: string; id: string };
  reason: string | null;
  details: unknown;
}

describe.each(DIALECTS)('access control and audit on %s', (dialect) => {
  let api: TestApi;
  let operations: Operation[];
  beforeAll(async () => {
    api = await startTestApi(dialect);
    const doc = (await api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    operations = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase() as Method, url: path.replace(/\{[^}]+\}/g, 'x') })));
  });
  afterAll(async () => api.close());

  const as = (key: string | undefined, { method, url }: Operation, body?: object) =>
    api.app.inject({ method, url, headers: key === undefined ? {} : { authorization: `Bearer ${key}` }, ...(body && { payload: body }) });

  it('finds the API described in the OpenAPI document without a key', async () => {
    const doc = await api.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    expect(operations.length).toBeGreaterThan(30);
    expect(operations).toEqual(expect.arrayContaining([{ method: 'POST', url: '/api/v1/movements' }, { method: 'GET', url: '/api/v1/items/x' }, { method: 'PATCH', url: '/api/v1/items/x' }]));
    const health = await api.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', database: dialect });
    const docs = await api.app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
    expect((await api.app.inject({ method: 'GET', url: '/api/docs/static/swagger-ui-bundle.js' })).statusCode).toBe(200);
  });

  it('answers every /api/v1 operation with 401 problem+json without a key or with a wrong one', async () => {
    const before = await snapshot(api);
    for (const operation of operations) {
      for (const key of [undefined, 'sr_not_a_real_key', '']) {
        const response = await as(key, operation, {});
        expectProblem(response, 401, '/problems/unauthorized');
        expect(response.headers['www-authenticate'], `${operation.method} ${operation.url}`).toBe('Bearer');
      }
      const viaHeader = await api.app.inject({ method: operation.method, url: operation.url, headers: { 'x-api-key': 'sr_wrong' } });
      expectProblem(viaHeader, 401, '/problems/unauthorized');
    }
    expect(await snapshot(api)).toEqual(before);
  });

  it('lets a viewer read but refuses every change with 403, changing nothing', async () => {
    const viewer = await makeApiKey(api, 'viewer');
    const item = await makeItem(api);
    expect((await as(viewer.key, { method: 'GET', url: '/api/v1/items' })).statusCode).toBe(200);
    expect((await as(viewer.key, { method: 'GET', url: `/api/v1/items/${item.sku}/stock` })).statusCode).toBe(200);
    expect((await api.app.inject({ method: 'GET', url: '/api/v1/items', headers: { 'x-api-key': viewer.key } })).statusCode).toBe(200);
    const before = await snapshot(api);
    const writes = operations.filter((o) => o.method !== 'GET');
    expect(writes.length).toBeGreaterThan(15);
    for (const operation of writes) {
      expectProblem(await as(viewer.key, operation, { name: 'x', sku: 'VIEWER-SKU' }), 403, '/problems/forbidden');
    }
    expectProblem(await as(viewer.key, { method: 'GET', url: '/api/v1/api-keys' }), 403, '/problems/forbidden');
    expect(await snapshot(api)).toEqual(before);
  });

  it('lets an operator move stock but not manage keys or reason codes', async () => {
    const operator = await makeApiKey(api, 'operator');
    const item = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    const receipt = await as(operator.key, { method: 'POST', url: '/api/v1/receipts' }, { location: binA.code, lines: [{ item: item.sku, quantity: 1 }] });
    expect(receipt.statusCode).toBe(201);
    expectProblem(await as(operator.key, { method: 'POST', url: '/api/v1/api-keys' }, { name: 'escalate', role: 'admin' }), 403, '/problems/forbidden');
    expectProblem(await as(operator.key, { method: 'POST', url: '/api/v1/reason-codes' }, { code: 'mine', name: 'Mine' }), 403, '/problems/forbidden');
    const keys = await api.get<{ data: Array<{ id: string; prefix: string }> }>('/api/v1/api-keys');
    expect(keys.data.find((k) => k.id === operator.id)?.prefix).toBe(operator.key.slice(0, 10));
    expect(JSON.stringify(keys)).not.toContain(operator.key);
  });

  it('refuses a revoked key (checked by a fresh authenticator, so its cache is not in the way)', async () => {
    const operator = await makeApiKey(api, 'operator');
    expect((await as(operator.key, { method: 'GET', url: '/api/v1/items' })).statusCode).toBe(200);
    const revoked = await api.post<{ revokedAt: string | null }>(`/api/v1/api-keys/${operator.id}/revoke`);
    expect(revoked.revokedAt).not.toBeNull();
    expectProblem(await api.request('POST', `/api/v1/api-keys/${operator.id}/revoke`), 422, '/problems/rule-violation');
    expectProblem(await api.request('POST', '/api/v1/api-keys/NO-SUCH-ID/revoke'), 404, '/problems/not-found');
    const fresh = await buildApp({ store: api.db.store });
    try {
      const response: LightMyRequestResponse = await fresh.inject({ method: 'GET', url: '/api/v1/items', headers: { authorization: `Bearer ${operator.key}` } });
      expectProblem(response, 401, '/problems/unauthorized');
    } finally {
      await fresh.close();
    }
  });

  it('records who did what and why, filterable by entity and actor', async () => {
    const operator = await makeApiKey(api, 'operator', 'picker-anna');
    const item = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    const audit = (query: string) => api.get<{ data: AuditJson[] }>(`/api/v1/audit?${query}`);

    expect((await audit(`entityType=item&entityId=${item.id}`)).data).toEqual([
      expect.objectContaining({ action: 'item.created', actor: { id: 'api-key:env-admin', name: expect.any(String) }, details: { sku: item.sku } }),
    ]);
    await api.request('PATCH', `/api/v1/items/${item.sku}`, { name: 'Renamed' });
    expect((await audit(`entityType=item&entityId=${item.id}`)).data.map((e) => e.action)).toEqual(['item.updated', 'item.created']);

    const receipt = await as(operator.key, { method: 'POST', url: '/api/v1/receipts' }, { location: binA.code, note: 'restock after stocktake', lines: [{ item: item.sku, quantity: 5 }] });
    const { postingId } = receipt.json<PostingJson>();
    expect((await audit(`entityType=posting&entityId=${postingId}`)).data).toEqual([
      expect.objectContaining({ action: 'stock.receipt', actor: { id: `api-key:${operator.id}`, name: 'picker-anna' }, reason: 'restock after stocktake' }),
    ]);
    await as(operator.key, { method: 'POST', url: '/api/v1/adjustments' }, { location: binA.code, reason: 'damage', note: 'forklift', lines: [{ item: item.sku, delta: -1 }] });
    const byOperator = await audit(`actor=api-key:${operator.id}`);
    expect(byOperator.data.map((e) => [e.action, e.reason])).toEqual([['stock.adjusted', 'damage'], ['stock.receipt', 'restock after stocktake']]);
    expect((await audit(`actor=api-key:${operator.id}&action=stock.adjusted`)).data).toHaveLength(1);

    const page = await api.get<{ data: AuditJson[]; nextCursor: string }>('/api/v1/audit?limit=2');
    const next = await api.get<{ data: AuditJson[] }>(`/api/v1/audit?limit=2&cursor=${page.nextCursor}`);
    expect(next.data).toHaveLength(2);
    expect(Math.max(...next.data.map((e) => e.seq))).toBeLessThan(Math.min(...page.data.map((e) => e.seq)));
    expectProblem(await api.request('GET', '/api/v1/audit?from=not-a-time'), 400, '/problems/validation', ['/from']);
  });

  it('leaves the ledger consistent', async () => {
    await expectConsistent(api);
  });
});
