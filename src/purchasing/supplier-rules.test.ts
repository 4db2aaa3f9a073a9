import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { addDays, checkCurrency, checkDate, formatTolerance, leadTimeDays, normalizePriceBreaks, orderQuantityProblem, parseTolerance, pickPriceBreak } from './supplier-rules.js';

const pathsOf = (fn: () => unknown): string[] => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.fieldErrors.map((e) => e.path);
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('supplier terms', () => {
  it('accepts ISO 4217 currency codes only, in upper case', () => {
    expect(checkCurrency('EUR', '/currency')).toBe('EUR');
    expect(checkCurrency('usd', '/currency')).toBe('USD');
    for (const bad of ['EURO', 'ABC', 'E1R', '', 'XXXX']) expect(pathsOf(() => checkCurrency(bad, '/currency')), bad).toEqual(['/currency']);
  });

  it('keeps tolerances as exact hundredths of a percent', () => {
    expect(parseTolerance('10', '/t')).toBe(1000);
    expect(parseTolerance('2.5', '/t')).toBe(250);
    expect(parseTolerance(0.05, '/t')).toBe(5);
    expect(formatTolerance(250)).toBe('2.5');
    expect(pathsOf(() => parseTolerance('0.125', '/t'))).toEqual(['/t']);
    expect(pathsOf(() => parseTolerance('-1', '/t'))).toEqual(['/t']);
    expect(pathsOf(() => parseTolerance('1000.01', '/t'))).toEqual(['/t']);
  });

  it('sorts price breaks and names each duplicate', () => {
    expect(normalizePriceBreaks([{ minQuantity: 100, unitPrice: 9 }, { minQuantity: 0, unitPrice: 12 }], '/prices')).toEqual([
      { minQuantity: 0, unitPrice: 12 }, { minQuantity: 100, unitPrice: 9 },
    ]);
    expect(pathsOf(() => normalizePriceBreaks([{ minQuantity: 5, unitPrice: 1 }, { minQuantity: 1, unitPrice: 1 }, { minQuantity: 5, unitPrice: 2 }], '/prices'))).toEqual(['/prices/2/minQuantity']);
  });

  it('prices a quantity at the largest break it reaches, and not at all below the first', () => {
    const breaks = [{ minQuantity: 10, unitPrice: 120 }, { minQuantity: 100, unitPrice: 90 }, { minQuantity: 1000, unitPrice: 70 }];
    expect(pickPriceBreak(breaks, 9)).toBeNull();
    expect(pickPriceBreak(breaks, 10)?.unitPrice).toBe(120);
    expect(pickPriceBreak(breaks, 999)?.unitPrice).toBe(90);
    expect(pickPriceBreak(breaks, 5000)?.unitPrice).toBe(70);
    expect(pickPriceBreak([], 5)).toBeNull();
  });

  it('picks the same break whatever order the breaks come in', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 1200 }), (mins, quantity) => {
        const breaks = mins.map((m) => ({ minQuantity: m, unitPrice: m * 2 }));
        const picked = pickPriceBreak(breaks, quantity);
        expect(pickPriceBreak([...breaks].reverse(), quantity)).toEqual(picked);
        const reachable = mins.filter((m) => m <= quantity);
        expect(picked?.minQuantity ?? null).toBe(reachable.length ? Math.max(...reachable) : null);
      }),
    );
  });

  it('refuses quantities below the minimum order or not in whole packs', () => {
    const terms = { minOrderQuantity: 1500, packSize: 500 };
    expect(orderQuantityProblem(1500, terms, 2)).toBeNull();
    expect(orderQuantityProblem(2000, terms, 2)).toBeNull();
    expect(orderQuantityProblem(1000, terms, 2)).toBe("the supplier's minimum order quantity is 15");
    expect(orderQuantityProblem(1750, terms, 2)).toBe('the supplier sells in packs of 5; order a multiple of it');
    expect(orderQuantityProblem(3, { minOrderQuantity: null, packSize: null }, 0)).toBeNull();
  });

  it('takes the item’s lead time before the supplier’s', () => {
    expect(leadTimeDays(3, 14)).toBe(3);
    expect(leadTimeDays(null, 14)).toBe(14);
    expect(leadTimeDays(undefined, null)).toBeNull();
  });
});

describe('calendar days', () => {
  it('accepts real dates only', () => {
    expect(checkDate('2024-02-29', '/d')).toBe('2024-02-29');
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-01', '2025-01-01T00:00:00Z', 'tomorrow']) expect(pathsOf(() => checkDate(bad, '/d')), bad).toEqual(['/d']);
  });

  it('adds days across months and years in UTC', () => {
    expect(addDays('2025-12-28T23:59:00.000Z', 7)).toBe('2026-01-04');
    expect(addDays('2024-02-28T00:00:00.000Z', 1)).toBe('2024-02-29');
    expect(addDays('2025-03-01T10:00:00.000Z', 0)).toBe('2025-03-01');
  });
});
