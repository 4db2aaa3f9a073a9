import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/api.js';
import { countAction, countSetup, enter, shrinkage, startedCount, type CountSetup, type ShrinkageReport } from '../support/counting.js';
import { DIALECTS } from '../support/databases.js';
import { makeItem, makeWarehouse, receiveStock } from '../support/factories.js';
import { expectProblem } from './assertions.js';

const BAD = '/problems/validation';

describe.each(DIALECTS)('shrinkage report on %s', (dialect) => {
  let api: TestApi;
  let s: CountSetup;
  let from: string;
  let to: string;
  const byKey = (report: ShrinkageReport) => Object.fromEntries(report.groups.map((g) => [g.key, g]));

  beforeAll(async () => {
    api = await startTestApi(dialect);
    from = new Date(Date.now() - 60_000).toISOString();
    s = await countSetup(api);
    // A count: 3 bolts missing in bin A (3 × 2.50), 0.5 m of rope found in bin A (0.5 × 1.20).
    const count = await startedCount(api, s, { thresholds: {} });
    await enter(api, count, [{ item: s.bolt.sku, location: s.binA.code, quantity: 7 }, { item: s.rope.sku, location: s.binA.code, quantity: '21' }]);
    await countAction(api, count, 'submit');
    await countAction(api, count, 'approve', { reason: 'theft', lines: [{ line: count.lines.find((l) => l.item.sku === s.rope.sku)?.id ?? '', reason: 'found' }] });
    // Direct adjustments: 1 bolt damaged in bin B; 2 bolts scrapped from bin B with no reason.
    await api.post('/api/v1/adjustments', { location: s.binB.code, reason: 'damage', lines: [{ item: s.bolt.sku, delta: '-1' }] });
    await api.post('/api/v1/movements', { kind: 'scrap', item: s.bolt.sku, quantity: 2, from: s.binB.code, to: 'scrap' });
    // Shipping is not shrinkage.
    await api.post('/api/v1/shipments', { location: s.binA.code, lines: [{ item: s.bolt.sku, quantity: 1 }] });
    // Another site's loss, for the site filter.
    const other = await makeWarehouse(api);
    const nut = await makeItem(api);
    await receiveStock(api, nut.sku, other.binA.code, 5, '0.1');
    await api.post('/api/v1/adjustments', { location: other.binA.code, reason: 'damage', lines: [{ item: nut.sku, delta: '-5' }] });
    to = new Date(Date.now() + 60_000).toISOString();
  });
  afterAll(async () => api.close());

  const q = (groupBy: string, extra = '') => `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&groupBy=${groupBy}&site=${s.site.code}${extra}`;

  it('sums losses and finds by reason, in units and value', async () => {
    const report = await shrinkage(api, q('reason'));
    expect(report.totals).toEqual({
      lostUnits: '6', foundUnits: '0.5', netUnits: '-5.5', lostValue: '15', foundValue: '0.6', netValue: '-14.4', movements: 4, unvaluedMovements: 0,
    });
    const groups = byKey(report);
    expect(Object.keys(groups).sort()).toEqual(['', 'damage', 'found', 'theft']);
    expect(groups.theft).toMatchObject({ label: 'Theft', lostUnits: '3', lostValue: '7.5', foundUnits: '0', movements: 1 });
    expect(groups.found).toMatchObject({ label: 'Found stock', foundUnits: '0.5', foundValue: '0.6', netValue: '0.6' });
    expect(groups.damage).toMatchObject({ lostUnits: '1', lostValue: '2.5' });
    expect(groups['']).toMatchObject({ label: 'No reason', lostUnits: '2', lostValue: '5' });
  });

  it('groups by location, item and day', async () => {
    const locations = byKey(await shrinkage(api, q('location')));
    expect(locations[s.binA.id]).toMatchObject({ label: s.binA.code, lostUnits: '3', foundUnits: '0.5', netValue: '-6.9' });
    expect(locations[s.binB.id]).toMatchObject({ label: s.binB.code, lostUnits: '3', lostValue: '7.5' });
    const items = byKey(await shrinkage(api, q('item')));
    expect(items[s.bolt.id]).toMatchObject({ label: `${s.bolt.sku} · Bolt M6`, lostUnits: '6', netValue: '-15', movements: 3 });
    expect(items[s.rope.id]).toMatchObject({ foundUnits: '0.5', netUnits: '0.5' });
    const days = await shrinkage(api, q('day'));
    // Everything happened in the last minute: one day, or two when the run straddles midnight UTC.
    for (const g of days.groups) expect(g.key >= from.slice(0, 10) && g.key <= to.slice(0, 10)).toBe(true);
    expect(days.groups.length).toBeLessThanOrEqual(2);
    expect(days.groups.reduce((sum, g) => sum + g.movements, 0)).toBe(4);
  });

  it('without a site covers every site; a period with no losses sums to zero', async () => {
    const all = await shrinkage(api, `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&groupBy=reason`);
    expect(all.totals.lostUnits).toBe('11');
    expect(byKey(all).damage).toMatchObject({ lostUnits: '6', lostValue: '3' });
    const empty = await shrinkage(api, `from=2001-01-01T00:00:00Z&to=2001-02-01T00:00:00Z`);
    expect(empty).toMatchObject({ groupBy: 'reason', groups: [], totals: { lostUnits: '0', netValue: '0', movements: 0 } });
  });

  it('refuses bad queries at the field', async () => {
    expectProblem(await api.request('GET', '/api/v1/reports/shrinkage?groupBy=week'), 400, BAD, ['/querystring/groupBy']);
    expectProblem(await api.request('GET', '/api/v1/reports/shrinkage?from=yesterday'), 400, BAD, ['/from']);
    expectProblem(await api.request('GET', `/api/v1/reports/shrinkage?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`), 400, BAD, ['/from']);
    expectProblem(await api.request('GET', `/api/v1/reports/shrinkage?site=${s.binA.code}`), 400, BAD, ['/site']);
  });
});
