import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeItem, makeWarehouse, onHandAt, receiveStock } from '../support/factories.js';

describe.each(DIALECTS)('movements on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  it('receives and ships, keeping the ledger consistent', async () => {
    const item = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, 10);
    await api.post('/api/v1/shipments', { location: binA.code, lines: [{ item: item.sku, quantity: 3 }] });
    expect(await onHandAt(api, item.sku, binA.code)).toBe('7');
    expect(await api.get('/api/v1/consistency')).toMatchObject({ ok: true });
  });

  it('refuses a shipment that would make a bin negative and changes nothing', async () => {
    const item = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, 2);
    const response = await api.request('POST', '/api/v1/shipments', { location: binA.code, lines: [{ item: item.sku, quantity: 5 }] });
    expect(response.statusCode).toBe(409);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ type: '/problems/insufficient-stock', shortfalls: [{ path: '/lines/0/quantity', requested: '5', available: '2' }] });
    expect(await onHandAt(api, item.sku, binA.code)).toBe('2');
  });
});
