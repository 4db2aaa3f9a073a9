import { describe, expect, it } from 'vitest';
import { dayRange, decodeSortCursor, encodeSortCursor, foldStockGroups, formatBig, onHandByDay, toCommonScale } from './report-rules.js';

describe('report rules', () => {
  it('brings quantities of any precision to one exact scale and prints them back', () => {
    expect(toCommonScale(125, 2)).toBe(1_250_000n);
    expect(formatBig(toCommonScale(125, 2) + toCommonScale(3, 0), 6)).toBe('4.25');
    expect(formatBig(-5n, 3)).toBe('-0.005');
    expect(formatBig(10n ** 30n, 0)).toBe('1000000000000000000000000000000');
  });

  it('values each group at its cost and counts uncosted stock in units only', () => {
    const { total, bySite } = foldStockGroups([
      { siteId: 'a', decimals: 0, unitCost: 25_000, onHand: 4, items: 1 },
      { siteId: 'a', decimals: 3, unitCost: null, onHand: 1500, items: 2 },
    ]);
    expect(formatBig(total.units, 6)).toBe('5.5');
    expect(formatBig(total.value, 10)).toBe('10');
    expect([total.itemsValued, total.itemsUnvalued]).toEqual([1, 2]);
    expect(bySite.get('a')?.units).toBe(total.units);
  });

  it('walks back from today, subtracting changes dated after each day, future-dated ones too', () => {
    const days = dayRange(new Date('2026-03-02T10:00:00Z'), 3);
    expect(days).toEqual(['2026-02-28', '2026-03-01', '2026-03-02']);
    const net = new Map([['2026-03-01', 4n], ['2026-03-02', -1n], ['2026-03-05', 2n]]);
    expect(onHandByDay(10n, net, days).map((p) => p.onHand)).toEqual([5n, 9n, 8n]);
  });

  it('accepts a cursor only for the sort and order that issued it', () => {
    const text = encodeSortCursor({ sort: 'onHand', order: 'desc', key: '12000000', sku: 'A' });
    expect(decodeSortCursor(text, 'onHand', 'desc')).toEqual({ sort: 'onHand', order: 'desc', key: '12000000', sku: 'A' });
    expect(decodeSortCursor(text, 'onHand', 'asc')).toBeNull();
    expect(decodeSortCursor(encodeSortCursor({ sort: 'onHand', order: 'asc', key: 'x', sku: 'A' }), 'onHand', 'asc')).toBeNull();
    expect(decodeSortCursor('not json', 'sku', 'asc')).toBeNull();
  });
});
