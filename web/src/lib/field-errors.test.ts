import { describe, expect, it } from 'vitest';
import { byField, pointerToKey } from './field-errors';

describe('API field errors', () => {
  it('turns JSON Pointers into form keys', () => {
    expect(pointerToKey('/lines/2/quantity')).toBe('lines.2.quantity');
    expect(pointerToKey('/a~1b')).toBe('a/b');
  });

  it('puts each message on its field and keeps the rest for the top of the form', () => {
    const result = byField(
      [{ path: '/name', message: 'too short' }, { path: '/lines/0/quantity', message: 'at most 0 decimal place(s) allowed' }, { path: '/', message: 'not valid JSON' }, { path: '/sku', message: 'taken' }],
      ['name', 'lines.0.quantity'],
    );
    expect(result.fields).toEqual({ name: 'too short', 'lines.0.quantity': 'at most 0 decimal place(s) allowed' });
    expect(result.other).toEqual(['not valid JSON', '/sku: taken']);
  });
});
