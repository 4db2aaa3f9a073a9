import { describe, expect, it } from 'vitest';
import { returnableByLine } from './returnable';
import type { ReturnStatus, ReturnSummary } from './return-types';

function ret(status: ReturnStatus, lines: Array<[orderLine: string | null, authorised: string, received: string]>): ReturnSummary {
  return {
    id: status, number: 'RMA-1', status, order: null, channel: null, customerName: null, notes: null, createdBy: { id: 'x', name: 'x' }, createdAt: '', updatedAt: '', closedAt: null,
    lines: lines.map(([orderLine, authorised, received], i) => ({
      id: `l${i}`, lineNo: i + 1, orderLine: orderLine === null ? null : { id: orderLine, lineNo: 1 }, item: { id: 'i', sku: 'S', name: '', unit: '' },
      authorised, received, restocked: '0', scrapped: '0', inQc: received, reasonCode: 'not-wanted', note: null,
    })),
  };
}

describe('what is still returnable per order line', () => {
  const lines = [{ id: 'A', shipped: '4' }, { id: 'B', shipped: '2.5' }];

  it('is what shipped when nothing came back yet', () => {
    expect(returnableByLine(lines, [])).toEqual(new Map([['A', '4'], ['B', '2.5']]));
  });

  it('takes an open return whole, a closed one at what arrived, a cancelled one not at all', () => {
    const returns = [ret('authorised', [['A', '1', '0'], ['B', '0.75', '0']]), ret('closed', [['A', '2', '1']]), ret('cancelled', [['A', '3', '0']])];
    expect(returnableByLine(lines, returns)).toEqual(new Map([['A', '2'], ['B', '1.75']]));
  });

  it('never goes below zero, and ignores lines without an order line', () => {
    expect(returnableByLine(lines, [ret('received', [['B', '3', '3'], [null, '9', '0']])]).get('B')).toBe('0');
  });
});
