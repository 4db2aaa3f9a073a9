import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { averageDailyDemand, demandOver, forecastDemand, manualDemand, type DailySale } from './demand.js';
import { ratio } from './ratio.js';

const DAY_MS = 86_400_000;
const dayAt = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

describe('average daily demand', () => {
  it('divides the sales inside the window by its length, counting quiet days as zero', () => {
    const sales: DailySale[] = [
      { date: '2026-02-28', quantity: 100 }, // the day before the window
      { date: '2026-03-01', quantity: 10 }, // first day of the window
      { date: '2026-03-15', quantity: 12 },
      { date: '2026-03-15', quantity: 8 }, // same day, another channel: summed
      { date: '2026-03-30', quantity: 15 }, // last day of the window
      { date: '2026-03-31', quantity: 50 }, // after it
    ];
    const estimate = averageDailyDemand(sales, 30, '2026-03-30');
    expect(estimate).toEqual({ source: 'average', daily: [], rate: { num: 3n, den: 2n } }); // 45 / 30
  });

  it('keeps thirds as thirds instead of rounding them away', () => {
    expect(averageDailyDemand([{ date: '2026-01-07', quantity: 1 }], 7, '2026-01-07').rate).toEqual({ num: 1n, den: 7n });
    expect(averageDailyDemand([], 90, '2026-01-07').rate).toEqual({ num: 0n, den: 1n });
  });

  it('counts calendar days across a leap day', () => {
    const sales = [
      { date: '2024-02-27', quantity: 1000 },
      { date: '2024-02-29', quantity: 4 },
      { date: '2024-03-01', quantity: 5 },
    ];
    expect(averageDailyDemand(sales, 3, '2024-03-01').rate).toEqual({ num: 3n, den: 1n });
  });

  it('stays exact where a float sum would not', () => {
    const big = Number.MAX_SAFE_INTEGER;
    const estimate = averageDailyDemand([{ date: '2026-01-01', quantity: big }, { date: '2026-01-02', quantity: big }], 2, '2026-01-02');
    expect(estimate.rate).toEqual({ num: BigInt(big), den: 1n });
  });

  it('rejects windows, dates and quantities that cannot be meant', () => {
    expect(() => averageDailyDemand([], 0, '2026-01-01')).toThrow(RangeError);
    expect(() => averageDailyDemand([], 1.5, '2026-01-01')).toThrow(RangeError);
    expect(() => averageDailyDemand([], 7, '2026-02-30')).toThrow(/calendar day/);
    expect(() => averageDailyDemand([{ date: '2026-1-5', quantity: 1 }], 7, '2026-01-07')).toThrow(/calendar day/);
    expect(() => averageDailyDemand([{ date: '2026-01-05', quantity: -1 }], 7, '2026-01-07')).toThrow(/negative/);
    expect(() => averageDailyDemand([{ date: '2026-01-05', quantity: 0.5 }], 7, '2026-01-07')).toThrow(RangeError);
  });

  it('equals a BigInt reference over random sales, in and out of the window', () => {
    const end = Date.UTC(2026, 2, 30);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.array(fc.record({ back: fc.integer({ min: -30, max: 450 }), quantity: fc.oneof(fc.nat(1000), fc.maxSafeNat()) }), { maxLength: 60 }),
        (windowDays, shift, raw) => {
          const lastMs = end - shift * DAY_MS;
          const sales = raw.map((sale) => ({ date: dayAt(lastMs - sale.back * DAY_MS), quantity: sale.quantity }));
          let reference = 0n;
          for (const sale of raw) if (sale.back >= 0 && sale.back < windowDays) reference += BigInt(sale.quantity);
          const { rate } = averageDailyDemand(sales, windowDays, dayAt(lastMs));
          expect(rate.num * BigInt(windowDays)).toBe(reference * rate.den);
          expect(BigInt(windowDays) % rate.den).toBe(0n);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('demand over a span of days', () => {
  it('multiplies a steady rate by the days', () => {
    const estimate = manualDemand(ratio(3, 2));
    expect(estimate.source).toBe('manual');
    expect(demandOver(estimate, 0, 7)).toEqual({ num: 21n, den: 2n });
    expect(demandOver(estimate, 7, 30)).toEqual({ num: 45n, den: 1n });
    expect(demandOver(estimate, 3, 0)).toEqual({ num: 0n, den: 1n });
  });

  it('follows a forecast day by day, then its steady rate', () => {
    const estimate = forecastDemand([ratio(1), ratio(2), ratio(3)], ratio(5));
    expect(estimate.source).toBe('forecast');
    expect(demandOver(estimate, 0, 5)).toEqual(ratio(16)); // 1 + 2 + 3 + 5 + 5
    expect(demandOver(estimate, 2, 3)).toEqual(ratio(13)); // 3 + 5 + 5
    expect(demandOver(estimate, 1, 1)).toEqual(ratio(2));
    expect(demandOver(estimate, 4, 2)).toEqual(ratio(10));
  });

  it('continues past a forecast horizon at the mean of its days unless told otherwise', () => {
    expect(forecastDemand([ratio(1), ratio(0), ratio(2, 3)]).rate).toEqual(ratio(5, 9));
    expect(forecastDemand([]).rate).toEqual(ratio(0));
  });

  it('reads a per-day function for its horizon, the same as the list it describes', () => {
    const perDay = (day: number) => ratio(day + 1, 2);
    const fromFunction = forecastDemand({ horizonDays: 4, perDay }, ratio(1));
    expect(fromFunction).toEqual(forecastDemand([ratio(1, 2), ratio(1), ratio(3, 2), ratio(2)], ratio(1)));
    expect(() => forecastDemand({ horizonDays: -1, perDay })).toThrow(RangeError);
  });

  it('rejects hand-built negative demand and negative spans', () => {
    expect(() => manualDemand({ num: -1n, den: 1n })).toThrow(RangeError);
    expect(() => forecastDemand([{ num: 1n, den: 0n }])).toThrow(RangeError);
    expect(() => demandOver(manualDemand(ratio(1)), -1, 3)).toThrow(RangeError);
    expect(() => demandOver(manualDemand(ratio(1)), 0, 2.5)).toThrow(RangeError);
  });

  const forecasts = fc
    .tuple(fc.array(fc.tuple(fc.nat(10_000), fc.integer({ min: 1, max: 12 })), { maxLength: 20 }), fc.tuple(fc.nat(10_000), fc.integer({ min: 1, max: 12 })))
    .map(([days, [num, den]]) => forecastDemand(days.map(([n, d]) => ratio(n, d)), ratio(num, den)));

  it('adds up over adjacent spans and matches a day-by-day reference', () => {
    fc.assert(
      fc.property(forecasts, fc.nat(40), fc.nat(40), fc.nat(40), (estimate, from, a, b) => {
        const whole = demandOver(estimate, from, a + b);
        const first = demandOver(estimate, from, a);
        const second = demandOver(estimate, from + a, b);
        expect(whole.num * first.den * second.den).toBe((first.num * second.den + second.num * first.den) * whole.den);
        let num = 0n;
        let den = 1n;
        for (let day = from; day < from + a; day++) {
          const value = estimate.daily[day] ?? estimate.rate;
          [num, den] = [num * value.den + value.num * den, den * value.den];
        }
        expect(first.num * den).toBe(num * first.den);
      }),
      { numRuns: 500 },
    );
  });
});
