import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeApiKey, makeItem, makeWarehouse, onHandAt, receiveStock, unique, type PostingJson } from '../support/factories.js';
import { expectConsistent, expectRefused } from './assertions.js';

const REUSE = '/problems/idempotency-key-reuse';

describe.each(DIALECTS)('Idempotency-Key on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  const withKey = (key: string, url: string, body: unknown) => api.request('POST', url, body, { 'idempotency-key': key });
  const movementsOf = async (sku: string) => (await api.get<{ data: unknown[] }>(`/api/v1/movements?item=${sku}&limit=500`)).data.length;

  it('answers a repeat with the first response and posts once', async () => {
    const item = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    const key = unique('receipt');
    const body = { location: binA.code, lines: [{ item: item.sku, quantity: 3, unitCost: '1.5' }] };
    const first = await withKey(key, '/api/v1/receipts', body);
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await withKey(key, '/api/v1/receipts', { lines: [{ unitCost: '1.5', quantity: 3, item: item.sku }], location: binA.code });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await movementsOf(item.sku)).toBe(1);
    expect(await onHandAt(api, item.sku, binA.code)).toBe('3');
  });

  it('replays creations too, returning the same new resource', async () => {
    const key = unique('item');
    const body = { sku: unique('IDEM'), name: 'Once' };
    const first = await withKey(key, '/api/v1/items', body);
    const again = await withKey(key, '/api/v1/items', body);
    expect([first.statusCode, again.statusCode]).toEqual([201, 201]);
    expect(again.json<{ id: string }>().id).toBe(first.json<{ id: string }>().id);
  });

  it('refuses the same key with a different body or on another operation with 422, posting nothing', async () => {
    const item = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    const key = unique('ship');
    await receiveStock(api, item.sku, binA.code, 10);
    await withKey(key, '/api/v1/shipments', { location: binA.code, lines: [{ item: item.sku, quantity: 1 }] });
    await expectRefused(api, () => withKey(key, '/api/v1/shipments', { location: binA.code, lines: [{ item: item.sku, quantity: 2 }] }), 422, REUSE);
    await expectRefused(api, () => withKey(key, '/api/v1/receipts', { location: binA.code, lines: [{ item: item.sku, quantity: 1 }] }), 422, REUSE);
    expect(await onHandAt(api, item.sku, binA.code)).toBe('9');
  });

  it('does not spend a key on a refused request', async () => {
    const item = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    const key = unique('retry');
    await expectRefused(api, () => withKey(key, '/api/v1/shipments', { location: binA.code, lines: [{ item: item.sku, quantity: 2 }] }), 409, '/problems/insufficient-stock');
    await receiveStock(api, item.sku, binA.code, 2);
    const retried = await withKey(key, '/api/v1/shipments', { location: binA.code, lines: [{ item: item.sku, quantity: 2 }] });
    expect(retried.statusCode).toBe(201);
    expect(retried.headers['idempotent-replayed']).toBeUndefined();
    expect(await onHandAt(api, item.sku, binA.code)).toBe('0');
  });

  it('scopes keys per API key', async () => {
    const operator = await makeApiKey(api, 'operator');
    const item = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    const key = unique('shared');
    const body = { location: binA.code, lines: [{ item: item.sku, quantity: 2 }] };
    const mine = await withKey(key, '/api/v1/receipts', body);
    const theirs = await api.app.inject({ method: 'POST', url: '/api/v1/receipts', payload: body, headers: { authorization: `Bearer ${operator.key}`, 'idempotency-key': key } });
    expect([mine.statusCode, theirs.statusCode]).toEqual([201, 201]);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json<PostingJson>().postingId).not.toBe(mine.json<PostingJson>().postingId);
    expect(await onHandAt(api, item.sku, binA.code)).toBe('4');
  });

  it('posts exactly once when ten identical requests with one key arrive at once', async () => {
    const item = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    const key = unique('burst');
    const body = { location: binA.code, lines: [{ item: item.sku, quantity: 7 }] };
    const responses = await Promise.all(Array.from({ length: 10 }, () => withKey(key, '/api/v1/receipts', body)));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    expect(new Set(responses.map((r) => r.json<PostingJson>().postingId)).size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(9);
    expect(await movementsOf(item.sku)).toBe(1);
    expect(await onHandAt(api, item.sku, binA.code)).toBe('7');
  });

  it('ships exactly once when ten identical requests for the last units arrive at once', async () => {
    const item = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, 5);
    const key = unique('last-units');
    const body = { location: binA.code, lines: [{ item: item.sku, quantity: 5 }] };
    const responses = await Promise.all(Array.from({ length: 10 }, () => withKey(key, '/api/v1/shipments', body)));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    expect(new Set(responses.map((r) => r.json<PostingJson>().postingId)).size).toBe(1);
    expect(await movementsOf(item.sku)).toBe(2);
    expect(await onHandAt(api, item.sku, binA.code)).toBe('0');
  });

  it('holds exactly once when ten identical reservations for the last units arrive at once', async () => {
    const item = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, 3);
    const key = unique('hold');
    const responses = await Promise.all(Array.from({ length: 10 }, () => withKey(key, '/api/v1/reservations', { item: item.sku, location: binA.code, quantity: 3 })));
    expect(responses.map((r) => r.statusCode)).toEqual(Array(10).fill(201));
    expect(new Set(responses.map((r) => r.json<{ id: string }>().id)).size).toBe(1);
    expect((await api.get<{ data: unknown[] }>(`/api/v1/reservations?item=${item.sku}`)).data).toHaveLength(1);
  });

  it('leaves the ledger consistent', async () => {
    await expectConsistent(api);
  });
});
