import { describe, expect, it } from 'vitest';
import type { PickList, PickListLine } from '../api/types';
import { subtractQuantities } from '../lib/quantity';
import { binForItem, binOf, nextStop, pickProgress } from './pick-figures';

function stop(lineNo: number, bin: string, sku: string, quantity: string, picked: string): PickListLine {
  const remaining = subtractQuantities(quantity, picked);
  return { lineNo, order: { id: 'o', number: 'SO-1' }, orderLineId: `l${lineNo}`, item: { id: sku, sku, name: sku }, location: { id: bin, code: bin }, quantity, picked, remaining };
}

const list = (lines: PickListLine[]): PickList => ({ id: 'p', number: 'PL-000001', status: 'open', orders: [{ id: 'o', number: 'SO-1' }], lines, createdAt: '', completedAt: null });

describe('pick figures', () => {
  const l = list([stop(1, 'A-01', 'MUG', '3', '3'), stop(2, 'B-01', 'JUG', '2', '0'), stop(3, 'C-01', 'MUG', '1', '0')]);

  it('shows progress in units', () => {
    expect(pickProgress(l)).toEqual({ picked: '3', total: '6', percent: 50 });
  });

  it('walks to the first open stop, or stays at the bin the picker stands at', () => {
    expect(nextStop(l, null)?.location.code).toBe('B-01');
    expect(nextStop(l, 'C-01')?.location.code).toBe('C-01');
    expect(nextStop(l, 'A-01')?.location.code).toBe('B-01');
  });

  it('recognises a scanned bin label in any case', () => {
    expect(binOf(l, 'b-01')).toBe('B-01');
    expect(binOf(l, 'MUG')).toBeUndefined();
  });

  it('takes an item from the current bin, else from its first open stop', () => {
    expect(binForItem(l, 'MUG', null)).toBe('C-01');
    expect(binForItem(l, 'MUG', 'A-01')).toBe('A-01');
    expect(binForItem(l, 'TEA', null)).toBeUndefined();
  });
});
