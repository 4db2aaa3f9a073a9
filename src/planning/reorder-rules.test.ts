import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { averageDailyDemand, demandOver, forecastDemand, manualDemand } from './demand.js';
import { roundOrderQuantity } from './order-rounding.js';
import { ratio } from './ratio.js';
import { isLowStock, reorderLevels, stockPosition, suggestedQuantity, validatePolicy, type ComputedPolicy } from './reorder-rules.js';

/** 45 sold in 30 days: 1.5 a day. */
const averaged = averageDailyDemand([{ date: '2026-03-10', quantity: 45 }], 30, '2026-03-30');

describe('reorder levels', () => {
  it('computes min from lead-time demand plus safety stock, and max from a further month of cover', () => {
    const levels = reorderLevels({ kind: 'computed', safetyStock: 5 }, averaged, 7);
    // min = ⌈1.5 × 7 = 10.5⌉ + 5 = 16; max = ⌈1.5 × (7 + 30) = 55.5⌉ + 5 = 61
    expect(levels).toEqual({ reorderPoint: 16, orderUpTo: 61, basis: 'average' });
  });

  it('uses the cover days it is given, e.g. a weekly review period', () => {
    // max = ⌈1.5 × (7 + 7) = 21⌉ + 5 = 26
    expect(reorderLevels({ kind: 'computed', safetyStock: 5, coverDays: 7 }, averaged, 7)).toEqual({ reorderPoint: 16, orderUpTo: 26, basis: 'average' });
  });

  it('rounds demand up once over the whole span, not per part', () => {
    // a third a day: min = ⌈1/3⌉ = 1; max = ⌈3 × 1/3⌉ = 1 (rounding lead time and cover apart would give 2)
    const levels = reorderLevels({ kind: 'computed', safetyStock: 0, coverDays: 2 }, manualDemand(ratio(1, 3)), 1);
    expect(levels).toEqual({ reorderPoint: 1, orderUpTo: 1, basis: 'manual' });
  });

  it('is just the safety stock with no demand or a zero lead time', () => {
    expect(reorderLevels({ kind: 'computed', safetyStock: 4 }, averageDailyDemand([], 30, '2026-03-30'), 7)).toMatchObject({ reorderPoint: 4, orderUpTo: 4 });
    expect(reorderLevels({ kind: 'computed', safetyStock: 4, coverDays: 0 }, averaged, 0)).toMatchObject({ reorderPoint: 4, orderUpTo: 4 });
  });

  it('takes a forecast in place of the average, day by day over the lead time', () => {
    const forecast = forecastDemand([ratio(10), ratio(0), ratio(5, 2)], ratio(2));
    // min = 10 + 0 + 2.5 + 2 = 14.5 → 15, + 1 = 16; max over 4 + 2 days = 18.5 → 19, + 1 = 20
    expect(reorderLevels({ kind: 'computed', safetyStock: 1, coverDays: 2 }, forecast, 4)).toEqual({ reorderPoint: 16, orderUpTo: 20, basis: 'forecast' });
  });

  it('returns hand-set levels as they are', () => {
    expect(reorderLevels({ kind: 'manual', min: 20, max: 100 })).toEqual({ reorderPoint: 20, orderUpTo: 100, basis: 'manual' });
    expect(reorderLevels({ kind: 'manual', min: 20, max: 20 }, averaged, 7)).toEqual({ reorderPoint: 20, orderUpTo: 20, basis: 'manual' });
  });

  it('rejects policies a person could mistype, naming the field', () => {
    const cases = [
      [{ kind: 'manual', min: 10, max: 9 }, '/max'],
      [{ kind: 'manual', min: -1, max: 9 }, '/min'],
      [{ kind: 'computed', safetyStock: -1 }, '/safetyStock'],
      [{ kind: 'computed', safetyStock: 0, coverDays: 2.5 }, '/coverDays'],
    ] as const;
    for (const [policy, path] of cases) {
      try {
        validatePolicy(policy);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).fieldErrors[0]?.path).toBe(path);
      }
    }
    expect(() => reorderLevels({ kind: 'computed', safetyStock: 0 }, averaged, -1)).toThrow(RangeError);
  });
});

describe('low stock and the suggested quantity', () => {
  it('counts what is on its way as stock', () => {
    expect(stockPosition(10, 4)).toBe(14);
    expect(stockPosition(-2, 4)).toBe(2);
    expect(() => stockPosition(10, -1)).toThrow(RangeError);
  });

  it('alerts strictly below the reorder point', () => {
    expect(isLowStock(15, 16)).toBe(true);
    expect(isLowStock(16, 16)).toBe(false);
    expect(isLowStock(0, 0)).toBe(false);
  });

  it('orders back up to max when low, and nothing otherwise', () => {
    const levels = { reorderPoint: 16, orderUpTo: 61 };
    expect(suggestedQuantity(stockPosition(10, 4), levels)).toBe(47);
    expect(suggestedQuantity(16, levels)).toBe(0);
    expect(suggestedQuantity(-5, levels)).toBe(66);
  });

  const computed = fc.record({ safetyStock: fc.nat(10 ** 6), coverDays: fc.option(fc.nat(365), { nil: undefined }) }).map((p): ComputedPolicy => ({ kind: 'computed', ...p }));
  const estimates = fc.oneof(
    fc.tuple(fc.nat(10 ** 9), fc.integer({ min: 1, max: 365 })).map(([sold, days]) => manualDemand(ratio(sold, days))),
    fc.array(fc.tuple(fc.nat(10 ** 6), fc.integer({ min: 1, max: 9 })), { maxLength: 30 }).map((days) => forecastDemand(days.map(([n, d]) => ratio(n, d)))),
  );

  it('computed levels cover lead-time demand by less than one unit over the safety stock, and max ≥ min', () => {
    fc.assert(
      fc.property(computed, estimates, fc.nat(120), (policy, demand, lead) => {
        const { reorderPoint, orderUpTo } = reorderLevels(policy, demand, lead);
        expect(Number.isSafeInteger(reorderPoint) && Number.isSafeInteger(orderUpTo)).toBe(true);
        expect(orderUpTo).toBeGreaterThanOrEqual(reorderPoint);
        const leadDemand = demandOver(demand, 0, lead);
        const cover = BigInt(reorderPoint - policy.safetyStock);
        expect(cover * leadDemand.den >= leadDemand.num).toBe(true);
        expect((cover - 1n) * leadDemand.den < leadDemand.num).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a suggestion, rounded or not, brings the position back to at least the reorder point', () => {
    fc.assert(
      fc.property(
        computed,
        estimates,
        fc.nat(120),
        fc.integer({ min: -(10 ** 6), max: 10 ** 12 }),
        fc.nat(10 ** 6),
        fc.record({ moq: fc.option(fc.nat(10 ** 6)), packSize: fc.option(fc.integer({ min: 1, max: 10 ** 4 })) }),
        (policy, demand, lead, available, incoming, terms) => {
          const levels = reorderLevels(policy, demand, lead);
          const position = stockPosition(available, incoming);
          const quantity = suggestedQuantity(position, levels);
          const ordered = roundOrderQuantity(quantity, terms);
          if (isLowStock(position, levels.reorderPoint)) {
            expect(quantity).toBeGreaterThan(0);
            expect(position + quantity).toBe(levels.orderUpTo);
            expect(position + ordered).toBeGreaterThanOrEqual(levels.reorderPoint);
            expect(isLowStock(position + ordered, levels.reorderPoint)).toBe(false);
          } else {
            expect(quantity).toBe(0);
            expect(ordered).toBe(0);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
