import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReturnStatus } from '../db/schema.js';
import {
  closeProblem, committedToReturn, disposable, holdingsOf, pickLineForItem, receivable, returnable, returnActionProblem, rmaNumber, statusFromLines,
  takeFromHoldings, unlinkedReturnProblem, type EntryFlow, type ReturnAction, type ReturnLineState,
} from './return-rules.js';

const STATUSES: ReturnStatus[] = ['authorised', 'partially_received', 'received', 'closed', 'cancelled'];
const line = (over: Partial<ReturnLineState> = {}): ReturnLineState => ({ quantity: 5, received: 0, restocked: 0, scrapped: 0, ...over });

/** A line in any state the database allows: received ≤ authorised, restocked + scrapped ≤ received. */
const lineState = fc
  .record({ quantity: fc.integer({ min: 1, max: 1_000_000 }), a: fc.double({ min: 0, max: 1, noNaN: true }), b: fc.double({ min: 0, max: 1, noNaN: true }), c: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ quantity, a, b, c }) => {
    const received = Math.floor(quantity * a);
    const restocked = Math.floor(received * b);
    const scrapped = Math.floor((received - restocked) * c);
    return { quantity, received, restocked, scrapped };
  });

describe('the return state machine', () => {
  const allowedIn = (action: ReturnAction) => STATUSES.filter((s) => returnActionProblem(s, action) === null);

  it('allows each action exactly in its statuses', () => {
    expect(allowedIn('receive')).toEqual(['authorised', 'partially_received']);
    expect(allowedIn('dispose')).toEqual(['partially_received', 'received']);
    expect(allowedIn('cancel')).toEqual(['authorised']);
    expect(allowedIn('close')).toEqual(['partially_received']);
  });

  it('explains a refusal with the status and what would allow it', () => {
    expect(returnActionProblem('partially_received', 'cancel')).toBe('a return that is partially received cannot be cancelled (allowed when authorised)');
    expect(returnActionProblem('closed', 'receive')).toMatch(/closed cannot be received/);
  });

  it('derives the status from the lines', () => {
    expect(statusFromLines('authorised', [line(), line()])).toBe('authorised');
    expect(statusFromLines('authorised', [line({ received: 2 }), line()])).toBe('partially_received');
    expect(statusFromLines('partially_received', [line({ received: 5 }), line({ received: 5, restocked: 5 })])).toBe('received');
    expect(statusFromLines('received', [line({ received: 5, restocked: 2, scrapped: 3 })])).toBe('closed');
    // Everything that came is dealt with, but more is still expected.
    expect(statusFromLines('partially_received', [line({ received: 2, scrapped: 2 })])).toBe('partially_received');
    expect(statusFromLines('cancelled', [line()])).toBe('cancelled');
    expect(statusFromLines('closed', [line({ received: 2, scrapped: 2 })])).toBe('closed');
  });

  it('closes exactly when everything authorised arrived and left quality control', () => {
    fc.assert(fc.property(fc.array(lineState, { minLength: 1, maxLength: 6 }), (lines) => {
      const status = statusFromLines('partially_received', lines);
      const done = lines.every((l) => receivable(l) === 0 && disposable(l) === 0);
      expect(status === 'closed').toBe(done);
      expect(status === 'authorised').toBe(lines.every((l) => l.received === 0));
    }));
  });

  it('closes a partial return only when nothing is left in quality control', () => {
    expect(closeProblem([line({ received: 2, restocked: 1, scrapped: 1 })])).toBeNull();
    expect(closeProblem([line({ received: 2, restocked: 1 })])).toMatch(/still in quality control/);
  });
});

describe('quantities', () => {
  it('receivable and disposable never go below zero and add up to what is unaccounted for', () => {
    fc.assert(fc.property(lineState, (l) => {
      expect(receivable(l)).toBeGreaterThanOrEqual(0);
      expect(disposable(l)).toBeGreaterThanOrEqual(0);
      expect(receivable(l) + disposable(l) + l.restocked + l.scrapped).toBe(l.quantity);
    }));
  });

  it('an open return takes up its authorisation, a closed one what came back, a cancelled one nothing', () => {
    const l = line({ quantity: 5, received: 3, restocked: 3 });
    expect(STATUSES.map((s) => committedToReturn(s, l))).toEqual([5, 5, 5, 3, 0]);
  });

  it('what is returnable never exceeds what shipped, nor goes below zero', () => {
    fc.assert(fc.property(fc.nat(1_000_000), fc.nat(2_000_000), (shipped, committed) => {
      const left = returnable(shipped, committed);
      expect(left).toBeGreaterThanOrEqual(0);
      expect(left).toBeLessThanOrEqual(shipped);
      expect(left + Math.min(committed, shipped)).toBe(shipped);
    }));
  });

  it('lets only a till take a return without an order', () => {
    expect(unlinkedReturnProblem('pos')).toBeNull();
    expect(unlinkedReturnProblem('web')).toMatch(/name the order/);
    expect(unlinkedReturnProblem('marketplace')).toMatch(/name the order/);
  });
});

describe('where returned units are held', () => {
  const flows: EntryFlow[] = [
    { action: 'receipt', quantity: 3, fromLocationId: 'customer', toLocationId: 'QC1' },
    { action: 'receipt', quantity: 2, fromLocationId: 'customer', toLocationId: 'QC2' },
    { action: 'restock', quantity: 1, fromLocationId: 'QC1', toLocationId: 'BIN' },
    { action: 'scrap', quantity: 2, fromLocationId: 'QC1', toLocationId: 'scrap' },
  ];

  it('follows receipts in and dispositions out', () => {
    expect(holdingsOf(flows)).toEqual([{ locationId: 'QC2', quantity: 2 }]);
    expect(holdingsOf(flows.slice(0, 3))).toEqual([{ locationId: 'QC1', quantity: 2 }, { locationId: 'QC2', quantity: 2 }]);
  });

  it('takes first from what was received first, or only from the named location', () => {
    const held = holdingsOf(flows.slice(0, 2));
    expect(takeFromHoldings(held, 4)).toEqual([{ locationId: 'QC1', quantity: 3 }, { locationId: 'QC2', quantity: 1 }]);
    expect(takeFromHoldings(held, 2, 'QC2')).toEqual([{ locationId: 'QC2', quantity: 2 }]);
    expect(takeFromHoldings(held, 3, 'QC2')).toBeNull();
    expect(takeFromHoldings(held, 6)).toBeNull();
  });

  it('a split takes exactly the quantity, never more than a location holds', () => {
    const holding = fc.record({ locationId: fc.constantFrom('A', 'B', 'C', 'D'), quantity: fc.integer({ min: 1, max: 100 }) });
    fc.assert(fc.property(fc.uniqueArray(holding, { selector: (h) => h.locationId, maxLength: 4 }), fc.integer({ min: 1, max: 500 }), (held, quantity) => {
      const takes = takeFromHoldings(held, quantity);
      const total = held.reduce((s, h) => s + h.quantity, 0);
      if (quantity > total) {
        expect(takes).toBeNull();
        return;
      }
      expect(takes?.reduce((s, t) => s + t.quantity, 0)).toBe(quantity);
      for (const t of takes ?? []) expect(t.quantity).toBeLessThanOrEqual(held.find((h) => h.locationId === t.locationId)?.quantity ?? 0);
    }));
  });
});

describe('lines and numbers', () => {
  const lines = [{ itemId: 'A', lineNo: 2, left: 0 }, { itemId: 'A', lineNo: 3, left: 4 }, { itemId: 'B', lineNo: 1, left: 0 }];

  it('a scanned item goes on its first line with something left, else its first line', () => {
    expect(pickLineForItem(lines, 'A', (l) => l.left)?.lineNo).toBe(3);
    expect(pickLineForItem(lines, 'B', (l) => l.left)?.lineNo).toBe(1);
    expect(pickLineForItem(lines, 'C', (l) => l.left)).toBeNull();
  });

  it('numbers returns RMA-000001 onwards', () => {
    expect(rmaNumber(1)).toBe('RMA-000001');
    expect(rmaNumber(1_234_567)).toBe('RMA-1234567');
  });
});
