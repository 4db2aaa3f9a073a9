import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classify, dueByAbc, isDue } from './abc-rules.js';

const now = new Date('2026-06-30T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();

describe('ABC rules', () => {
  it('ranks by value: top 20% A, next 30% B, the rest C', () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ itemId: `i${i}`, value: BigInt(i * 100) }));
    const classes = classify(items);
    expect(['i9', 'i8'].map((id) => classes.get(id))).toEqual(['A', 'A']);
    expect(['i7', 'i6', 'i5'].map((id) => classes.get(id))).toEqual(['B', 'B', 'B']);
    expect(['i4', 'i0'].map((id) => classes.get(id))).toEqual(['C', 'C']);
  });

  it('a single item is class A', () => {
    expect(classify([{ itemId: 'x', value: 0n }]).get('x')).toBe('A');
  });

  it('class A holds at least as much value as any B, and B as any C', () => {
    fc.assert(fc.property(fc.array(fc.bigInt({ min: 0n, max: 10n ** 20n }), { minLength: 1, maxLength: 60 }), (values) => {
      const items = values.map((value, i) => ({ itemId: `i${String(i).padStart(3, '0')}`, value }));
      const classes = classify(items);
      expect(classes.size).toBe(items.length);
      const min = (c: string) => items.filter((i) => classes.get(i.itemId) === c).reduce((m, i) => (m === null || i.value < m ? i.value : m), null as bigint | null);
      const max = (c: string) => items.filter((i) => classes.get(i.itemId) === c).reduce((m, i) => (m === null || i.value > m ? i.value : m), null as bigint | null);
      const [minA, maxB, minB, maxC] = [min('A'), max('B'), min('B'), max('C')];
      if (minA !== null && maxB !== null) expect(minA >= maxB).toBe(true);
      if (minB !== null && maxC !== null) expect(minB >= maxC).toBe(true);
      expect(items.filter((i) => classes.get(i.itemId) === 'A').length).toBe(Math.ceil(items.length * 0.2));
    }));
  });

  it('an item is due when never counted or counted at least its interval ago', () => {
    expect(isDue(null, 30, now)).toBe(true);
    expect(isDue(daysAgo(29), 30, now)).toBe(false);
    expect(isDue(daysAgo(30), 30, now)).toBe(true);
  });

  it('selects due items by their class interval', () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ itemId: `i${i}`, value: BigInt(i) }));
    // i9 is A counted 40 days ago (due), i7 is B counted 40 days ago (not due), i0 is C counted 170 days ago (not due).
    const last = new Map([['i9', daysAgo(40)], ['i8', daysAgo(5)], ['i7', daysAgo(40)], ['i0', daysAgo(170)], ['i1', daysAgo(181)]]);
    const due = dueByAbc(items, last, now);
    expect(due).toContain('i9');
    expect(due).not.toContain('i8');
    expect(due).not.toContain('i7');
    expect(due).not.toContain('i0');
    expect(due).toContain('i1');
    expect(due).toContain('i5');
  });
});
