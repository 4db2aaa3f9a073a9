import { describe, expect, it } from 'vitest';
import { addQuantities, checkQuantity, compareQuantities, multiplyQuantities, subtractQuantities, sumQuantities } from './quantity';

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

  it('subtracts, multiplies and compares exactly', () => {
    expect(subtractQuantities('10', '2.5')).toBe('7.5');
    expect(subtractQuantities('0.3', '0.1')).toBe('0.2');
    expect(subtractQuantities('1', '3')).toBe('-2');
    expect(multiplyQuantities('0.1', '3')).toBe('0.3');
    expect(multiplyQuantities('60', '1.05')).toBe('63');
    expect(multiplyQuantities('9007199254740993', '10')).toBe('90071992547409930');
    expect(compareQuantities('2.50', '2.5')).toBe(0);
    expect(compareQuantities('0.1', '0.09')).toBe(1);
    expect(compareQuantities('-1', '0')).toBe(-1);
    expect(sumQuantities(['0.1', '0.2', '3'])).toBe('3.3');
    expect(sumQuantities([])).toBe('0');
  });
});
