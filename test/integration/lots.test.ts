import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeItem, makeWarehouse, type MovementJson, type PostingJson } from '../support/factories.js';
import { availabilityOf, createSalesOrder, figuresAt, makeChannel, orderAction } from '../support/sales.js';
import { createOrder, orderAction as poAction, purchasingSetup, receive as receivePo } from '../support/purchasing.js';
import { raceToSellOut } from '../support/race.js';
import { expectConsistent, expectProblem, expectRefused } from './assertions.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const lotsOf = (movements: MovementJson[]) => movements.map((m) => [m.lot?.number, m.quantity]);

interface ReservationJson {
  id: string;
  quantity: string;
  lots: Array<{ number: string; quantity: string; expiresOn: string | null }>;
}

describe.each(DIALECTS)('lots on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  const receive = (location: string, lines: unknown[]) => api.post<PostingJson>('/api/v1/receipts', { location, lines });

  /** A lot-tracked item in a fresh bin with three lots: expired, expiring soon, later; and one without expiry. */
  async function perishable() {
    const item = await makeItem(api, { tracking: 'lot' } as never);
    const { binA, binB } = await makeWarehouse(api);
    await receive(binA.code, [
      { item: item.sku, quantity: 4, lot: { number: 'NOEXP', manufacturedOn: day(-30) } },
      { item: item.sku, quantity: 5, lot: { number: 'LATE', expiresOn: day(60) } },
      { item: item.sku, quantity: 3, lot: { number: 'SOON', expiresOn: day(5) } },
      { item: item.sku, quantity: 7, lot: { number: 'OLD', expiresOn: day(-1) } },
    ]);
    return { item, bin: binA, otherBin: binB };
  }

  it('captures the lot and its dates on receipt, one lot per movement, lot balances adding up to the aggregate', async () => {
    const item = await makeItem(api, { tracking: 'lot' } as never);
    const { binA } = await makeWarehouse(api);
    const posting = await receive(binA.code, [{ item: item.sku, quantity: 10, lot: { number: 'L1', manufacturedOn: '2026-01-02', expiresOn: '2030-01-31' } }]);
    expect(posting.movements[0]).toMatchObject({ quantity: '10', lot: { number: 'L1' }, serials: [] });
    const again = await receive(binA.code, [{ item: item.sku, quantity: 2, lot: { number: 'L1', expiresOn: '2030-01-31' } }]);
    expect(again.movements[0]?.lot).toEqual(posting.movements[0]?.lot);
    expect(await figuresAt(api, item.sku, binA.code)).toEqual({ onHand: '12', reserved: '0', available: '12' });
    await expectConsistent(api);
  });

  it('ships first-expired-first-out across lots with partial quantities, skipping the expired lot', async () => {
    const { item, bin } = await perishable();
    const first = await api.post<PostingJson>('/api/v1/shipments', { location: bin.code, lines: [{ item: item.sku, quantity: 5 }] });
    expect(lotsOf(first.movements)).toEqual([['SOON', '3'], ['LATE', '2']]);
    const second = await api.post<PostingJson>('/api/v1/shipments', { location: bin.code, lines: [{ item: item.sku, quantity: 5 }] });
    expect(lotsOf(second.movements)).toEqual([['LATE', '3'], ['NOEXP', '2']]);
    // 2 of NOEXP are left, and 7 expired units that cannot be shipped.
    expect(await figuresAt(api, item.sku, bin.code)).toEqual({ onHand: '9', reserved: '0', available: '2' });
    const refused = await expectRefused(api, () => api.request('POST', '/api/v1/shipments', { location: bin.code, lines: [{ item: item.sku, quantity: 3 }] }), 409, '/problems/insufficient-stock', ['/lines/0/quantity']);
    expect(refused.shortfalls).toEqual([expect.objectContaining({ requested: '3', available: '2' })]);
    await expectConsistent(api);
  });

  it('holds first-expired-first-out, gives each lot back on release and ships the held lots on consume', async () => {
    const { item, bin } = await perishable();
    const hold = await api.post<ReservationJson>('/api/v1/reservations', { item: item.sku, location: bin.code, quantity: 4 });
    expect(hold.lots.map((l) => [l.number, l.quantity])).toEqual([['SOON', '3'], ['LATE', '1']]);
    expect(await figuresAt(api, item.sku, bin.code)).toEqual({ onHand: '19', reserved: '4', available: '8' });
    // A shipment without a lot cannot take what is held: LATE has 4 free, NOEXP 4.
    const shipped = await api.post<PostingJson>('/api/v1/shipments', { location: bin.code, lines: [{ item: item.sku, quantity: 5 }] });
    expect(lotsOf(shipped.movements)).toEqual([['LATE', '4'], ['NOEXP', '1']]);
    const consumed = await api.post<{ movements: MovementJson[] }>(`/api/v1/reservations/${hold.id}/consume`, { quantity: 2 });
    expect(lotsOf(consumed.movements)).toEqual([['SOON', '2']]);
    const released = await api.post<ReservationJson>(`/api/v1/reservations/${hold.id}/release`, {});
    expect(released).toMatchObject({ quantity: '2' });
    expect(await figuresAt(api, item.sku, bin.code)).toEqual({ onHand: '12', reserved: '0', available: '5' });
    await expectRefused(api, () => api.request('POST', '/api/v1/reservations', { item: item.sku, location: bin.code, quantity: 6 }), 409, '/problems/insufficient-stock', ['/quantity']);
    await expectConsistent(api);
  });

  it('keeps expired lots out of channel availability and sales orders, but lets them be scrapped by lot', async () => {
    const { item, bin } = await perishable();
    const channel = await makeChannel(api, [bin.code]);
    expect(await availabilityOf(api, channel.code, item.sku)).toMatchObject({ stock: '12', available: '12' });
    const tooMuch = await api.request('POST', '/api/v1/sales-orders', { channel: channel.code, lines: [{ item: item.sku, quantity: 13 }] });
    expect(tooMuch.statusCode, tooMuch.body).toBe(409);
    const order = await createSalesOrder(api, { channel: channel.code, lines: [{ item: item.sku, quantity: 12 }] });
    expect(order.status).not.toBe('backordered');
    expect(await availabilityOf(api, channel.code, item.sku)).toMatchObject({ available: '0' });
    const shipped = await orderAction(api, order, 'ship');
    expect(shipped.statusCode, shipped.body).toBe(200);
    expect(lotsOf(shipped.json<{ movements: MovementJson[] }>().movements)).toEqual([['SOON', '3'], ['LATE', '5'], ['NOEXP', '4']]);
    // The expired lot cannot go to a customer, even named…
    await expectRefused(api, () => api.request('POST', '/api/v1/shipments', { location: bin.code, lines: [{ item: item.sku, quantity: 1, lot: 'OLD' }] }), 422, '/problems/rule-violation', ['/lines/0/lot']);
    await expectRefused(api, () => api.request('POST', '/api/v1/reservations', { item: item.sku, location: bin.code, quantity: 1 }), 409, '/problems/insufficient-stock');
    // …but it can be scrapped by naming it.
    const scrapped = await api.post<PostingJson>('/api/v1/movements', { item: item.sku, quantity: 7, from: bin.code, to: 'scrap', lot: 'OLD', kind: 'scrap' });
    expect(lotsOf(scrapped.movements)).toEqual([['OLD', '7']]);
    expect(await figuresAt(api, item.sku, bin.code)).toEqual({ onHand: '0', reserved: '0', available: '0' });
    await expectConsistent(api);
  });

  it('moves lots between bins by transfer (FEFO or named), two-step through transit keeping the lots', async () => {
    const { item, bin, otherBin } = await perishable();
    const moved = await api.post<{ movements: MovementJson[] }>('/api/v1/transfers', { from: bin.code, to: otherBin.code, mode: 'two-step', lines: [{ item: item.sku, quantity: 4 }, { item: item.sku, quantity: 2, lot: 'OLD' }] });
    expect(lotsOf(moved.movements)).toEqual([['SOON', '3'], ['LATE', '1'], ['OLD', '2']]);
    const transfer = await api.get<{ data: Array<{ id: string }> }>(`/api/v1/transfers?location=${otherBin.code}&status=in_transit`);
    const received = await api.post<{ movements: MovementJson[] }>(`/api/v1/transfers/${transfer.data[0]?.id}/receive`, {});
    expect(lotsOf(received.movements).sort()).toEqual([['LATE', '1'], ['OLD', '2'], ['SOON', '3']]);
    expect(await figuresAt(api, item.sku, otherBin.code)).toEqual({ onHand: '6', reserved: '0', available: '4' });
    await expectConsistent(api);
  });

  it('lists the lots with stock at one location, as a ship or transfer form offers them', async () => {
    const { item, bin, otherBin } = await perishable();
    await api.post('/api/v1/transfers', { from: bin.code, to: otherBin.code, lines: [{ item: item.sku, quantity: 5, lot: 'LATE' }, { item: item.sku, quantity: 1, lot: 'SOON' }] });
    const at = async (location: string) => (await api.get<{ data: Array<{ number: string }> }>(`/api/v1/lots?item=${item.sku}&location=${location}`)).data.map((l) => l.number);
    expect(await at(otherBin.code)).toEqual(['SOON', 'LATE']);
    expect(await at(bin.id)).toEqual(['OLD', 'SOON', 'NOEXP']);
    expectProblem(await api.request('GET', `/api/v1/lots?item=${item.sku}&location=NOWHERE`), 404, '/problems/not-found');
  });

  it('counts and adjusts by lot, and reverses a lot movement into the same lot', async () => {
    const { item, bin } = await perishable();
    const counted = await api.post<PostingJson>('/api/v1/adjustments', { location: bin.code, reason: 'data-error', lines: [{ item: item.sku, countedQuantity: 1, lot: 'LATE' }] });
    expect(lotsOf(counted.movements)).toEqual([['LATE', '4']]);
    const reversal = await api.post<MovementJson>(`/api/v1/movements/${counted.movements[0]?.id}/reverse`, {});
    expect(reversal.lot?.number).toBe('LATE');
    expect(await figuresAt(api, item.sku, bin.code)).toMatchObject({ onHand: '19' });
    await expectConsistent(api);
  });

  it('lists lots by expiry with stock per location, filters expiring and expired, and traces a recall', async () => {
    const { item, bin } = await perishable();
    const listed = await api.get<{ data: Array<{ id: string; number: string; expired: boolean; onHand: string; daysLeft: number | null }> }>(`/api/v1/lots?item=${item.sku}`);
    expect(listed.data.map((l) => [l.number, l.expired, l.onHand, l.daysLeft])).toEqual([['OLD', true, '7', -1], ['SOON', false, '3', 5], ['LATE', false, '5', 60], ['NOEXP', false, '4', null]]);
    const paged = await api.get<{ data: Array<{ number: string }>; nextCursor: string }>(`/api/v1/lots?item=${item.sku}&limit=3`);
    const rest = await api.get<{ data: Array<{ number: string }>; nextCursor: string | null }>(`/api/v1/lots?item=${item.sku}&limit=3&cursor=${paged.nextCursor}`);
    expect([...paged.data, ...rest.data].map((l) => l.number)).toEqual(['OLD', 'SOON', 'LATE', 'NOEXP']);
    expect(rest.nextCursor).toBeNull();
    const expired = await api.get<{ data: Array<{ number: string }> }>(`/api/v1/lots?item=${item.sku}&expired=true`);
    expect(expired.data.map((l) => l.number)).toEqual(['OLD']);
    const alerts = await api.get<{ data: Array<{ number: string }> }>(`/api/v1/lots/expiring?withinDays=7&item=${item.sku}`);
    expect(alerts.data.map((l) => l.number)).toEqual(['OLD', 'SOON']);

    const channel = await makeChannel(api, [bin.code]);
    const order = await createSalesOrder(api, { channel: channel.code, lines: [{ item: item.sku, quantity: 4 }] });
    expect((await orderAction(api, order, 'ship')).statusCode).toBe(200);
    const soon = listed.data.find((l) => l.number === 'SOON');
    const trace = await api.get<{ received: string; shipped: Array<Record<string, unknown>>; remaining: unknown[]; movements: MovementJson[] }>(`/api/v1/lots/${soon?.id}/trace`);
    expect(trace.received).toBe('3');
    expect(trace.shipped).toEqual([expect.objectContaining({ to: expect.objectContaining({ code: 'customer' }), document: { type: 'sales_order', id: order.id }, reference: order.number, quantity: '3' })]);
    expect(trace.remaining).toEqual([]);
    expect(trace.movements.map((m) => m.kind)).toEqual(['receipt', 'shipment']);
    const late = await api.get<{ locations: Array<{ location: { code: string }; onHand: string; available: string }> }>(`/api/v1/lots/${listed.data.find((l) => l.number === 'LATE')?.id}`);
    expect(late.locations).toEqual([expect.objectContaining({ location: expect.objectContaining({ code: bin.code }), onHand: '4', available: '4' })]);
  });

  it('never takes more than the lots have when many clients hold and ship the last units at once', async () => {
    const item = await makeItem(api, { tracking: 'lot' } as never);
    const { binA } = await makeWarehouse(api);
    await receive(binA.code, [
      { item: item.sku, quantity: 7, lot: { number: 'R1', expiresOn: day(10) } },
      { item: item.sku, quantity: 6, lot: { number: 'R2', expiresOn: day(20) } },
      { item: item.sku, quantity: 9, lot: { number: 'RX', expiresOn: day(-2) } },
    ]);
    const tally = await raceToSellOut(12, async (client) => {
      const response = client % 2 === 0
        ? await api.request('POST', '/api/v1/reservations', { item: item.sku, location: binA.code, quantity: 2 })
        : await api.request('POST', '/api/v1/shipments', { location: binA.code, lines: [{ item: item.sku, quantity: 1 }] });
      if (response.statusCode === 201) return { ok: true };
      return response.statusCode === 409 ? { ok: false } : { ok: false, unexpected: `${response.statusCode} ${response.body}` };
    });
    expect(tally.unexpected).toEqual([]);
    const after = await figuresAt(api, item.sku, binA.code);
    // Only the 13 units of the two lots not expired could go; the 9 expired units stay on hand, unheld.
    expect(Number(after.onHand) - Number(after.reserved)).toBe(9);
    expect(after.available).toBe('0');
    await expectConsistent(api);
  });

  it('makes one lot of a new lot number received by two requests at once', async () => {
    const item = await makeItem(api, { tracking: 'lot' } as never);
    const { binA, binB } = await makeWarehouse(api);
    const answers = await Promise.all([binA, binB].map((bin) => api.request('POST', '/api/v1/receipts', { location: bin.code, lines: [{ item: item.sku, quantity: 3, lot: { number: 'TWIN', expiresOn: day(9) } }] })));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201]);
    const lots = answers.map((a) => a.json<PostingJson>().movements[0]?.lot?.id);
    expect(lots[0]).toBe(lots[1]);
    const listed = await api.get<{ data: Array<{ onHand: string }> }>(`/api/v1/lots?item=${item.sku}`);
    expect(listed.data.map((l) => l.onHand)).toEqual(['6']);
    await expectConsistent(api);
  });

  it('receives purchase-order lines with their lot, and serials, refusing a lot-tracked line without one', async () => {
    const s = await purchasingSetup(api);
    const milk = await makeItem(api, { tracking: 'lot' } as never);
    const drill = await makeItem(api, { tracking: 'serial' } as never);
    const order = await poAction(api, await createOrder(api, { supplier: s.supplier.code, site: s.site.code, lines: [{ item: milk.sku, quantity: 10, unitPrice: 1 }, { item: drill.sku, quantity: 2, unitPrice: 50 }] }), 'order');
    await expectRefused(api, () => api.request('POST', `/api/v1/purchase-orders/${order.id}/receipts`, { location: s.binA.code, lines: [{ item: milk.sku, quantity: 4 }] }), 400, '/problems/validation', ['/lines/0/lot']);
    const result = await receivePo(api, order, { location: s.binA.code, lines: [{ item: milk.sku, quantity: 4, lot: { number: 'PO-L1', expiresOn: day(40) } }, { item: drill.sku, quantity: 2, serials: ['D-1', 'D-2'] }] });
    expect(result.movements.map((m) => [m.lot?.number ?? null, m.serials])).toEqual([['PO-L1', []], [null, ['D-1', 'D-2']]]);
    expect(result.receipt.lines.map((l) => l.movementId)).toEqual(result.movements.map((m) => m.id));
    await expectConsistent(api);
  });

  it('refuses bad lot input at the field, changing nothing', async () => {
    const { item, bin } = await perishable();
    const plain = await makeItem(api);
    const receiveLine = (line: Record<string, unknown>) => () => api.request('POST', '/api/v1/receipts', { location: bin.code, lines: [line] });
    await expectRefused(api, receiveLine({ item: item.sku, quantity: 1 }), 400, '/problems/validation', ['/lines/0/lot']);
    await expectRefused(api, receiveLine({ item: plain.sku, quantity: 1, lot: { number: 'X' } }), 400, '/problems/validation', ['/lines/0/lot']);
    await expectRefused(api, receiveLine({ item: item.sku, quantity: 1, lot: { number: 'LATE', expiresOn: day(61) } }), 422, '/problems/rule-violation', ['/lines/0/lot/expiresOn']);
    await expectRefused(api, receiveLine({ item: item.sku, quantity: 1, lot: { number: 'NEW', expiresOn: '2026-02-30' } }), 400, '/problems/validation', ['/lines/0/lot/expiresOn']);
    await expectRefused(api, receiveLine({ item: item.sku, quantity: '1.5', lot: { number: 'NEW' } }), 400, '/problems/validation', ['/lines/0/quantity']);
    await expectRefused(api, receiveLine({ item: item.sku, quantity: 1, lot: { number: 'NEW' }, serials: ['S1'] }), 400, '/problems/validation', ['/lines/0/serials']);
    await expectRefused(api, () => api.request('POST', '/api/v1/shipments', { location: bin.code, lines: [{ item: item.sku, quantity: 1, lot: 'NOPE' }] }), 404, '/problems/not-found', ['/lines/0/lot']);
    await expectRefused(api, () => api.request('POST', '/api/v1/shipments', { location: bin.code, lines: [{ item: item.sku, quantity: 4, lot: 'SOON' }] }), 409, '/problems/insufficient-stock', ['/lines/0/quantity']);
  });
});
