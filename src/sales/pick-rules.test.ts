import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookPick, byWalkingOrder, stillToPick } from './pick-rules.js';

describe('pick list order', () => {
  it('walks bin by bin, then by SKU and order', () => {
    const stops = [
      { locationCode: 'WH1-B-01', sku: 'A', orderNumber: 'SO-2' },
      { locationCode: 'WH1-A-02', sku: 'B', orderNumber: 'SO-1' },
      { locationCode: 'WH1-A-02', sku: 'A', orderNumber: 'SO-2' },
      { locationCode: 'WH1-A-02', sku: 'A', orderNumber: 'SO-1' },
    ];
    expect(byWalkingOrder(stops).map((s) => `${s.locationCode} ${s.sku} ${s.orderNumber}`)).toEqual([
      'WH1-A-02 A SO-1', 'WH1-A-02 A SO-2', 'WH1-A-02 B SO-1', 'WH1-B-01 A SO-2',
    ]);
  });
});

describe('booking a scanned pick', () => {
  it('fills lines in order and refuses an over-pick whole', () => {
    const lines = [{ lineNo: 1, quantity: 2, picked: 1 }, { lineNo: 2, quantity: 3, picked: 0 }];
    expect(bookPick(lines, 1)).toEqual([{ lineNo: 1, add: 1 }]);
    expect(bookPick(lines, 3)).toEqual([{ lineNo: 1, add: 1 }, { lineNo: 2, add: 2 }]);
    expect(bookPick(lines, 5)).toBeNull();
  });

  it('never books more than a line expects, and books exactly what was scanned', () => {
    fc.assert(fc.property(fc.array(fc.record({ quantity: fc.integer({ min: 1, max: 20 }), picked: fc.nat(20) }), { maxLength: 6 }), fc.integer({ min: 1, max: 100 }), (raw, quantity) => {
      const lines = raw.map((l, i) => ({ lineNo: i + 1, quantity: l.quantity, picked: Math.min(l.picked, l.quantity) }));
      const booked = bookPick(lines, quantity);
      const open = lines.reduce((s, l) => s + l.quantity - l.picked, 0);
      if (quantity > open) {
        expect(booked).toBeNull();
        return;
      }
      expect(booked?.reduce((s, b) => s + b.add, 0)).toBe(quantity);
      for (const b of booked ?? []) {
        const line = lines.find((l) => l.lineNo === b.lineNo);
        expect(b.add).toBeLessThanOrEqual((line?.quantity ?? 0) - (line?.picked ?? 0));
      }
    }));
  });
});

describe('what is still to pick', () => {
  it('leaves out units picked earlier and not shipped yet, from the first hold on', () => {
    expect(stillToPick([3, 2], 4, 0)).toEqual([0, 1]);
    expect(stillToPick([3, 2], 4, 4)).toEqual([3, 2]);
    expect(stillToPick([5], 0, 0)).toEqual([5]);
    expect(stillToPick([2, 2], 1, 3)).toEqual([2, 2]);
  });

  it('never goes below zero and takes off exactly what waits to be shipped, as far as the holds reach', () => {
    fc.assert(fc.property(fc.array(fc.nat(20), { maxLength: 5 }), fc.nat(40), fc.nat(40), (holds, picked, shipped) => {
      const left = stillToPick(holds, picked, shipped);
      const total = holds.reduce((a, b) => a + b, 0);
      expect(left.every((q, i) => q >= 0 && q <= (holds[i] ?? 0))).toBe(true);
      expect(total - left.reduce((a, b) => a + b, 0)).toBe(Math.min(total, Math.max(0, picked - shipped)));
    }));
  });
});
