import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PurchaseOrderStatus } from '../db/schema.js';
import {
  actionProblem, discrepancyOf, formatValue, lineValue, maxReceivable, openQuantity, pickLineForItem, pickLineForReturn, poNumber, statusFromLines,
  type LineState, type PoAction, type ScanCandidate,
} from './po-rules.js';

const line = (over: Partial<LineState> = {}): LineState => ({ quantity: 10, received: 0, returned: 0, unplanned: false, closed: false, ...over });
const candidate = (lineNo: number, itemId: string, over: Partial<ScanCandidate> = {}): ScanCandidate => ({ ...line(), lineNo, itemId, pending: 0, ...over });

describe('the purchase order state machine', () => {
  const STATUSES: PurchaseOrderStatus[] = ['draft', 'ordered', 'partially_received', 'received', 'closed', 'cancelled'];
  const allowedIn = (action: PoAction) => STATUSES.filter((s) => actionProblem(s, action) === null);

  it('allows each action exactly in its statuses', () => {
    expect(allowedIn('edit')).toEqual(['draft']);
    expect(allowedIn('order')).toEqual(['draft']);
    expect(allowedIn('receive')).toEqual(['ordered', 'partially_received', 'received']);
    expect(allowedIn('return')).toEqual(['partially_received', 'received', 'closed']);
    expect(allowedIn('cancel')).toEqual(['draft', 'ordered']);
    expect(allowedIn('close')).toEqual(['ordered', 'partially_received', 'received']);
    expect(allowedIn('close-line')).toEqual(['ordered', 'partially_received']);
  });

  it('explains a refusal with the status and what would allow it', () => {
    expect(actionProblem('partially_received', 'cancel')).toBe('a purchase order that is partially received cannot be cancelled (allowed when draft, ordered)');
    expect(actionProblem('cancelled', 'receive')).toMatch(/cancelled cannot be received against/);
  });

  it('derives the status from the lines', () => {
    expect(statusFromLines([line(), line()])).toBe('ordered');
    expect(statusFromLines([line({ received: 4 }), line()])).toBe('partially_received');
    expect(statusFromLines([line({ received: 10 }), line({ received: 3, closed: true })])).toBe('received');
    expect(statusFromLines([line({ received: 12 })])).toBe('received');
    expect(statusFromLines([line({ closed: true }), line({ closed: true })])).toBe('closed');
    // Something unplanned arrived but the ordered line still waits.
    expect(statusFromLines([line(), line({ quantity: 0, unplanned: true, received: 2 })])).toBe('partially_received');
  });
});

describe('incoming and discrepancies of a line', () => {
  it('expects what is ordered and not yet received, on open planned lines only', () => {
    expect(openQuantity(line({ received: 3 }))).toBe(7);
    expect(openQuantity(line({ received: 13 }))).toBe(0);
    expect(openQuantity(line({ received: 3, closed: true }))).toBe(0);
    expect(openQuantity(line({ quantity: 0, unplanned: true, received: 5 }))).toBe(0);
  });

  it('reports over at once, short only once closed, and unplanned receipts', () => {
    expect(discrepancyOf(line({ received: 10 }))).toBeNull();
    expect(discrepancyOf(line({ received: 12 }))).toEqual({ kind: 'over', difference: 2 });
    expect(discrepancyOf(line({ received: 6 }))).toBeNull();
    expect(discrepancyOf(line({ received: 6, closed: true }))).toEqual({ kind: 'short', difference: -4 });
    expect(discrepancyOf(line({ quantity: 0, unplanned: true, received: 5 }))).toEqual({ kind: 'unplanned', difference: 5 });
  });
});

describe('over-receipt tolerance', () => {
  it('adds the tolerance in hundredths of a percent, rounded down to the smallest unit', () => {
    expect(maxReceivable(50, 0)).toBe(50);
    expect(maxReceivable(50, 1000)).toBe(55);
    expect(maxReceivable(7, 1000)).toBe(7);
    expect(maxReceivable(10_000, 250)).toBe(10_250);
    expect(maxReceivable(3, 5000)).toBe(4);
  });

  it('stays exact for the largest quantities, where a double would round', () => {
    const big = Number.MAX_SAFE_INTEGER - 1;
    expect(maxReceivable(big, 1)).toBe(big + Math.floor(big / 10_000));
  });

  it('never allows less than ordered nor more than ordered × (1 + tolerance)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), fc.integer({ min: 0, max: 100_000 }), (ordered, bp) => {
        const max = maxReceivable(ordered, bp);
        expect(max).toBeGreaterThanOrEqual(ordered);
        expect(BigInt(max - ordered) * 10_000n).toBeLessThanOrEqual(BigInt(ordered) * BigInt(bp));
        expect(BigInt(max - ordered + 1) * 10_000n).toBeGreaterThan(BigInt(ordered) * BigInt(bp));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('which line a scan receives against', () => {
  it('fills the item’s lines in order, then over-receives on the last open one', () => {
    const lines = [candidate(1, 'A', { quantity: 5, received: 5 }), candidate(2, 'B'), candidate(3, 'A', { quantity: 4 }), candidate(4, 'A', { quantity: 4, closed: true })];
    expect(pickLineForItem(lines, 'A')).toBe(lines[2]);
    const full = lines.map((l) => (l.lineNo === 3 ? { ...l, pending: 4 } : l));
    expect(pickLineForItem(full, 'A')).toBe(full[2]);
    expect(pickLineForItem(lines, 'B')).toBe(lines[1]);
  });

  it('uses the unplanned line of an item not ordered, and tells closed lines from absent ones', () => {
    const unplanned = candidate(3, 'C', { quantity: 0, unplanned: true, received: 1 });
    const lines = [candidate(1, 'A', { closed: true }), candidate(2, 'B'), unplanned];
    expect(pickLineForItem(lines, 'C')).toBe(unplanned);
    expect(pickLineForItem(lines, 'A')).toBe('closed');
    expect(pickLineForItem(lines, 'Z')).toBeNull();
  });

  it('returns against the first line with something left to give back', () => {
    const lines = [candidate(1, 'A', { received: 2, returned: 2 }), candidate(2, 'A', { received: 3, pending: 1 }), candidate(3, 'A')];
    expect(pickLineForReturn(lines, 'A')).toBe(lines[1]);
    expect(pickLineForReturn([candidate(1, 'A', { received: 3, pending: 3 })], 'A')).toBeNull();
  });
});

describe('money', () => {
  it('values lines exactly across item precisions', () => {
    expect(formatValue(lineValue(50, 0, 1200))).toBe('6.00');
    expect(formatValue(lineValue(1250, 2, 12_000))).toBe('15.00');
    expect(formatValue(lineValue(1, 3, 3333))).toBe('0.0003333');
    expect(formatValue(lineValue(3, 0, null))).toBe('0.00');
    expect(formatValue(lineValue(1, 0, 1) + lineValue(2, 0, 2))).toBe('0.0005');
  });

  it('sums any number of lines without losing a unit', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 10 ** 9 })), { maxLength: 50 }), (lines) => {
        const total = lines.reduce((sum, [q, d, p]) => sum + lineValue(q, d, p), 0n);
        const [whole, fraction = ''] = formatValue(total).split('.');
        expect(BigInt(`${whole}${fraction.padEnd(10, '0')}`)).toBe(total);
      }),
    );
  });

  it('numbers orders readably and in text order', () => {
    expect(poNumber(123)).toBe('PO-000123');
    expect(poNumber(1_234_567)).toBe('PO-1234567');
    expect(poNumber(9) < poNumber(10)).toBe(true);
  });
});
