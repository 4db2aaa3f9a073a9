import { describe, expect, it } from 'vitest';
import type { PurchaseOrderLine } from '../api/types';
import { subtractQuantities } from '../lib/quantity';
import { allowedMore, pickLine, planLine } from './receive-plan';

function line(lineNo: number, sku: string, quantity: string, received: string, extra: Partial<PurchaseOrderLine> = {}): PurchaseOrderLine {
  return {
    id: `L${lineNo}`, lineNo, item: { id: sku, sku, name: sku, unit: 'pcs' }, supplierSku: null, quantity, unitPrice: '1', lineTotal: quantity, expectedDate: null,
    received, returned: '0', open: extra.closed ? '0' : subtractQuantities(quantity, received).replace(/^-.*/, '0'), closed: false, unplanned: false, ...extra,
  };
}

describe('receiving against an order, as the clerk scans', () => {
  it('puts a scan on the first line still expecting it, then on the last open one', () => {
    const lines = [line(1, 'A', '10', '10'), line(2, 'A', '5', '0'), line(3, 'B', '4', '4')];
    expect(pickLine(lines, 'A')).toMatchObject({ lineNo: 2 });
    expect(pickLine(lines, 'B')).toMatchObject({ lineNo: 3 });
    expect(pickLine(lines, 'C')).toBeNull();
    expect(pickLine([line(1, 'A', '10', '2', { closed: true })], 'A')).toBe('closed');
  });

  it('says partial, complete, over within the tolerance and over the limit, exactly', () => {
    const lines = [line(1, 'A', '60', '20')];
    expect(planLine(lines, 'A', '12', '5')).toMatchObject({ flag: 'partial', remaining: '40', now: '12' });
    expect(planLine(lines, 'A', '40', '5')).toMatchObject({ flag: 'complete' });
    expect(planLine(lines, 'A', '43', '5')).toMatchObject({ flag: 'over', allowed: '43' });
    expect(planLine(lines, 'A', '44', '5')).toMatchObject({ flag: 'over-limit' });
    expect(planLine(lines, 'A', '41', '0')).toMatchObject({ flag: 'over-limit', allowed: '40' });
  });

  it('allows ordered × (1 + tolerance) without rounding through floats', () => {
    expect(allowedMore({ quantity: '0.3', received: '0.1' }, '10')).toBe('0.23');
    expect(allowedMore({ quantity: '7', received: '0' }, '2.5')).toBe('7.175');
  });

  it('flags items not on the order, lines closed short and quantities that are not numbers', () => {
    expect(planLine([line(1, 'A', '5', '0')], 'B', '2', '0')).toMatchObject({ flag: 'unplanned', line: null, ordered: '0' });
    expect(planLine([line(1, 'A', '5', '1', { closed: true })], 'A', '1', '0')).toMatchObject({ flag: 'closed' });
    expect(planLine([line(1, 'A', '5', '0')], 'A', 'x', '0')).toMatchObject({ flag: 'invalid' });
  });
});
