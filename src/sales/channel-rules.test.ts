import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bufferForItem, channelAvailable, routingRulesProblem } from './channel-rules.js';

describe('channel availability', () => {
  it('sums available stock over the locations and withholds the buffer', () => {
    expect(channelAvailable([5, 3], 2)).toEqual({ stock: 8, available: 6 });
    expect(channelAvailable([], 0)).toEqual({ stock: 0, available: 0 });
  });

  it('never goes below zero, and a negative location lends nothing to the others', () => {
    expect(channelAvailable([1], 5)).toEqual({ stock: 1, available: 0 });
    expect(channelAvailable([-4, 3], 0)).toEqual({ stock: 3, available: 3 });
  });

  it('is never negative and never more than the stock', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: -1000, max: 1000 })), fc.nat(2000), (perLocation, buffer) => {
      const { stock, available } = channelAvailable(perLocation, buffer);
      expect(available).toBeGreaterThanOrEqual(0);
      expect(available).toBeLessThanOrEqual(stock);
      expect(stock - available).toBeLessThanOrEqual(buffer);
    }));
  });
});

describe('buffer in an item’s unit', () => {
  it('scales millionths to the item’s decimals, rounding a finer buffer up', () => {
    expect(bufferForItem(2_000_000, 0)).toBe(2);
    expect(bufferForItem(2_500_000, 0)).toBe(3);
    expect(bufferForItem(2_500_000, 3)).toBe(2500);
    expect(bufferForItem(1, 2)).toBe(1);
    expect(bufferForItem(0, 0)).toBe(0);
  });
});

describe('routing rules', () => {
  it('refuses repeats and a priority rule without locations', () => {
    expect(routingRulesProblem(['single_location', 'closest', 'split'], 0)).toBeNull();
    expect(routingRulesProblem(['split', 'split'], 0)).toMatch(/once/);
    expect(routingRulesProblem(['priority'], 0)).toMatch(/priority/);
    expect(routingRulesProblem(['priority'], 1)).toBeNull();
  });
});
