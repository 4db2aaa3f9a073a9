import { describe, expect, it } from 'vitest';
import { formRows, requestLine, rowFigures, rowLabel } from './return-form-rows';
import type { ReturnableLine } from './return-types';

function shipped(id: string, tracking: ReturnableLine['item']['tracking'], figures: Partial<ReturnableLine> = {}): ReturnableLine {
  return { line: { id, lineNo: 1 }, item: { id, sku: id.toUpperCase(), name: '', unit: 'pcs', tracking }, shipped: '3', returnable: '3', lots: [], serials: [], ...figures };
}

const lot = (number: string, shippedQty: string, returnable: string) => ({ id: `id-${number}`, number, expiresOn: null, shipped: shippedQty, returnable });

describe('the rows of the new-return form', () => {
  it('has a row per lot the order shipped of a lot-tracked line, with what is left of each', () => {
    const rows = formRows([shipped('milk', 'lot', { lots: [lot('SOON', '2', '2'), lot('LATE', '1', '0')] }), shipped('bolt', 'none')]);
    expect(rows.map((r) => [r.key, rowLabel(r), rowFigures(r)])).toEqual([
      ['milk:id-SOON', 'MILK lot SOON', { shipped: '2', returnable: '2' }],
      ['milk:id-LATE', 'MILK lot LATE', { shipped: '1', returnable: '0' }],
      ['bolt', 'BOLT', { shipped: '3', returnable: '3' }],
    ]);
  });

  it('offers a serial-tracked line the serials that may come back, and no more units than them', () => {
    const [drill] = formRows([shipped('drill', 'serial', { returnable: '2', serials: ['D1'] })]);
    expect(drill?.serials).toEqual(['D1']);
    expect(drill && rowFigures(drill)).toEqual({ shipped: '3', returnable: '1' });
    const [named] = formRows([shipped('drill', 'serial', { returnable: '1', serials: ['D1', 'D2'] })]);
    expect(named && rowFigures(named).returnable).toBe('1');
  });

  it('keeps a lot-tracked line whose lots are unknown as one row', () => {
    expect(formRows([shipped('milk', 'lot')]).map((r) => [r.key, r.lot, r.serials])).toEqual([['milk', null, null]]);
  });

  it('sends the lot of a lot row and the chosen serials of a serial row, counted', () => {
    const [soon, drill, bolt] = formRows([shipped('milk', 'lot', { lots: [lot('SOON', '2', '2')] }), shipped('drill', 'serial', { serials: ['D1', 'D2'] }), shipped('bolt', 'none')]);
    const input = { quantity: ' 1,5 ', reason: 'defective', serials: ['D2', 'D1'] };
    expect(soon && requestLine(soon, input)).toEqual({ line: 'milk', quantity: '1.5', reason: 'defective', lot: 'SOON' });
    expect(drill && requestLine(drill, input)).toEqual({ line: 'drill', quantity: '2', reason: 'defective', serials: ['D2', 'D1'] });
    expect(bolt && requestLine(bolt, input)).toEqual({ line: 'bolt', quantity: '1.5', reason: 'defective' });
  });
});
