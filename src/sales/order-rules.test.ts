import { describe, expect, it } from 'vitest';
import { actionProblem, soNumber, statusFromLines } from './order-rules.js';

describe('sales order states', () => {
  it('allows each action only where the state machine has it', () => {
    expect(actionProblem('reserved', 'ship')).toBeNull();
    expect(actionProblem('picking', 'cancel')).toBeNull();
    expect(actionProblem('partially_shipped', 'cancel')).toBeNull();
    expect(actionProblem('shipped', 'deliver')).toBeNull();
    expect(actionProblem('shipped', 'cancel')).toBe('cannot cancel an order that is shipped (it has shipped in full)');
    expect(actionProblem('reserved', 'deliver')).toMatch(/cannot deliver/);
    expect(actionProblem('expired', 'ship')).toMatch(/checkout hold expired/);
    expect(actionProblem('picking', 'expire')).toMatch(/cannot expire/);
    expect(actionProblem('cancelled', 'pick')).toMatch(/cancelled/);
  });

  it('derives the status from shipped and backordered quantities', () => {
    expect(statusFromLines('reserved', [{ quantity: 2, backordered: 0, shipped: 2 }])).toBe('shipped');
    expect(statusFromLines('picking', [{ quantity: 2, backordered: 0, shipped: 1 }])).toBe('partially_shipped');
    expect(statusFromLines('picking', [{ quantity: 2, backordered: 0, shipped: 0 }])).toBe('picking');
    expect(statusFromLines('backordered', [{ quantity: 2, backordered: 0, shipped: 0 }])).toBe('reserved');
    expect(statusFromLines('reserved', [{ quantity: 2, backordered: 1, shipped: 0 }])).toBe('backordered');
  });

  it('numbers orders SO-000001', () => {
    expect(soNumber(1)).toBe('SO-000001');
    expect(soNumber(1234567)).toBe('SO-1234567');
  });
});
