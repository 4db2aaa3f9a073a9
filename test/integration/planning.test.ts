import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedOrders } from '../../src/planning/suggestion-service.js';
import type { PurchaseSuggestionList, ReorderStatus } from '../../src/planning/planning-types.js';
import { startTestApi, type TestApi } from '../support/api.js';
import { DIALECTS } from '../support/databases.js';
import { makeItem, receiveStock, type ItemJson } from '../support/factories.js';
import { addTerms, incomingOf, makeSupplier, orderAction, purchasingSetup, type Setup } from '../support/purchasing.js';
import { expectProblem, expectRefused } from './assertions.js';

const BAD = '/problems/validation';
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe.each(DIALECTS)('reorder levels and purchase suggestions on %s', (dialect) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(dialect);
  });
  afterAll(async () => api.close());

  const policyUrl = (item: ItemJson, s: Setup) => `/api/v1/planning/reorder-policies/${item.sku}/${s.site.code}`;
  const setPolicy = async (item: ItemJson, s: Setup, body: Record<string, unknown>) => {
    const response = await api.request('PUT', policyUrl(item, s), body);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<ReorderStatus>();
  };
  const suggestionsFor = (s: Setup) => api.get<PurchaseSuggestionList>(`/api/v1/planning/suggestions?site=${s.site.code}`);

  it('flags a manual min/max item as low and suggests a pack- and MOQ-rounded order from the preferred supplier', async () => {
    const s = await purchasingSetup(api);
    const other = await makeSupplier(api, { currency: 'EUR' });
    await addTerms(api, s.supplier.code, { item: s.bolt.sku, preferred: true, packSize: 10, minOrderQuantity: 50, leadTimeDays: 6, prices: [{ minQuantity: 0, unitPrice: '0.12' }, { minQuantity: 50, unitPrice: '0.10' }] });
    await addTerms(api, other.code, { item: s.bolt.sku, prices: [{ minQuantity: 0, unitPrice: '0.01' }] });
    await receiveStock(api, s.bolt.sku, s.binA.code, 4);

    const status = await setPolicy(s.bolt, s, { method: 'manual', min: 10, max: '40' });
    expect(status).toMatchObject({
      item: { sku: s.bolt.sku }, site: { code: s.site.code }, policy: { method: 'manual', min: '10', max: '40' },
      reorderPoint: '10', orderUpTo: '40', basis: 'manual', available: '4', incoming: '0', inTransit: '0', position: '4',
      low: true, suggestedQuantity: '36', leadTimeDays: 6, leadTimeSource: 'supplier', supplier: { code: s.supplier.code, preferred: true },
    });

    const suggestions = await suggestionsFor(s);
    expect(suggestions.truncated).toBe(false);
    expect(suggestions.orders).toHaveLength(1);
    expect(suggestions.orders[0]).toMatchObject({
      supplier: { code: s.supplier.code }, site: { code: s.site.code }, currency: 'EUR', unpricedLines: 0, leadTimeDays: 6,
      lines: [{ item: { sku: s.bolt.sku }, needed: '36', quantity: '50', unitPrice: '0.1', lineTotal: '5', choice: 'preferred' }],
      total: '5',
    });
  });

  it('creates the suggested drafts once per Idempotency-Key, and ordering them takes the item out of the alerts', async () => {
    const s = await purchasingSetup(api);
    await addTerms(api, s.supplier.code, { item: s.bolt.sku, packSize: 12, prices: [{ minQuantity: 0, unitPrice: '0.5' }] });
    await setPolicy(s.bolt, s, { method: 'manual', min: 5, max: 20 });

    const headers = { 'idempotency-key': `suggest-${s.site.code}` };
    const first = await api.post<CreatedOrders>('/api/v1/planning/suggestions/purchase-orders', { site: s.site.code }, headers);
    const again = await api.request('POST', '/api/v1/planning/suggestions/purchase-orders', { site: s.site.code }, headers);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first);
    expect(first.skipped).toEqual([]);
    expect(first.orders).toHaveLength(1);
    const [draft] = first.orders;
    expect(draft).toMatchObject({ status: 'draft', supplier: { code: s.supplier.code }, site: { code: s.site.code }, lineCount: 1, total: '12.00' });
    const drafts = await api.get<{ data: unknown[] }>(`/api/v1/purchase-orders?supplier=${s.supplier.code}`);
    expect(drafts.data).toHaveLength(1);

    // A draft is not incoming yet, so the alert stays, but it covers the need: nothing more is suggested.
    const [pending] = (await api.get<{ data: ReorderStatus[] }>(`/api/v1/planning/reorder-policies?site=${s.site.code}&low=true`)).data;
    expect(pending).toMatchObject({ low: true, incoming: '0', onDraftOrders: '24', suggestedQuantity: '0' });
    expect((await suggestionsFor(s)).orders).toEqual([]);
    const twice = await api.request('POST', '/api/v1/planning/suggestions/purchase-orders', { site: s.site.code });
    expect(expectProblem(twice, 422, '/problems/rule-violation').detail).toMatch(/already on a draft order/);
    await orderAction(api, draft as never, 'order');
    expect(await incomingOf(api, s.bolt.sku, s.site.code)).toEqual({ total: '24', site: '24' });
    const [after] = (await api.get<{ data: ReorderStatus[] }>(`/api/v1/planning/reorder-policies?site=${s.site.code}`)).data;
    expect(after).toMatchObject({ incoming: '24', onDraftOrders: '0', position: '24', low: false, suggestedQuantity: '0' });
    expect((await api.get<{ data: ReorderStatus[] }>(`/api/v1/planning/reorder-policies?site=${s.site.code}&low=true`)).data).toEqual([]);
    const nothing = await api.request('POST', '/api/v1/planning/suggestions/purchase-orders', { site: s.site.code });
    expect(expectProblem(nothing, 422, '/problems/rule-violation').detail).toMatch(/at or above its reorder point/);
  });

  it('groups suggestions by supplier, creates only the chosen suppliers’ orders and skips lines without a price', async () => {
    const s = await purchasingSetup(api);
    const second = await makeSupplier(api);
    const washer = await makeItem(api, { name: 'Washer' });
    await addTerms(api, s.supplier.code, { item: s.bolt.sku, minOrderQuantity: 30, prices: [{ minQuantity: 0, unitPrice: '0.2' }] });
    await addTerms(api, s.supplier.code, { item: washer.sku, packSize: 100 });
    await addTerms(api, second.code, { item: s.rope.sku, packSize: '2.5', prices: [{ minQuantity: 0, unitPrice: '1.1' }] });
    await setPolicy(s.bolt, s, { method: 'manual', min: 5, max: 10 });
    await setPolicy(washer, s, { method: 'manual', min: 5, max: 10 });
    await setPolicy(s.rope, s, { method: 'manual', min: 1, max: '6' });

    const { orders } = await suggestionsFor(s);
    expect(orders.map((o) => [o.supplier.code, o.lines.map((l) => [l.item.sku, l.needed, l.quantity, l.unitPrice]), o.total, o.unpricedLines]).sort()).toEqual([
      [s.supplier.code, [[s.bolt.sku, '10', '30', '0.2'], [washer.sku, '10', '100', null]], '6', 1],
      [second.code, [[s.rope.sku, '6', '7.5', '1.1']], '8.25', 0],
    ].sort());

    const created = await api.post<CreatedOrders>('/api/v1/planning/suggestions/purchase-orders', { site: s.site.code, suppliers: [s.supplier.code] });
    expect(created.orders.map((o) => [o.supplier.code, o.lineCount, o.total])).toEqual([[s.supplier.code, 1, '6.00']]);
    expect(created.skipped).toEqual([{ supplier: s.supplier.code, item: washer.sku, quantity: '100', reason: 'no-price' }]);
    expect((await api.get<{ data: unknown[] }>(`/api/v1/purchase-orders?supplier=${second.code}`)).data).toEqual([]);
  });

  it('computes levels from average daily sales over the window × lead time + safety stock', async () => {
    const s = await purchasingSetup(api);
    await addTerms(api, s.supplier.code, { item: s.rope.sku, leadTimeDays: 7, prices: [{ minQuantity: 0, unitPrice: '2' }] });
    await receiveStock(api, s.rope.sku, s.binA.code, 100);
    const ship = (quantity: string, occurredAt: string) => api.post('/api/v1/shipments', { location: s.binA.code, lines: [{ item: s.rope.sku, quantity }], occurredAt });
    await ship('30', daysAgo(10));
    await ship('15', daysAgo(5));
    await ship('50', daysAgo(40)); // outside a 30-day window
    await ship('1', new Date().toISOString()); // today's sales are not complete: not averaged

    const status = await setPolicy(s.rope, s, { method: 'computed', safetyStock: '5', coverDays: 10, windowDays: 30 });
    // 45 m in 30 days = 1.5 m/day; lead time 7 → 10.5 + 5; cover 17 days → 25.5 + 5.
    expect(status).toMatchObject({
      basis: 'average', dailyDemand: '1.5', leadTimeDays: 7, leadTimeSource: 'supplier',
      reorderPoint: '15.5', orderUpTo: '30.5', available: '4', position: '4', low: true, suggestedQuantity: '26.5',
    });
    const overridden = await setPolicy(s.rope, s, { method: 'computed', safetyStock: '5', coverDays: 10, windowDays: 30, leadTimeDays: 2 });
    expect(overridden).toMatchObject({ leadTimeDays: 2, leadTimeSource: 'policy', reorderPoint: '8', orderUpTo: '23' });
  });

  it('pages the low-stock alerts with a cursor and leaves items without a supplier unassigned', async () => {
    const s = await purchasingSetup(api);
    const extra = await makeItem(api, { name: 'Washer' });
    await receiveStock(api, extra.sku, s.binA.code, 100);
    await setPolicy(s.bolt, s, { method: 'manual', min: 5, max: 10 });
    await setPolicy(s.rope, s, { method: 'manual', min: '1.5', max: '3' });
    await setPolicy(extra, s, { method: 'manual', min: 5, max: 10 });

    const page1 = await api.get<{ data: ReorderStatus[]; nextCursor: string | null }>(`/api/v1/planning/reorder-policies?site=${s.site.code}&low=true&limit=1`);
    expect(page1.data).toHaveLength(1);
    expect(page1.nextCursor).not.toBeNull();
    const page2 = await api.get<{ data: ReorderStatus[]; nextCursor: string | null }>(`/api/v1/planning/reorder-policies?site=${s.site.code}&low=true&limit=1&cursor=${page1.nextCursor}`);
    expect(page2.data).toHaveLength(1);
    const lowSkus = [...page1.data, ...page2.data].map((r) => r.item.sku).sort();
    expect(lowSkus).toEqual([s.bolt.sku, s.rope.sku].sort());
    if (page2.nextCursor !== null) {
      expect((await api.get<{ data: ReorderStatus[] }>(`/api/v1/planning/reorder-policies?site=${s.site.code}&low=true&cursor=${page2.nextCursor}`)).data).toEqual([]);
    }

    const suggestions = await suggestionsFor(s);
    expect(suggestions.orders).toEqual([]);
    expect(suggestions.unassigned.map((u) => [u.item.sku, u.needed, u.reason]).sort()).toEqual([[s.bolt.sku, '10', 'no-supplier'], [s.rope.sku, '3', 'no-supplier']].sort());
  });

  it('refuses bad policies at the field and changes nothing; removes a policy', async () => {
    const s = await purchasingSetup(api);
    const put = (url: string, body: Record<string, unknown>) => () => api.request('PUT', url, body);
    await expectRefused(api, put(policyUrl(s.bolt, s), { method: 'manual', min: 10, max: 5 }), 400, BAD, ['/max']);
    await expectRefused(api, put(policyUrl(s.bolt, s), { method: 'manual', min: '1.5', max: 5 }), 400, BAD, ['/min']);
    await expectRefused(api, put(policyUrl(s.bolt, s), { method: 'manual', min: -1, max: 5 }), 400, BAD, ['/min']);
    await expectRefused(api, put(policyUrl(s.bolt, s), { method: 'guess', min: 1, max: 5 }), 400, BAD, ['/method']);
    await expectRefused(api, put(policyUrl(s.bolt, s), { method: 'computed', windowDays: 0 }), 400, BAD, ['/windowDays']);
    await expectRefused(api, put(policyUrl(s.bolt, s), { method: 'manual', min: 1, max: 5, extra: 1 }), 400, BAD, ['/extra']);
    await expectRefused(api, put(`/api/v1/planning/reorder-policies/${s.bolt.sku}/${s.binA.code}`, { method: 'manual', min: 1, max: 5 }), 400, BAD, ['/site']);
    await expectRefused(api, put(`/api/v1/planning/reorder-policies/NO-SUCH/${s.site.code}`, { method: 'manual', min: 1, max: 5 }), 400, BAD, ['/item']);

    await setPolicy(s.bolt, s, { method: 'manual', min: 1, max: 5 });
    expect((await api.request('DELETE', policyUrl(s.bolt, s))).statusCode).toBe(204);
    expect((await api.get<{ data: unknown[] }>(`/api/v1/planning/reorder-policies?site=${s.site.code}`)).data).toEqual([]);
    expectProblem(await api.request('DELETE', policyUrl(s.bolt, s)), 404, '/problems/not-found');
  });
});
