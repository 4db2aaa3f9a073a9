import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeItem, makeWarehouse, type MovementJson, type PostingJson } from '../support/factories.js';
import { createSalesOrder, figuresAt, makeChannel, orderAction } from '../support/sales.js';
import { expectConsistent, expectRefused } from './assertions.js';

interface SerialJson {
  serialNumber: string;
  location: { code: string; kind: string };
  history?: MovementJson[];
}

describe.each(DIALECTS)('serial numbers on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  async function serialItem(serials: string[]) {
    const item = await makeItem(api, { tracking: 'serial' } as never);
    const { binA, binB } = await makeWarehouse(api);
    await api.post('/api/v1/receipts', { location: binA.code, lines: [{ item: item.sku, quantity: serials.length, serials }] });
    return { item, bin: binA, otherBin: binB };
  }
  const serialOf = (item: string, serial: string) => api.get<SerialJson>(`/api/v1/items/${item}/serials/${serial}`);

  it('receives, moves and ships units by serial number, each in one place with its history', async () => {
    const { item, bin, otherBin } = await serialItem(['SN-1', 'SN-2', 'SN-3']);
    expect(await figuresAt(api, item.sku, bin.code)).toMatchObject({ onHand: '3' });
    const moved = await api.post<PostingJson>('/api/v1/movements', { item: item.sku, quantity: 1, from: bin.code, to: otherBin.code, serials: ['SN-2'] });
    expect(moved.movements[0]).toMatchObject({ serials: ['SN-2'], lot: null });
    const shipped = await api.post<PostingJson>('/api/v1/shipments', { location: bin.code, lines: [{ item: item.sku, quantity: 2, serials: ['SN-3', 'SN-1'] }] });
    expect(shipped.movements[0]?.serials).toEqual(['SN-3', 'SN-1']);
    const one = await serialOf(item.sku, 'SN-1');
    expect(one.location).toMatchObject({ code: 'customer', kind: 'virtual' });
    expect(one.history?.map((m) => m.kind)).toEqual(['receipt', 'shipment']);
    const atBin = await api.get<{ data: SerialJson[] }>(`/api/v1/serials?item=${item.sku}&location=${otherBin.code}`);
    expect(atBin.data.map((s) => s.serialNumber)).toEqual(['SN-2']);
    // A unit back from the customer is received from there, not created again.
    const back = await api.post<PostingJson>('/api/v1/receipts', { location: otherBin.code, lines: [{ item: item.sku, quantity: 1, serials: ['SN-1'] }] });
    expect(back.movements[0]).toMatchObject({ from: { code: 'customer' }, serials: ['SN-1'] });
    expect((await serialOf(item.sku, 'SN-1')).location.code).toBe(otherBin.code);
    await expectConsistent(api);
  });

  it('holds serial items by quantity and ships named serials from a sales order', async () => {
    const { item, bin } = await serialItem(['A-1', 'A-2']);
    const channel = await makeChannel(api, [bin.code]);
    const order = await createSalesOrder(api, { channel: channel.code, lines: [{ item: item.sku, quantity: 2 }] });
    const missing = await orderAction(api, order, 'ship', { lines: [{ item: item.sku, quantity: 1 }] });
    expect(missing.statusCode, missing.body).toBe(400);
    const shipped = await orderAction(api, order, 'ship', { lines: [{ item: item.sku, quantity: 2, serials: ['A-2', 'A-1'] }] });
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(shipped.json<{ movements: MovementJson[] }>().movements.flatMap((m) => m.serials).sort()).toEqual(['A-1', 'A-2']);
    expect((await serialOf(item.sku, 'A-2')).location.code).toBe('customer');
    await expectConsistent(api);
  });

  it('refuses missing, repeated, miscounted, unknown and misplaced serials at the field, changing nothing', async () => {
    const { item, bin, otherBin } = await serialItem(['B-1', 'B-2']);
    const plain = await makeItem(api);
    const ship = (line: Record<string, unknown>) => () => api.request('POST', '/api/v1/shipments', { location: bin.code, lines: [line] });
    await expectRefused(api, ship({ item: item.sku, quantity: 1 }), 400, '/problems/validation', ['/lines/0/serials']);
    await expectRefused(api, ship({ item: item.sku, quantity: 2, serials: ['B-1'] }), 400, '/problems/validation', ['/lines/0/serials']);
    await expectRefused(api, ship({ item: item.sku, quantity: 2, serials: ['B-1', 'B-1'] }), 400, '/problems/validation', ['/lines/0/serials/1']);
    await expectRefused(api, ship({ item: item.sku, quantity: '1.5', serials: ['B-1'] }), 400, '/problems/validation', ['/lines/0/quantity']);
    await expectRefused(api, ship({ item: item.sku, quantity: 1, serials: ['B-9'] }), 404, '/problems/not-found', ['/lines/0/serials/0']);
    await expectRefused(api, ship({ item: item.sku, quantity: 1, lot: 'L1', serials: ['B-1'] }), 400, '/problems/validation', ['/lines/0/lot']);
    await expectRefused(api, ship({ item: plain.sku, quantity: 1, serials: ['B-1'] }), 400, '/problems/validation', ['/lines/0/serials']);
    await expectRefused(api, () => api.request('POST', '/api/v1/shipments', { location: otherBin.code, lines: [{ item: item.sku, quantity: 1, serials: ['B-1'] }] }), 409, '/problems/conflict', ['/lines/0/serials/0']);
    await expectRefused(api, () => api.request('POST', '/api/v1/receipts', { location: otherBin.code, lines: [{ item: item.sku, quantity: 1, serials: ['B-2'] }] }), 409, '/problems/conflict', ['/lines/0/serials/0']);
    await expectRefused(api, () => api.request('POST', '/api/v1/items', { sku: 'SER-DEC', name: 'x', tracking: 'serial', decimals: 2 }), 400, '/problems/validation', ['/tracking']);
  });

  it('lets exactly one of two simultaneous receipts of the same serial succeed, and one of two shipments of one unit', async () => {
    const item = await makeItem(api, { tracking: 'serial' } as never);
    const { binA, binB } = await makeWarehouse(api);
    const receipts = await Promise.all([binA, binB].map((bin) => api.request('POST', '/api/v1/receipts', { location: bin.code, lines: [{ item: item.sku, quantity: 1, serials: ['RACE-1'] }] })));
    expect(receipts.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const refused = receipts.find((r) => r.statusCode === 409);
    expect(refused?.json<{ errors: Array<{ path: string }> }>().errors.map((e) => e.path)).toEqual(['/lines/0/serials/0']);
    const where = (await serialOf(item.sku, 'RACE-1')).location.code;
    const shipments = await Promise.all([0, 1].map(() => api.request('POST', '/api/v1/shipments', { location: where, lines: [{ item: item.sku, quantity: 1, serials: ['RACE-1'] }] })));
    expect(shipments.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await serialOf(item.sku, 'RACE-1')).location.code).toBe('customer');
    await expectConsistent(api);
  });
});
