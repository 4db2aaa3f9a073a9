import { describe, expect, it } from 'vitest';
import { addQuantities, checkQuantity } from './quantity';

describe('quantity input', () => {
  it('accepts decimal text and tidies it', () => {
    expect(checkQuantity(' 10 ')).toEqual({ ok: true, text: '10' });
    expect(checkQuantity('2,50')).toEqual({ ok: true, text: '2.5' });
    expect(checkQuantity('007.000')).toEqual({ ok: true, text: '7' });
    expect(checkQuantity('0.0')).toEqual({ ok: true, text: '0' });
  });

  it('refuses what is not a number, with a message a person understands', () => {
    expect(checkQuantity('')).toEqual({ ok: false, message: 'Enter a quantity' });
    expect(checkQuantity('abc')).toMatchObject({ ok: false, message: expect.stringContaining("'abc' is not a number") });
    expect(checkQuantity('1e3').ok).toBe(false);
    expect(checkQuantity('1.2.3').ok).toBe(false);
    expect(checkQuantity('.5').ok).toBe(false);
  });

  it('takes a minus sign only where a signed change is meant', () => {
    expect(checkQuantity('-2').ok).toBe(false);
    expect(checkQuantity('-2.50', { allowNegative: true })).toEqual({ ok: true, text: '-2.5' });
    expect(checkQuantity('-0', { allowNegative: true })).toEqual({ ok: true, text: '0' });
  });

  it('adds exactly, without binary floating point', () => {
    expect(addQuantities('0.1', '0.2')).toBe('0.3');
    expect(addQuantities('9007199254740993', '1')).toBe('9007199254740994');
    expect(addQuantities('1.25', '-2')).toBe('-0.75');
    expect(addQuantities('2.5', '1')).toBe('3.5');
  });
});
