import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_KEY, startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeItem, makeWarehouse, receiveStock } from '../support/factories.js';
import { expectConsistent, expectProblem, expectRefused } from './assertions.js';

const BAD = '/problems/validation';

describe.each(DIALECTS)('error answers on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  const raw = (method: 'POST' | 'PUT' | 'GET', url: string, payload: string, contentType = 'application/json') =>
    api.app.inject({ method, url, payload, headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': contentType } });

  it('answers a body that is not JSON with 400 problem+json, changing nothing', async () => {
    await expectRefused(api, () => raw('POST', '/api/v1/items', '{"sku": "A",'), 400, BAD, ['/']);
    await expectRefused(api, () => raw('POST', '/api/v1/receipts', 'location=BIN'), 400, BAD, ['/']);
    await expectRefused(api, () => raw('POST', '/api/v1/items', 'sku,name', 'text/csv'), 400, BAD);
  });

  it('treats an empty JSON body as no body', async () => {
    await expectRefused(api, () => raw('POST', '/api/v1/items', ''), 400, BAD);
    const item = await makeItem(api);
    const { binA, binB } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, 2);
    const hold = await api.post<{ id: string }>('/api/v1/reservations', { item: item.sku, location: binA.code, quantity: 1 });
    const released = await raw('POST', `/api/v1/reservations/${hold.id}/release`, '');
    expect(released.statusCode).toBe(200);
    const transfer = await api.post<{ transfer: { id: string } }>('/api/v1/transfers', { from: binA.code, to: binB.code, mode: 'two-step', lines: [{ item: item.sku, quantity: 1 }] });
    // `curl -X POST …/receive` sends neither a body nor a content type.
    const received = await api.app.inject({ method: 'POST', url: `/api/v1/transfers/${transfer.transfer.id}/receive`, headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    expect(received.statusCode).toBe(200);
  });

  it('names every field of the wrong type', async () => {
    const problem = await expectRefused(api, () => api.request('POST', '/api/v1/items', { sku: 42, name: ['x'], decimals: '2' }), 400, BAD, ['/sku', '/name', '/decimals']);
    expect(problem.errors?.every((e) => e.message.length > 0)).toBe(true);
    await expectRefused(api, () => api.request('POST', '/api/v1/movements/batch', { movements: [{ item: 'A', quantity: 1, from: 'x', to: 5 }] }), 400, BAD, ['/movements/0/to']);
    await expectRefused(api, () => api.request('POST', '/api/v1/receipts', { location: 'x', lines: [{ item: 'A' }] }), 400, BAD, ['/lines/0/quantity']);
    await expectRefused(api, () => api.request('POST', '/api/v1/receipts', ['not', 'an', 'object']), 400, BAD);
  });

  it('names bad query parameters under /querystring', async () => {
    expectProblem(await api.request('GET', '/api/v1/movements?limit=abc'), 400, BAD, ['/querystring/limit']);
    expectProblem(await api.request('GET', '/api/v1/items?includeArchived=maybe'), 400, BAD, ['/querystring/includeArchived']);
    expectProblem(await api.request('GET', '/api/v1/transfers?status=lost'), 400, BAD, ['/querystring/status']);
    expectProblem(await api.request('GET', '/api/v1/reservations?status=forever'), 400, BAD, ['/querystring/status']);
  });

  it('answers unknown routes and methods with 404 problem+json', async () => {
    expectProblem(await api.request('GET', '/api/v1/nothing-here'), 404, '/problems/not-found');
    expectProblem(await raw('PUT', '/api/v1/items', '{}'), 404, '/problems/not-found');
    expectProblem(await api.request('GET', '/api/v1/transfers/NO-SUCH-ID'), 404, '/problems/not-found');
    expectProblem(await api.request('GET', '/api/v1/reservations/NO-SUCH-ID'), 404, '/problems/not-found');
  });

  it('leaves the ledger consistent', async () => {
    await expectConsistent(api);
  });
});
