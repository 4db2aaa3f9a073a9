import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeItem, makeWarehouse, onHandAt, receiveStock, stockOf, type MovementJson } from '../support/factories.js';
import { expectConsistent, expectRefused } from './assertions.js';

interface TransferJson {
  id: string;
  mode: string;
  status: string;
  from: { code: string };
  to: { code: string };
  lines: Array<{ item: { sku: string }; quantity: string }>;
  closedAt: string | null;
}
interface TransferResult {
  transfer: TransferJson;
  movements: MovementJson[];
}

describe.each(DIALECTS)('transfers on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  const create = (body: unknown) => () => api.request('POST', '/api/v1/transfers', body);

  it('moves stock immediately between bins of two sites', async () => {
    const item = await makeItem(api, { decimals: 1 });
    const [w1, w2] = [await makeWarehouse(api), await makeWarehouse(api)];
    await receiveStock(api, item.sku, w1.binA.code, '5.5');
    const response = await api.request('POST', '/api/v1/transfers', { from: w1.binA.code, to: w2.binB.code, reference: 'T-1', lines: [{ item: item.sku, quantity: '2.5' }] });
    expect(response.statusCode).toBe(201);
    const { transfer, movements } = response.json<TransferResult>();
    expect(transfer).toMatchObject({ mode: 'immediate', status: 'received', from: { code: w1.binA.code }, to: { code: w2.binB.code }, lines: [{ item: { sku: item.sku }, quantity: '2.5' }] });
    expect(transfer.closedAt).not.toBeNull();
    expect(movements).toEqual([expect.objectContaining({ kind: 'transfer', quantity: '2.5', document: { type: 'transfer', id: transfer.id } })]);
    const stock = await stockOf(api, item.sku);
    expect(stock.sites.map((s) => [s.site.code, s.onHand]).sort()).toEqual([[w1.site.code, '3'], [w2.site.code, '2.5']].sort());
    expect(stock.total).toMatchObject({ onHand: '5.5', inTransit: '0' });
  });

  it('sends a two-step transfer through transit: in transit at the destination until received', async () => {
    const item = await makeItem(api);
    const [w1, w2] = [await makeWarehouse(api), await makeWarehouse(api)];
    await receiveStock(api, item.sku, w1.binA.code, 10);
    const sent = await api.post<TransferResult>('/api/v1/transfers', { from: w1.binA.code, to: w2.binA.code, mode: 'two-step', lines: [{ item: item.sku, quantity: 4 }] });
    expect(sent.transfer).toMatchObject({ mode: 'two-step', status: 'in_transit', closedAt: null });
    expect(sent.movements).toEqual([expect.objectContaining({ kind: 'transfer_out', from: expect.objectContaining({ code: w1.binA.code }), to: expect.objectContaining({ code: 'transit' }) })]);

    const during = await stockOf(api, item.sku);
    expect(during.locations.find((l) => l.location.code === w2.binA.code)).toMatchObject({ onHand: '0', available: '0', inTransit: '4' });
    expect(during.sites.find((s) => s.site.code === w2.site.code)).toMatchObject({ onHand: '0', inTransit: '4' });
    expect(during.total).toMatchObject({ onHand: '6', available: '6', inTransit: '4' });
    expect((await api.get<{ data: TransferJson[] }>(`/api/v1/transfers?status=in_transit&location=${w2.site.code}`)).data.map((t) => t.id)).toEqual([sent.transfer.id]);

    const received = await api.request('POST', `/api/v1/transfers/${sent.transfer.id}/receive`, { note: 'checked in' });
    expect(received.statusCode).toBe(200);
    expect(received.json<TransferResult>()).toMatchObject({ transfer: { status: 'received' }, movements: [{ kind: 'transfer_in', from: { code: 'transit' }, to: { code: w2.binA.code }, quantity: '4' }] });
    const after = await stockOf(api, item.sku);
    expect(after.total).toMatchObject({ onHand: '10', inTransit: '0' });
    expect(await onHandAt(api, item.sku, w2.binA.code)).toBe('4');

    await expectRefused(api, () => api.request('POST', `/api/v1/transfers/${sent.transfer.id}/receive`, {}), 422, '/problems/rule-violation');
    await expectRefused(api, () => api.request('POST', `/api/v1/transfers/${sent.transfer.id}/cancel`, {}), 422, '/problems/rule-violation');
    const history = await api.get<{ data: MovementJson[] }>(`/api/v1/movements?documentType=transfer&documentId=${sent.transfer.id}&order=asc`);
    expect(history.data.map((m) => m.kind)).toEqual(['transfer_out', 'transfer_in']);
  });

  it('cancels a two-step transfer back to its origin, after which it cannot be received', async () => {
    const item = await makeItem(api);
    const { binA, binB } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, 3);
    const sent = await api.post<TransferResult>('/api/v1/transfers', { from: binA.code, to: binB.code, mode: 'two-step', lines: [{ item: item.sku, quantity: 3 }] });
    expect(await onHandAt(api, item.sku, binA.code)).toBe('0');
    const cancelled = await api.post<TransferResult>(`/api/v1/transfers/${sent.transfer.id}/cancel`, {});
    expect(cancelled).toMatchObject({ transfer: { status: 'cancelled' }, movements: [{ from: { code: 'transit' }, to: { code: binA.code }, quantity: '3' }] });
    expect(await onHandAt(api, item.sku, binA.code)).toBe('3');
    expect((await stockOf(api, item.sku)).total.inTransit).toBe('0');
    await expectRefused(api, () => api.request('POST', `/api/v1/transfers/${sent.transfer.id}/receive`, {}), 422, '/problems/rule-violation');
    expect(await api.get(`/api/v1/transfers/${sent.transfer.id}`)).toMatchObject({ status: 'cancelled' });
  });

  it('refuses bad transfers at the field, creating no transfer and moving nothing', async () => {
    const item = await makeItem(api);
    const { binA, binB } = await makeWarehouse(api);
    await receiveStock(api, item.sku, binA.code, 2);
    const line = { item: item.sku, quantity: 1 };
    await expectRefused(api, create({ from: binA.code, to: binA.code, lines: [line] }), 400, '/problems/validation', ['/to']);
    await expectRefused(api, create({ from: 'supplier', to: binB.code, lines: [line] }), 400, '/problems/validation', ['/from']);
    await expectRefused(api, create({ from: binA.code, to: 'customer', lines: [line] }), 400, '/problems/validation', ['/to']);
    await expectRefused(api, create({ from: binA.code, to: 'NOWHERE', lines: [line] }), 400, '/problems/validation', ['/to']);
    await expectRefused(api, create({ from: binA.code, to: binB.code, lines: [line, { item: 'NO-SUCH-SKU', quantity: 1 }] }), 400, '/problems/validation', ['/lines/1/item']);
    await expectRefused(api, create({ from: binA.code, to: binB.code, lines: [{ item: item.sku, quantity: '0.5' }] }), 400, '/problems/validation', ['/lines/0/quantity']);
    await expectRefused(api, create({ from: binA.code, to: binB.code, mode: 'teleport', lines: [line] }), 400, '/problems/validation', ['/mode']);
    for (const mode of ['immediate', 'two-step']) {
      const problem = await expectRefused(api, create({ from: binA.code, to: binB.code, mode, lines: [line, { item: item.sku, quantity: 2 }] }), 409, '/problems/insufficient-stock', ['/lines/1/quantity']);
      expect(problem.shortfalls).toEqual([expect.objectContaining({ path: '/lines/1/quantity', requested: '2', available: '1' })]);
    }
    await expectRefused(api, () => api.request('POST', '/api/v1/transfers/NO-SUCH-ID/receive', {}), 404, '/problems/not-found');
    expect(await onHandAt(api, item.sku, binA.code)).toBe('2');
  });

  it('leaves the ledger consistent', async () => {
    await expectConsistent(api);
  });
});
