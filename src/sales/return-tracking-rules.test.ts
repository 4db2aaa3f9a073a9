import { describe, expect, it } from 'vitest';
import { defaultSerials, onlyReturnableLot, serialsHeld, serialsReceived, shippedPerLot, shippedSerials } from './return-tracking-rules.js';

const ship = (lotId: string | null, quantity: number, serials: string[] = []) => ({ lotId, quantity, serials, toCustomer: true });
const reverse = (lotId: string | null, quantity: number, serials: string[] = []) => ({ lotId, quantity, serials, toCustomer: false });

describe('return tracking rules', () => {
  it('nets what an order shipped per lot against reversed shipments, leaving out lots with nothing left', () => {
    expect([...shippedPerLot([ship('A', 3), ship('B', 2), reverse('B', 2), ship('A', 1), ship(null, 4)])]).toEqual([['A', 4]]);
  });

  it('lists shipped serials in shipping order, without those a reversal took back', () => {
    expect(shippedSerials([ship(null, 2, ['S2', 'S1']), reverse(null, 1, ['S2']), ship(null, 1, ['S3'])])).toEqual(['S1', 'S3']);
  });

  it('defaults the lot only when exactly one has something left to return', () => {
    expect(onlyReturnableLot(new Map([['A', 0], ['B', 2]]))).toBe('B');
    expect(onlyReturnableLot(new Map([['A', 1], ['B', 2]]))).toBeNull();
    expect(onlyReturnableLot(new Map())).toBeNull();
  });

  it('follows a line’s serials into quality control and out again', () => {
    const entries = [
      { action: 'receipt' as const, fromLocationId: 'customer', toLocationId: 'QC1', serials: ['S1', 'S2'] },
      { action: 'receipt' as const, fromLocationId: 'customer', toLocationId: 'QC2', serials: ['S3'] },
      { action: 'restock' as const, fromLocationId: 'QC1', toLocationId: 'BIN', serials: ['S1'] },
    ];
    expect([...serialsHeld(entries)]).toEqual([['S2', 'QC1'], ['S3', 'QC2']]);
    expect(serialsReceived(entries)).toEqual(['S1', 'S2', 'S3']);
  });

  it('moves every eligible serial by default only when that is the quantity', () => {
    expect(defaultSerials(['S1', 'S2'], 2)).toEqual(['S1', 'S2']);
    expect(defaultSerials(['S1', 'S2'], 1)).toBeNull();
  });
});
