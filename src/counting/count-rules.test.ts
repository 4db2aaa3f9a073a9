import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { combineEntry, combineSerials, countActionProblem, countNumber, needsApproval, serialVariance, serialVarianceUnits, variance, varianceValue } from './count-rules.js';

const none = { unitsMicro: null, value: null };

describe('count rules', () => {
  it('variance is counted minus the on hand at entry time', () => {
    expect(variance(7, 10)).toBe(-3);
    expect(variance(12, 10)).toBe(2);
    expect(variance(0, 0)).toBe(0);
  });

  it('posting the variance on top of any later movement gives counted plus that movement', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: -1e6, max: 1e6 }), (counted, onHand, later) => {
      const current = onHand + later;
      expect(current + variance(counted, onHand)).toBe(counted + later);
    }));
  });

  it('values a variance exactly by its magnitude', () => {
    expect(varianceValue(-3, 12_5000)).toBe(37_5000n);
    expect(varianceValue(5, null)).toBeNull();
    expect(varianceValue(2 ** 52, 9_999_999)).toBe(BigInt(2 ** 52) * 9_999_999n);
  });

  it('needs approval beyond the unit limit, at any precision', () => {
    // 2 units allowed; an item with 2 decimals holds 250 = 2.5 units.
    const t = { unitsMicro: 2_000_000, value: null };
    expect(needsApproval(2, 0, null, t)).toBe(false);
    expect(needsApproval(-3, 0, null, t)).toBe(true);
    expect(needsApproval(200, 2, null, t)).toBe(false);
    expect(needsApproval(250, 2, null, t)).toBe(true);
  });

  it('needs approval beyond the value limit; an uncosted line is judged on units only', () => {
    // 50.0000 allowed; 3 × 20.0000 = 60 is over, 2 × 20 = 40 is not; 1.5 kg (decimals 3) × 40 = 60.
    const t = { unitsMicro: null, value: 50_0000 };
    expect(needsApproval(-3, 0, 20_0000, t)).toBe(true);
    expect(needsApproval(2, 0, 20_0000, t)).toBe(false);
    expect(needsApproval(1500, 3, 40_0000, t)).toBe(true);
    expect(needsApproval(1250, 3, 40_0000, t)).toBe(false);
    expect(needsApproval(-1000, 0, null, t)).toBe(false);
  });

  it('a zero variance never needs approval, and no limits means none does', () => {
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 6 }), (v, d) => {
      expect(needsApproval(v, d, 1, none)).toBe(false);
      expect(needsApproval(0, d, 1, { unitsMicro: 0, value: 0 })).toBe(false);
    }));
  });

  it('approval is monotone: a larger variance never needs less approval', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 1e6 }), fc.option(fc.integer({ min: 0, max: 1e9 })), fc.option(fc.integer({ min: 0, max: 1e9 })),
      (a, extra, cost, units, value) => {
        const t = { unitsMicro: units, value };
        if (needsApproval(a, 2, cost, t)) expect(needsApproval(a + extra, 2, cost, t)).toBe(true);
        expect(needsApproval(-a, 2, cost, t)).toBe(needsApproval(a, 2, cost, t));
      }));
  });

  it('a repeat entry replaces, or adds when asked', () => {
    expect(combineEntry(4, 3, 'set')).toBe(3);
    expect(combineEntry(4, 3, 'add')).toBe(7);
    expect(combineEntry(null, 3, 'add')).toBe(3);
  });

  it('follows the state machine', () => {
    expect(countActionProblem('start', 'draft', 'CC-1')).toBeNull();
    expect(countActionProblem('enter', 'counting', 'CC-1')).toBeNull();
    expect(countActionProblem('approve', 'review', 'CC-1')).toBeNull();
    expect(countActionProblem('recount', 'review', 'CC-1')).toBeNull();
    expect(countActionProblem('approve', 'counting', 'CC-1')).toBeInstanceOf(DomainError);
    expect(countActionProblem('enter', 'review', 'CC-1')?.code).toBe('conflict');
    expect(countActionProblem('cancel', 'approved', 'CC-1')).toBeInstanceOf(DomainError);
    expect(countNumber(42)).toBe('CC-000042');
  });

  it('a serial line is missing what was there and not scanned, and has unexpected what was scanned and not there', () => {
    const v = serialVariance(['S3', 'S1', 'S2'], ['S4', 'S1']);
    expect(v).toEqual({ missing: ['S2', 'S3'], unexpected: ['S4'] });
    // A swap nets to zero but moves two units: the thresholds judge both.
    expect(serialVarianceUnits(serialVariance(['A'], ['B']))).toBe(2);
    expect(serialVarianceUnits(serialVariance(['A', 'B'], ['B', 'A']))).toBe(0);
  });

  it('missing and unexpected serials always explain the difference between the two lists', () => {
    const numbers = fc.uniqueArray(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'));
    fc.assert(fc.property(numbers, numbers, (onHand, counted) => {
      const { missing, unexpected } = serialVariance(onHand, counted);
      const after = new Set([...onHand.filter((s) => !missing.includes(s)), ...unexpected]);
      expect([...after].sort()).toEqual([...counted].sort());
      expect(counted.length - onHand.length).toBe(unexpected.length - missing.length);
    }));
  });

  it('a repeat scan replaces the serials or adds the new ones', () => {
    expect(combineSerials(['B', 'A'], ['C'], 'set')).toEqual(['C']);
    expect(combineSerials(['B', 'A'], ['C', 'A'], 'add')).toEqual(['A', 'B', 'C']);
    expect(combineSerials(null, ['B', 'A'], 'add')).toEqual(['A', 'B']);
  });
});
