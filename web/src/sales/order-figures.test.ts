import { describe, expect, it } from 'vitest';
import type { SalesOrder, SalesOrderLine } from '../api/types';
import { heldNotPicked, pickedLines, pickedNotShipped, unitsOf } from './order-figures';

function line(id: string, f: Partial<Pick<SalesOrderLine, 'quantity' | 'reserved' | 'backordered' | 'picked' | 'shipped'>>): SalesOrderLine {
  return {
    id, lineNo: 1, item: { id: `i-${id}`, sku: `SKU-${id}`, name: 'x', unit: 'pcs', tracking: 'none' }, holds: [],
    quantity: '0', reserved: '0', backordered: '0', picked: '0', shipped: '0', ...f,
  };
}

function order(lines: SalesOrderLine[]): SalesOrder {
  return {
    id: 'o', number: 'SO-000001', channel: { id: 'c', code: 'WEB' }, externalId: null, status: 'picking', customerName: null, address: null,
    routing: null, expiresAt: null, notes: null, lines, createdBy: { id: 'u', name: 'u' }, createdAt: '', updatedAt: '', closedAt: null,
  };
}

describe('order figures', () => {
  it('adds units exactly', () => {
    expect(unitsOf(order([line('a', { quantity: '3' }), line('b', { quantity: '2.25' })]))).toBe('5.25');
  });

  it('counts what is picked and not shipped, never below zero when shipped without picking', () => {
    expect(pickedNotShipped(line('a', { picked: '3', shipped: '2' }))).toBe('1');
    expect(pickedNotShipped(line('a', { picked: '0', shipped: '2' }))).toBe('0');
  });

  it('ships picked units only, capped at what the line still holds', () => {
    const o = order([
      line('a', { quantity: '3', reserved: '1', picked: '3', shipped: '2' }),
      line('b', { quantity: '2', reserved: '2', picked: '0' }),
      line('c', { quantity: '4', reserved: '1', picked: '3', shipped: '0' }),
    ]);
    expect(pickedLines(o)).toEqual([{ line: 'a', quantity: '1' }, { line: 'c', quantity: '1' }]);
  });

  it('offers a new pick list only while something held is not picked yet', () => {
    expect(heldNotPicked(order([line('a', { reserved: '2', picked: '2' })]))).toBe(false);
    expect(heldNotPicked(order([line('a', { reserved: '2', picked: '1' })]))).toBe(true);
  });
});
