import { describe, expect, it } from 'vitest';
import { checkLines, emptyScan, scanReducer, serialProblem, type LineItem, type ScanState } from './scan-lines';

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
    expect(checkLines(state.lines)).toMatchObject({ ok: false, errors: { 1: { quantity: expect.stringContaining("'ten' is not a number") } } });
    expect(checkLines([{ item: nut, quantity: ' 3 ' }])).toEqual({ ok: true, lines: [{ item: 'NUT', quantity: '3' }] });
    expect(checkLines([{ item: nut, quantity: '-3' }], { allowNegative: true })).toEqual({ ok: true, lines: [{ item: 'NUT', quantity: '-3' }] });
  });

  it('counts a serial line by its serials and refuses a serial twice', () => {
    const drill: LineItem = { id: '3', sku: 'DRILL', name: 'Drill', unit: 'pcs', tracking: 'serial' };
    let state = scan(scan(emptyScan, drill), drill);
    expect(state.lines[0]).toMatchObject({ quantity: '0', serials: [] });
    state = scanReducer(scanReducer(state, { type: 'serial', sku: 'DRILL', serial: 'SN-1' }), { type: 'serial', sku: 'DRILL', serial: 'SN-2' });
    expect(state.lines[0]).toMatchObject({ quantity: '2', serials: ['SN-1', 'SN-2'] });
    const line = state.lines[0];
    expect(line && serialProblem(line, 'SN-2')).toBe('SN-2 is already on this line');
    state = scanReducer(state, { type: 'unserial', sku: 'DRILL', serial: 'SN-1' });
    expect(checkLines(state.lines)).toEqual({ ok: true, lines: [{ item: 'DRILL', quantity: '1', serials: ['SN-2'] }] });
    expect(checkLines([{ item: drill, quantity: '0', serials: [] }])).toMatchObject({ ok: false, errors: { 0: { serials: expect.stringContaining('serial number') } } });
  });

  it('asks for a lot on incoming stock and sends none going out, for first expiring', () => {
    const milk: LineItem = { id: '4', sku: 'MILK', name: 'Milk', unit: 'l', tracking: 'lot' };
    expect(checkLines([{ item: milk, quantity: '4' }], { incoming: true })).toMatchObject({ ok: false, errors: { 0: { lot: 'Enter the lot number of MILK' } } });
    const lot = { number: ' L1 ', expiresOn: '2026-12-10', manufacturedOn: '' };
    expect(checkLines([{ item: milk, quantity: '4', lot }], { incoming: true })).toEqual({ ok: true, lines: [{ item: 'MILK', quantity: '4', lot: { number: 'L1', expiresOn: '2026-12-10' } }] });
    expect(checkLines([{ item: milk, quantity: '4' }])).toEqual({ ok: true, lines: [{ item: 'MILK', quantity: '4' }] });
    expect(checkLines([{ item: milk, quantity: '4', lot }])).toEqual({ ok: true, lines: [{ item: 'MILK', quantity: '4', lot: 'L1' }] });
  });
});
