import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { roundOrderQuantity } from './order-rounding.js';

describe('rounding an order to what a supplier sells', () => {
  it('rounds up to whole packs and at least the MOQ', () => {
    expect(roundOrderQuantity(47, { packSize: 12, moq: 24 })).toBe(48);
    expect(roundOrderQuantity(48, { packSize: 12, moq: 24 })).toBe(48);
    expect(roundOrderQuantity(49, { packSize: 12, moq: 24 })).toBe(60);
    expect(roundOrderQuantity(5, { packSize: 12, moq: 24 })).toBe(24);
  });

  it('meets an MOQ that is not a whole number of packs with the next whole pack', () => {
    expect(roundOrderQuantity(5, { packSize: 12, moq: 30 })).toBe(36);
  });

  it('works in scaled units: 3.2 kg in 2.5 kg bags is two bags', () => {
    expect(roundOrderQuantity(3200, { packSize: 2500 })).toBe(5000);
  });

  it('treats absent terms as no constraint', () => {
    expect(roundOrderQuantity(7, {})).toBe(7);
    expect(roundOrderQuantity(7, { moq: null, packSize: null })).toBe(7);
    expect(roundOrderQuantity(7, { moq: 10 })).toBe(10);
    expect(roundOrderQuantity(7, { packSize: 5 })).toBe(10);
  });

  it('orders nothing when nothing is needed, whatever the MOQ', () => {
    expect(roundOrderQuantity(0, { packSize: 12, moq: 24 })).toBe(0);
  });

  it('rejects terms a person could mistype, naming the field', () => {
    for (const [terms, path] of [
      [{ packSize: 0 }, '/packSize'],
      [{ packSize: -12 }, '/packSize'],
      [{ packSize: 1.5 }, '/packSize'],
      [{ moq: -1 }, '/moq'],
    ] as const) {
      try {
        roundOrderQuantity(10, terms);
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).fieldErrors[0]?.path).toBe(path);
      }
    }
  });

  it('refuses negative needs and results beyond the exact integer range', () => {
    expect(() => roundOrderQuantity(-1, {})).toThrow(RangeError);
    expect(() => roundOrderQuantity(Number.MAX_SAFE_INTEGER, { packSize: 2 })).toThrow(RangeError);
    expect(roundOrderQuantity(Number.MAX_SAFE_INTEGER - 1, { packSize: 2 })).toBe(Number.MAX_SAFE_INTEGER - 1);
  });

  it('is the least whole-pack quantity covering both the need and the MOQ', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 13 }),
        fc.option(fc.nat(10 ** 13)),
        fc.option(fc.integer({ min: 1, max: 10 ** 7 })),
        (need, moq, packSize) => {
          const rounded = roundOrderQuantity(need, { moq, packSize });
          const pack = packSize ?? 1;
          expect(Number.isSafeInteger(rounded)).toBe(true);
          expect(rounded).toBeGreaterThanOrEqual(need);
          expect(rounded).toBeGreaterThanOrEqual(moq ?? 0);
          expect(rounded % pack).toBe(0);
          // One pack less breaks the need or the MOQ.
          const less = rounded - pack;
          expect(less < need || less < (moq ?? 0)).toBe(true);
          const target = BigInt(Math.max(need, moq ?? 0));
          const reference = ((target + BigInt(pack) - 1n) / BigInt(pack)) * BigInt(pack);
          expect(BigInt(rounded)).toBe(reference);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
