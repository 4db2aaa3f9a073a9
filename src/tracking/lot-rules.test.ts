import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/errors.js';
import { checkSerialNumbers, datesConflict, lotSpec, parseDate } from './lot-rules.js';

describe('lot rules', () => {
  it('accepts real calendar dates only', () => {
    expect(parseDate('2026-02-28', '/d')).toBe('2026-02-28');
    expect(() => parseDate('2026-02-30', '/d')).toThrow(DomainError);
    expect(() => parseDate('2026-2-3', '/d')).toThrow(DomainError);
  });

  it('reads a lot by number or with dates, refusing an expiry before manufacture', () => {
    expect(lotSpec('L1', '/lot')).toEqual({ ref: 'L1' });
    expect(lotSpec({ number: 'L1', expiresOn: '2027-01-01' }, '/lot')).toEqual({ ref: 'L1', manufacturedOn: undefined, expiresOn: '2027-01-01' });
    expect(() => lotSpec({ number: 'L1', manufacturedOn: '2027-01-02', expiresOn: '2027-01-01' }, '/lot')).toThrow(DomainError);
  });

  it('flags dates that differ from the existing lot', () => {
    const lot = { manufactured_on: null, expires_on: '2027-01-01' };
    expect(datesConflict({ ref: 'L1' }, lot)).toBeNull();
    expect(datesConflict({ ref: 'L1', expiresOn: '2027-01-01' }, lot)).toBeNull();
    expect(datesConflict({ ref: 'L1', expiresOn: '2027-01-02' }, lot)).toBe('expiresOn');
  });

  it('refuses empty and repeated serial numbers at their index', () => {
    expect(checkSerialNumbers([' A ', 'B'], '/s')).toEqual(['A', 'B']);
    expect(() => checkSerialNumbers(['A', 'A'], '/s')).toThrow(expect.objectContaining({ fieldErrors: [expect.objectContaining({ path: '/s/1' })] }));
  });
});
