import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.js';
import { formatScaled, parsePositiveScaled, parseScaled } from './quantity.js';

describe('exact quantities', () => {
  it('scales decimal text to integers in the smallest unit', () => {
    expect(parseScaled('2.5', 3, '/q')).toBe(2500);
    expect(parseScaled('0.001', 3, '/q')).toBe(1);
    expect(parseScaled('-1.25', 2, '/q')).toBe(-125);
    expect(parseScaled(7, 0, '/q')).toBe(7);
    expect(parseScaled('10.000', 0, '/q')).toBe(10);
  });

  it('takes JSON numbers through their shortest decimal text, so 0.1 + 0.2 never leaks in', () => {
    expect(parseScaled(0.1, 1, '/q')).toBe(1);
    expect(parseScaled(0.3, 2, '/q')).toBe(30);
    expect(() => parseScaled(0.1 + 0.2, 2, '/q')).toThrow(/decimal place/);
  });

  it('rejects more precision than the item allows, naming the field', () => {
    try {
      parseScaled('1.5', 0, '/lines/3/quantity');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).fieldErrors).toEqual([{ path: '/lines/3/quantity', message: expect.stringMatching(/at most 0 decimal/) }]);
    }
  });

  it('rejects text that is not a plain decimal', () => {
    for (const bad of ['', 'abc', '1e3', '1,5', '0x10', '1.', '.5', '--1', 'Infinity']) {
      expect(() => parseScaled(bad, 3, '/q'), bad).toThrow(DomainError);
    }
    expect(() => parseScaled(Number.NaN, 0, '/q')).toThrow(DomainError);
    expect(() => parseScaled(1e21, 0, '/q')).toThrow(DomainError);
  });

  it('rejects values beyond the exact integer range instead of rounding', () => {
    expect(() => parseScaled('9007199254740993', 0, '/q')).toThrow(/too large/);
    expect(() => parseScaled('9007199254.740993', 6, '/q')).toThrow(/too large/);
  });

  it('requires positive quantities where a movement needs one', () => {
    expect(() => parsePositiveScaled('0', 0, '/q')).toThrow(/greater than zero/);
    expect(() => parsePositiveScaled('-1', 0, '/q')).toThrow(/greater than zero/);
  });

  it('formats without trailing zeros', () => {
    expect(formatScaled(2500, 3)).toBe('2.5');
    expect(formatScaled(1, 3)).toBe('0.001');
    expect(formatScaled(-125, 2)).toBe('-1.25');
    expect(formatScaled(0, 4)).toBe('0');
    expect(formatScaled(12, 0)).toBe('12');
  });

  it('round-trips every representable quantity exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.maxSafeInteger(), (decimals, raw) => {
        const scaled = raw % 10 ** 12;
        expect(parseScaled(formatScaled(scaled, decimals), decimals, '/q')).toBe(scaled);
      }),
      { numRuns: 2000 },
    );
  });
});
