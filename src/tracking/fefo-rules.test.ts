import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateFefo, fefoOrder, isExpired, type LotStock } from './fefo-rules.js';

const TODAY = '2026-06-15';
const day = fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2026, 5, 1 + d)).toISOString().slice(0, 10));
const lot = (i: number) =>
  fc.record({
    lotId: fc.constant<string>(`L${String(i).padStart(3, '0')}`),
    expiresOn: fc.option(day, { nil: null }),
    firstReceivedAt: fc.integer({ min: 0, max: 1000 }).map((m) => new Date(Date.UTC(2026, 0, 1, 0, m)).toISOString()),
    available: fc.integer({ min: -3, max: 20 }),
  });
const lots = fc.integer({ min: 0, max: 8 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => lot(i))));

describe('FEFO allocation', () => {
  it('takes the earliest expiry first, then lots without expiry by first receipt', () => {
    const stock: LotStock[] = [
      { lotId: 'none-old', expiresOn: null, firstReceivedAt: '2026-01-01T00:00:00.000Z', available: 5 },
      { lotId: 'late', expiresOn: '2026-09-01', firstReceivedAt: '2026-01-01T00:00:00.000Z', available: 5 },
      { lotId: 'early', expiresOn: '2026-07-01', firstReceivedAt: '2026-02-01T00:00:00.000Z', available: 3 },
      { lotId: 'expired', expiresOn: '2026-06-14', firstReceivedAt: '2025-01-01T00:00:00.000Z', available: 9 },
      { lotId: 'none-new', expiresOn: null, firstReceivedAt: '2026-03-01T00:00:00.000Z', available: 5 },
    ];
    expect(allocateFefo(stock, 12, TODAY)).toEqual({
      takes: [{ lotId: 'early', quantity: 3 }, { lotId: 'late', quantity: 5 }, { lotId: 'none-old', quantity: 4 }], available: 18, complete: true,
    });
    expect(allocateFefo(stock, 19, TODAY)).toMatchObject({ available: 18, complete: false });
  });

  it('counts a lot as expired only from the day after its expiry date', () => {
    expect(isExpired('2026-06-15', TODAY)).toBe(false);
    expect(isExpired('2026-06-14', TODAY)).toBe(true);
    expect(isExpired(null, TODAY)).toBe(false);
  });

  it('never takes more than a lot has, never an expired lot, earlier expiry before later, the whole quantity when there is enough', () => {
    fc.assert(
      fc.property(lots, fc.integer({ min: 1, max: 100 }), (stock, quantity) => {
        const plan = allocateFefo(stock, quantity, TODAY);
        const byId = new Map(stock.map((l) => [l.lotId, l]));
        const total = plan.takes.reduce((s, t) => s + t.quantity, 0);
        for (const take of plan.takes) {
          const source = byId.get(take.lotId) as LotStock;
          expect(take.quantity).toBeGreaterThan(0);
          expect(take.quantity).toBeLessThanOrEqual(source.available);
          expect(isExpired(source.expiresOn, TODAY)).toBe(false);
        }
        expect(total).toBeLessThanOrEqual(quantity);
        const usable = stock.filter((l) => !isExpired(l.expiresOn, TODAY) && l.available > 0);
        const enough = usable.reduce((s, l) => s + l.available, 0) >= quantity;
        expect(plan.complete).toBe(enough);
        if (enough) expect(total).toBe(quantity);
        else expect(total).toBe(plan.available);
        // Every usable lot ordered before the last one taken is used up: nothing later is touched first.
        const last = plan.takes[plan.takes.length - 1];
        if (last) {
          const lastLot = byId.get(last.lotId) as LotStock;
          for (const l of usable) {
            if (fefoOrder(l, lastLot) < 0) expect(plan.takes.find((t) => t.lotId === l.lotId)?.quantity).toBe(l.available);
            if (fefoOrder(l, lastLot) > 0) expect(plan.takes.some((t) => t.lotId === l.lotId)).toBe(false);
          }
        }
      }),
    );
  });
});
