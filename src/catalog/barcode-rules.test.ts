import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { barcodeProblem, gtinCheckDigit, isValidGtin, normalizeBarcode } from './barcode-rules.js';

describe('GTIN check digits', () => {
  it('accepts real EAN-13, UPC-A and GTIN-8 codes', () => {
    expect(isValidGtin('4006381333931')).toBe(true);
    expect(isValidGtin('036000291452')).toBe(true);
    expect(isValidGtin('96385074')).toBe(true);
    expect(isValidGtin('10036000291459')).toBe(true);
  });

  it('rejects a wrong check digit, wrong lengths and non-digits', () => {
    expect(isValidGtin('4006381333932')).toBe(false);
    expect(isValidGtin('40063813339')).toBe(false);
    expect(isValidGtin('40063813339A1')).toBe(false);
  });

  it('makes every digit string valid once its computed check digit is appended', () => {
    fc.assert(
      fc.property(fc.constantFrom(7, 11, 12, 13), fc.integer({ min: 0, max: 2 ** 31 }), (length, seed) => {
        const body = String(seed).padStart(length, '7').slice(0, length);
        expect(isValidGtin(`${body}${gtinCheckDigit(body)}`)).toBe(true);
      }),
    );
  });

  it('stores a UPC and its EAN form as the same GTIN-14', () => {
    expect(normalizeBarcode('036000291452', 'gtin')).toBe(normalizeBarcode('0036000291452', 'gtin'));
    expect(normalizeBarcode('ABC 1', 'custom')).toBe('ABC 1');
  });

  it('explains what is wrong with a code', () => {
    expect(barcodeProblem('123', 'gtin')).toMatch(/not a valid GTIN/);
    expect(barcodeProblem('has space', 'custom')).toMatch(/without spaces/);
    expect(barcodeProblem('INT-0001', 'custom')).toBeNull();
  });
});
