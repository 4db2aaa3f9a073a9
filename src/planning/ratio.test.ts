import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addRatio, ceilToScaled, ratio, scaleRatio, ZERO } from './ratio.js';

describe('exact ratios', () => {
  it('reduces so that equal values have equal fields', () => {
    expect(ratio(45, 30)).toEqual({ num: 3n, den: 2n });
    expect(ratio(0, 7)).toEqual(ZERO);
    expect(ratio(6n)).toEqual({ num: 6n, den: 1n });
    expect(addRatio(ratio(1, 3), ratio(1, 6))).toEqual({ num: 1n, den: 2n });
    expect(scaleRatio(ratio(3, 2), 7)).toEqual({ num: 21n, den: 2n });
  });

  it('rounds up to whole scaled units, and not at all when already whole', () => {
    expect(ceilToScaled(ratio(21, 2))).toBe(11);
    expect(ceilToScaled(ratio(1, 1_000_000))).toBe(1);
    expect(ceilToScaled(ratio(12, 3))).toBe(4);
    expect(ceilToScaled(ZERO)).toBe(0);
  });

  it('refuses negatives, zero denominators, floats and results beyond the exact range', () => {
    expect(() => ratio(-1, 2)).toThrow(RangeError);
    expect(() => ratio(1, 0)).toThrow(RangeError);
    expect(() => ratio(0.5, 1)).toThrow(RangeError);
    expect(() => ceilToScaled(ratio(2n ** 53n))).toThrow(RangeError);
  });

  it('ceilToScaled is the least integer not below the ratio', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 60n }), fc.bigInt({ min: 1n, max: 2n ** 20n }), (num, den) => {
        fc.pre(num / den < 2n ** 52n);
        const up = BigInt(ceilToScaled(ratio(num, den)));
        expect(up * den >= num).toBe(true);
        expect((up - 1n) * den < num).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
