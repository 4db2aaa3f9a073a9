import { describe, expect, it } from 'vitest';
import { checkLines, emptyScan, scanReducer, type LineItem, type ScanState } from './scan-lines';

const bolt: LineItem = { id: '1', sku: 'BOLT', name: 'Bolt', unit: 'pcs' };
const nut: LineItem = { id: '2', sku: 'NUT', name: 'Nut', unit: 'pcs' };
const scan = (state: ScanState, item: LineItem) => scanReducer(state, { type: 'scanned', item });

describe('scan-first lines', () => {
  it('adds a line of one for a new item and one more for each repeat scan', () => {
    let state = emptyScan;
    for (let i = 0; i < 10; i++) state = scan(state, bolt);
    expect(state.lines).toEqual([{ item: bolt, quantity: '10' }]);
    expect(state.scans).toBe(10);
  });

  it('moves the scanned line to the top and counts every scan', () => {
    const state = scan(scan(scan(emptyScan, bolt), nut), bolt);
    expect(state.lines.map((l) => [l.item.sku, l.quantity])).toEqual([['BOLT', '2'], ['NUT', '1']]);
    expect([state.scans, state.lastSku]).toEqual([3, 'BOLT']);
  });

  it('adds to a typed quantity exactly and leaves a quantity that is not a number for the person to fix', () => {
    let state = scanReducer(scan(emptyScan, bolt), { type: 'quantity', sku: 'BOLT', quantity: '2.5' });
    expect(scan(state, bolt).lines[0]?.quantity).toBe('3.5');
    state = scanReducer(state, { type: 'quantity', sku: 'BOLT', quantity: 'x' });
    expect(scan(state, bolt).lines[0]?.quantity).toBe('x');
  });

  it('removes lines and clears the count', () => {
    const state = scanReducer(scan(scan(emptyScan, bolt), nut), { type: 'remove', sku: 'NUT' });
    expect(state.lines.map((l) => l.item.sku)).toEqual(['BOLT']);
    expect(scanReducer(state, { type: 'clear' })).toEqual(emptyScan);
  });

  it('checks quantities before sending and points at the bad line', () => {
    const state = scanReducer(scan(scan(emptyScan, bolt), nut), { type: 'quantity', sku: 'BOLT', quantity: 'ten' });
    expect(checkLines(state.lines)).toMatchObject({ ok: false, errors: { 1: expect.stringContaining("'ten' is not a number") } });
    expect(checkLines([{ item: nut, quantity: ' 3 ' }])).toEqual({ ok: true, lines: [{ item: 'NUT', quantity: '3' }] });
    expect(checkLines([{ item: nut, quantity: '-3' }], { allowNegative: true })).toEqual({ ok: true, lines: [{ item: 'NUT', quantity: '-3' }] });
  });
});
