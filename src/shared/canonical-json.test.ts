import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { decodeCursor, encodeCursor, toPage } from './page.js';

describe('canonical JSON', () => {
  it('ignores key order at every depth but keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe(canonicalJson({ a: { c: null, d: [2, 1] }, b: 1 }));
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });
});

describe('cursor pages', () => {
  it('round-trips cursors and refuses forged ones', () => {
    expect(decodeCursor(encodeCursor(42), 'number')).toBe(42);
    expect(decodeCursor(encodeCursor('SKU-9'), 'string')).toBe('SKU-9');
    expect(() => decodeCursor('not-a-cursor', 'number')).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor('x'), 'number')).toThrow(/cursor/);
  });

  it('uses the extra row only to know that another page exists', () => {
    const page = toPage([1, 2, 3], 2, (n) => n, (n) => n * 10);
    expect(page.data).toEqual([10, 20]);
    expect(decodeCursor(page.nextCursor ?? '', 'number')).toBe(2);
    expect(toPage([1, 2], 2, (n) => n, (n) => n).nextCursor).toBeNull();
  });
});
