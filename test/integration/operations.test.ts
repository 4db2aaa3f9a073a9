import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeItem, makeWarehouse, onHandAt, receiveStock, type PostingJson } from '../support/factories.js';
import { expectConsistent, expectRefused } from './assertions.js';

const BAD = '/problems/validation';
const SHORT = '/problems/insufficient-stock';

describe.each(DIALECTS)('receipts, shipments and adjustments on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  const send = (url: string, body: unknown) => () => api.request('POST', url, body);

  it('receives several lines with exact unit costs from the supplier', async () => {
    const [bolts, rope] = [await makeItem(api), await makeItem(api, { unit: 'm', decimals: 2 })];
    const { binA } = await makeWarehouse(api);
    const response = await api.request('POST', '/api/v1/receipts', {
      location: binA.code, reference: 'PO-17', note: 'first delivery',
      lines: [{ item: bolts.sku, quantity: 3, unitCost: '0.3333' }, { item: rope.sku, quantity: '12.75', unitCost: 0.1 }, { item: bolts.sku, quantity: '2', unitCost: '12.5000' }],
    });
    expect(response.statusCode).toBe(201);
    const posting = response.json<PostingJson>();
    expect(posting.movements.map((m) => [m.kind, m.from.code, m.quantity, m.unitCost])).toEqual([
      ['receipt', 'supplier', '3', '0.3333'], ['receipt', 'supplier', '12.75', '0.1'], ['receipt', 'supplier', '2', '12.5'],
    ]);
    expect(await api.get(`/api/v1/movements/${posting.movements[0]?.id}`)).toMatchObject({ unitCost: '0.3333', reference: 'PO-17', note: 'first delivery' });
    expect([await onHandAt(api, bolts.sku, binA.code), await onHandAt(api, rope.sku, binA.code)]).toEqual(['5', '12.75']);
  });

  it('refuses bad receipts at the field, receiving nothing', async () => {
    const item = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    const good = { item: item.sku, quantity: 1 };
    const receipt = (body: Record<string, unknown>) => send('/api/v1/receipts', { location: binA.code, lines: [good], ...body });
    await expectRefused(api, receipt({ lines: [good, { item: item.sku, quantity: 1, unitCost: '0.33333' }] }), 400, BAD, ['/lines/1/unitCost']);
    await expectRefused(api, receipt({ lines: [{ ...good, unitCost: '-0.5' }] }), 400, BAD, ['/lines/0/unitCost']);
    await expectRefused(api, receipt({ lines: [good, { item: 'NO-SUCH-SKU', quantity: 1 }] }), 400, BAD, ['/lines/1/item']);
    await expectRefused(api, receipt({ lines: [{ item: item.sku, quantity: '0' }] }), 400, BAD, ['/lines/0/quantity']);
    await expectRefused(api, receipt({ lines: [] }), 400, BAD, ['/lines']);
    await expectRefused(api, receipt({ location: 'NOWHERE' }), 400, BAD, ['/location']);
    await expectRefused(api, receipt({ location: 'customer' }), 400, BAD, ['/location']);
    await expectRefused(api, receipt({ reference: 'x'.repeat(201) }), 400, BAD, ['/reference']);
    await expectRefused(api, receipt({ occurredAt: '2024-13-01T00:00:00Z' }), 400, BAD, ['/occurredAt']);
    expect(await onHandAt(api, item.sku, binA.code)).toBe('0');
  });

  it('ships to the customer and refuses a shipment that any line cannot cover, shipping nothing', async () => {
    const [a, b] = [await makeItem(api), await makeItem(api)];
    const { binA } = await makeWarehouse(api);
    await receiveStock(api, a.sku, binA.code, 5);
    await receiveStock(api, b.sku, binA.code, 1);
    const problem = await expectRefused(api, send('/api/v1/shipments', { location: binA.code, lines: [{ item: a.sku, quantity: 2 }, { item: b.sku, quantity: 3 }] }), 409, SHORT, ['/lines/1/quantity']);
    expect(problem.shortfalls).toEqual([{ path: '/lines/1/quantity', item: b.sku, location: binA.code, requested: '3', available: '1' }]);
    await expectRefused(api, send('/api/v1/shipments', { location: binA.code, destination: 'supplier', lines: [{ item: a.sku, quantity: 1 }] }), 400, BAD, ['/destination']);
    await expectRefused(api, send('/api/v1/shipments', { location: 'loss', lines: [{ item: a.sku, quantity: 1 }] }), 400, BAD, ['/location']);
    await expectRefused(api, send('/api/v1/shipments', { location: binA.code, lines: [{ item: a.sku, quantity: '1.5' }] }), 400, BAD, ['/lines/0/quantity']);

    const shipped = await api.post<PostingJson>('/api/v1/shipments', { location: binA.code, reference: 'SO-9', lines: [{ item: a.sku, quantity: 2 }, { item: b.sku, quantity: 1 }] });
    expect(shipped.movements.map((m) => [m.kind, m.to.code, m.quantity])).toEqual([['shipment', 'customer', '2'], ['shipment', 'customer', '1']]);
    expect([await onHandAt(api, a.sku, binA.code), await onHandAt(api, b.sku, binA.code)]).toEqual(['3', '0']);
  });

  it('adjusts by a signed delta through the loss location, with the reason code', async () => {
    const item = await makeItem(api, { decimals: 1 });
    const { binA } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, '10');
    const found = await api.post<PostingJson>('/api/v1/adjustments', { location: binA.code, reason: 'found', lines: [{ item: item.sku, delta: '2.5' }] });
    expect(found.movements).toEqual([expect.objectContaining({ kind: 'adjustment', from: expect.objectContaining({ code: 'loss' }), quantity: '2.5', reasonCode: 'found' })]);
    const lost = await api.post<PostingJson>('/api/v1/adjustments', { location: binA.code, reason: 'theft', lines: [{ item: item.sku, delta: -4 }] });
    expect(lost.movements).toEqual([expect.objectContaining({ to: expect.objectContaining({ code: 'loss' }), quantity: '4', reasonCode: 'theft' })]);
    expect(await onHandAt(api, item.sku, binA.code)).toBe('8.5');
  });

  it('sets stock to a counted quantity, and posts nothing when the count matches', async () => {
    const item = await makeItem(api);
    const other = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, 10);
    const down = await api.post<PostingJson>('/api/v1/adjustments', { location: binA.code, reason: 'count', lines: [{ item: item.sku, countedQuantity: 7 }, { item: other.sku, countedQuantity: '3' }] });
    expect(down.movements.map((m) => [m.from.code, m.to.code, m.quantity])).toEqual([[binA.code, 'loss', '3'], ['loss', binA.code, '3']]);
    expect([await onHandAt(api, item.sku, binA.code), await onHandAt(api, other.sku, binA.code)]).toEqual(['7', '3']);

    const before = await api.get<{ data: unknown[] }>(`/api/v1/movements?item=${item.sku}&limit=100`);
    const same = await api.post<PostingJson>('/api/v1/adjustments', { location: binA.code, reason: 'count', lines: [{ item: item.sku, countedQuantity: '7' }] });
    expect(same.movements).toEqual([]);
    expect(await api.get(`/api/v1/movements?item=${item.sku}&limit=100`)).toEqual(before);
    expect(await onHandAt(api, item.sku, binA.code)).toBe('7');
  });

  it('refuses bad adjustments at the field, changing nothing', async () => {
    const item = await makeItem(api, { decimals: 2 });
    const { binA } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, '1.5');
    const adjust = (body: Record<string, unknown>) => send('/api/v1/adjustments', { location: binA.code, reason: 'damage', lines: [{ item: item.sku, delta: -1 }], ...body });
    await expectRefused(api, adjust({ reason: 'gremlins' }), 400, BAD, ['/reason']);
    await expectRefused(api, adjust({ lines: [{ item: item.sku, delta: -1, countedQuantity: 3 }] }), 400, BAD, ['/lines/0']);
    await expectRefused(api, adjust({ lines: [{ item: item.sku, delta: 1 }, { item: item.sku }] }), 400, BAD, ['/lines/1']);
    await expectRefused(api, adjust({ lines: [{ item: item.sku, delta: '0' }] }), 400, BAD, ['/lines/0/delta']);
    await expectRefused(api, adjust({ lines: [{ item: item.sku, delta: '-0.001' }] }), 400, BAD, ['/lines/0/delta']);
    await expectRefused(api, adjust({ lines: [{ item: item.sku, countedQuantity: '-1' }] }), 400, BAD, ['/lines/0/countedQuantity']);
    await expectRefused(api, adjust({ lines: [{ item: 'NO-SUCH-SKU', delta: 1 }] }), 400, BAD, ['/lines/0/item']);
    await expectRefused(api, adjust({ location: 'loss' }), 400, BAD, ['/location']);
    await expectRefused(api, adjust({ lines: [{ item: item.sku, delta: 1 }, { item: item.sku, delta: '-2.6' }] }), 409, SHORT, ['/lines/1/delta']);
    expect(await onHandAt(api, item.sku, binA.code)).toBe('1.5');
  });

  it('lists the reason codes adjustments accept, and lets an admin add one', async () => {
    const codes = await api.get<{ data: Array<{ code: string }> }>('/api/v1/reason-codes');
    expect(codes.data.map((c) => c.code)).toEqual(expect.arrayContaining(['damage', 'theft', 'found', 'count']));
    expect((await api.request('POST', '/api/v1/reason-codes', { code: 'recall', name: 'Product recall' })).statusCode).toBe(201);
    await expectRefused(api, send('/api/v1/reason-codes', { code: 'recall', name: 'Again' }), 409, '/problems/conflict', ['/code']);
    await expectRefused(api, send('/api/v1/reason-codes', { code: 'Bad Code', name: 'x' }), 400, BAD, ['/code']);
    const item = await makeItem(api);
    const { binA } = await makeWarehouse(api);
    await api.post('/api/v1/adjustments', { location: binA.code, reason: 'recall', lines: [{ item: item.sku, countedQuantity: 1 }] });
    expect(await onHandAt(api, item.sku, binA.code)).toBe('1');
  });

  it('leaves the ledger consistent', async () => {
    await expectConsistent(api);
  });
});
