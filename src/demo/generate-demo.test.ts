import { describe, expect, it } from 'vitest';
import { isValidGtin } from '../catalog/barcode-rules.js';
import { parseScaled } from '../shared/quantity.js';
import type { DemoPlan } from './demo-types.js';
import { generateDemo } from './generate-demo.js';
import { replayPlan } from './plan-replay.js';

const END = new Date('2025-06-30T15:00:00Z');
// One full-size year, shared: generating it takes about a second.
const year = generateDemo({ end: END });

type Shipment = { sku: string; from: string; day: string; weekday: number; quantity: number };

function shipments(plan: DemoPlan): Shipment[] {
  const decimals = new Map(plan.items.map((i) => [i.sku, i.decimals]));
  return plan.steps.flatMap((s) => {
    if (s.type !== 'movement' || s.movement.kind !== 'shipment') return [];
    const m = s.movement;
    return [{ sku: m.item, from: m.from, day: m.occurredAt.slice(0, 10), weekday: new Date(m.occurredAt).getUTCDay(), quantity: parseScaled(m.quantity, decimals.get(m.item) ?? 0, '') }];
  });
}

const sum = (list: Shipment[]) => list.reduce((total, s) => total + s.quantity, 0);
const skusOf = (plan: DemoPlan, season: string) => new Set(plan.items.filter((i) => i.season === season).map((i) => i.sku));
const inMonth = (list: Shipment[], month: string) => list.filter((s) => s.day.startsWith(month));

describe('demo catalog', () => {
  it('has 200 items in 8 categories with unique SKUs, valid GTINs on most items and some goods sold by weight', () => {
    expect(year.items).toHaveLength(200);
    expect(new Set(year.items.map((i) => i.category)).size).toBe(8);
    expect(new Set(year.items.map((i) => i.sku)).size).toBe(200);
    const gtins = year.items.flatMap((i) => i.barcodes.filter((b) => b.kind === 'gtin'));
    expect(gtins.every((b) => isValidGtin(b.code))).toBe(true);
    expect(year.items.filter((i) => i.barcodes.some((b) => b.kind === 'gtin')).length).toBeGreaterThan(150);
    expect(year.items.filter((i) => i.unit === 'kg' && i.decimals === 3).length).toBeGreaterThan(10);
    expect(year.items.filter((i) => i.reorderPoint !== null).length).toBeGreaterThan(100);
  });

  it('keeps every category in a small demo', () => {
    const small = generateDemo({ items: 16, days: 30, end: END });
    expect(new Set(small.items.map((i) => i.category)).size).toBe(8);
    expect(small.firstDay).toBe('2025-06-01');
    expect(small.lastDay).toBe('2025-06-30');
  });
});

describe('demo history', () => {
  it('is the same for the same seed and different for another', () => {
    const a = generateDemo({ items: 24, days: 40, end: END, seed: 7 });
    const b = generateDemo({ items: 24, days: 40, end: END, seed: 7 });
    const c = generateDemo({ items: 24, days: 40, end: END, seed: 8 });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(c)).not.toBe(JSON.stringify(a));
  });

  it('never takes physical stock below zero, and leaves a few transfers in transit', () => {
    const replay = replayPlan(year);
    expect(replay.lowest).toEqual({ quantity: 0, at: null });
    expect(replay.inTransit.size).toBeGreaterThanOrEqual(1);
    expect(replay.inTransit.size).toBeLessThanOrEqual(6);
    for (const r of year.reservations) {
      const decimals = year.items.find((i) => i.sku === r.item)?.decimals ?? 0;
      expect(parseScaled(r.quantity, decimals, '')).toBeLessThanOrEqual(replay.finalStock.get(`${r.item}@${r.location}`) ?? 0);
    }
  });

  it('dates every step in order, within the year and never after the end', () => {
    const times = year.steps.map((s) => (s.type === 'movement' ? s.movement.occurredAt : s.type === 'dispatch' ? s.transfer.occurredAt : s.occurredAt));
    expect(times.every((t, i) => i === 0 || t >= (times[i - 1] as string))).toBe(true);
    expect(times[0]?.startsWith(year.firstDay)).toBe(true);
    expect(times[times.length - 1]! <= END.toISOString()).toBe(true);
    expect(year.firstDay).toBe('2024-07-01');
  });

  it('has receipts with unit costs and adjustments with reason codes', () => {
    const movements = year.steps.flatMap((s) => (s.type === 'movement' ? [s.movement] : []));
    expect(movements.filter((m) => m.kind === 'receipt').every((m) => m.unitCost !== undefined)).toBe(true);
    const reasons = new Set(movements.filter((m) => m.kind === 'adjustment').map((m) => m.reasonCode));
    expect([...reasons].sort()).toEqual(['count', 'damage', 'expired', 'sample', 'theft']);
  });
});

describe('demo seasonality', () => {
  const all = shipments(year);

  it('sells iced drinks in summer and hot drinks in winter', () => {
    const cold = all.filter((s) => skusOf(year, 'cold-drinks').has(s.sku));
    expect(sum(inMonth(cold, '2024-07'))).toBeGreaterThan(2 * sum(inMonth(cold, '2025-01')));
    const hot = all.filter((s) => skusOf(year, 'hot-drinks').has(s.sku));
    expect(sum(inMonth(hot, '2025-01'))).toBeGreaterThan(1.2 * sum(inMonth(hot, '2024-07')));
  });

  it('peaks in December for festive goods', () => {
    const festive = all.filter((s) => skusOf(year, 'festive').has(s.sku));
    const december = sum(inMonth(festive, '2024-12'));
    for (const month of ['2024-08', '2024-09', '2025-03', '2025-05']) expect(december).toBeGreaterThan(4 * sum(inMonth(festive, month)));
  });

  it('has a weekly rhythm: a busy Saturday in the shop, no wholesale at weekends, no web shipping on Sunday', () => {
    const shop = all.filter((s) => s.from.startsWith('STORE'));
    const perDay = (weekday: number) => sum(shop.filter((s) => s.weekday === weekday)) / new Set(shop.filter((s) => s.weekday === weekday).map((s) => s.day)).size;
    expect(perDay(6)).toBeGreaterThan(1.4 * perDay(2));
    expect(all.filter((s) => s.from.startsWith('WH1') && (s.weekday === 0 || s.weekday === 6))).toEqual([]);
    expect(all.filter((s) => s.from.startsWith('WH2') && s.weekday === 0)).toEqual([]);
    expect(all.filter((s) => s.from.startsWith('WH2') && s.weekday === 1).length).toBeGreaterThan(0);
  });
});
