import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldShrinkage, type ShrinkageSlice } from './shrinkage-rules.js';

const slice = (over: Partial<ShrinkageSlice>): ShrinkageSlice => ({ key: 'damage', decimals: 0, unitCost: null, direction: 'lost', quantity: 1, movements: 1, ...over });

describe('shrinkage rules', () => {
  it('sums units across precisions and values exactly', () => {
    const { total, groups } = foldShrinkage([
      slice({ quantity: 3, unitCost: 2_5000 }),
      slice({ key: 'found', direction: 'found', quantity: 1250, decimals: 3, unitCost: 4_0000 }),
      slice({ key: 'theft', quantity: 2 }),
    ]);
    // 3 + 2 units lost at 6 decimals; 1.25 found; 3 × 2.5 = 7.5 lost, 1.25 × 4 = 5 found (at 10 decimals).
    expect(total.lostUnits).toBe(5_000_000n);
    expect(total.foundUnits).toBe(1_250_000n);
    expect(total.lostValue).toBe(7_5000_000000n);
    expect(total.foundValue).toBe(5_0000_000000n);
    expect(total.unvaluedMovements).toBe(1);
    expect(groups.map((g) => g.key)).toEqual(['damage', 'found', 'theft']);
  });

  it('group totals add up to the overall totals', () => {
    const arbitrary = fc.record({
      key: fc.constantFrom('a', 'b', 'c', ''), decimals: fc.integer({ min: 0, max: 6 }), unitCost: fc.option(fc.integer({ min: 0, max: 1e9 })),
      direction: fc.constantFrom('lost' as const, 'found' as const), quantity: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), movements: fc.integer({ min: 1, max: 1000 }),
    });
    fc.assert(fc.property(fc.array(arbitrary, { maxLength: 40 }), (slices) => {
      const { total, groups } = foldShrinkage(slices);
      const sum = (f: (t: (typeof groups)[number]['totals']) => bigint) => groups.reduce((a, g) => a + f(g.totals), 0n);
      expect(sum((t) => t.lostUnits)).toBe(total.lostUnits);
      expect(sum((t) => t.foundValue)).toBe(total.foundValue);
      expect(groups.reduce((a, g) => a + g.totals.movements, 0)).toBe(total.movements);
      expect(total.movements).toBe(slices.reduce((a, s) => a + s.movements, 0));
    }));
  });
});
