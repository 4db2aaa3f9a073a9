import { describe, expect, it } from 'vitest';
import { serialsInQc, splitReceipt } from './return-split';
import type { Return, ReturnEntry, ReturnLine } from './return-types';

type LineSpec = { id: string; sku?: string; authorised: string; received?: string; lot?: string; serials?: string[] };

function line({ id, sku = 'MILK', authorised, received = '0', lot, serials = [] }: LineSpec): ReturnLine {
  return {
    id, lineNo: 1, orderLine: null, item: { id: sku, sku, name: '', unit: 'pcs', tracking: lot ? 'lot' : serials.length ? 'serial' : 'none' },
    authorised, received, restocked: '0', scrapped: '0', inQc: received, reasonCode: 'not-wanted', note: null,
    lot: lot ? { id: `lot-${lot}`, number: lot, expiresOn: null } : null, serials,
  };
}

describe('splitting a scanned receipt over the lines of a return', () => {
  it('sends an item on one line to that line, whatever the quantity', () => {
    expect(splitReceipt([line({ id: 'A', authorised: '2' })], [{ item: 'MILK', quantity: '5' }])).toEqual([{ line: 'A', quantity: '5' }]);
  });

  it('fills the lots of one item in line order, skipping lines already received, and puts what is left first', () => {
    const lines = [line({ id: 'A', authorised: '2', received: '2', lot: 'L1' }), line({ id: 'B', authorised: '2', lot: 'L2' }), line({ id: 'C', authorised: '1.5', received: '0.5', lot: 'L3' })];
    expect(splitReceipt(lines, [{ item: 'MILK', quantity: '2.5' }])).toEqual([{ line: 'C', quantity: '0.5' }, { line: 'B', quantity: '2' }]);
    expect(splitReceipt(lines, [{ item: 'MILK', quantity: '1' }])).toEqual([{ line: 'B', quantity: '1' }]);
  });

  it('lets the last open line take an excess, so the server refuses it at that line', () => {
    const lines = [line({ id: 'A', authorised: '1', lot: 'L1' }), line({ id: 'B', authorised: '1', lot: 'L2' })];
    expect(splitReceipt(lines, [{ item: 'MILK', quantity: '3' }])).toEqual([{ line: 'B', quantity: '2' }, { line: 'A', quantity: '1' }]);
    const done = [line({ id: 'A', authorised: '1', received: '1', lot: 'L1' }), line({ id: 'B', authorised: '1', received: '1', lot: 'L2' })];
    expect(splitReceipt(done, [{ item: 'MILK', quantity: '1' }])).toEqual([{ line: 'A', quantity: '1' }]);
  });

  it('keeps a named lot to its own line', () => {
    const lines = [line({ id: 'A', authorised: '2', lot: 'L1' }), line({ id: 'B', authorised: '2', lot: 'L2' })];
    expect(splitReceipt(lines, [{ item: 'MILK', quantity: '1', lot: 'L2' }])).toEqual([{ line: 'B', quantity: '1' }]);
  });

  it('sends an item or a lot not on the return as scanned, for the server to refuse', () => {
    const lines = [line({ id: 'A', authorised: '2', lot: 'L1' })];
    expect(splitReceipt(lines, [{ item: 'SOAP', quantity: '1' }, { item: 'MILK', quantity: '1', lot: 'L9' }])).toEqual([{ item: 'SOAP', quantity: '1' }, { item: 'MILK', quantity: '1', lot: 'L9' }]);
  });

  it('puts each serial on the line that authorised it, else on a line that named none and has room', () => {
    const lines = [
      line({ id: 'A', sku: 'DRILL', authorised: '1', serials: ['D1'] }),
      line({ id: 'B', sku: 'DRILL', authorised: '1', serials: [] }),
      line({ id: 'C', sku: 'DRILL', authorised: '2', serials: [] }),
    ].map((l) => ({ ...l, item: { ...l.item, tracking: 'serial' as const } }));
    expect(splitReceipt(lines, [{ item: 'DRILL', quantity: '4', serials: ['X1', 'D1', 'X2', 'X3'] }])).toEqual([
      { line: 'A', quantity: '1', serials: ['D1'] }, { line: 'B', quantity: '1', serials: ['X1'] }, { line: 'C', quantity: '2', serials: ['X2', 'X3'] },
    ]);
  });

  it('sends a serial no line expects to the first line, where the server names what it expects', () => {
    const lines = [line({ id: 'A', sku: 'DRILL', authorised: '1', serials: ['D1'] }), line({ id: 'B', sku: 'DRILL', authorised: '1', serials: ['D2'] })];
    expect(splitReceipt(lines, [{ item: 'DRILL', quantity: '2', serials: ['D2', 'D9'] }])).toEqual([
      { line: 'A', quantity: '1', serials: ['D9'] }, { line: 'B', quantity: '1', serials: ['D2'] },
    ]);
  });

  it('keeps the first part of each scanned item at its place and the other parts after all of them', () => {
    const lines = [line({ id: 'A', authorised: '1', lot: 'L1' }), line({ id: 'B', authorised: '1', lot: 'L2' }), line({ id: 'K', sku: 'KETTLE', authorised: '3' })];
    expect(splitReceipt(lines, [{ item: 'MILK', quantity: '2' }, { item: 'KETTLE', quantity: '3' }])).toEqual([
      { line: 'B', quantity: '1' }, { line: 'K', quantity: '3' }, { line: 'A', quantity: '1' },
    ]);
  });
});

describe('the serials of a line in quality control', () => {
  const drill = line({ id: 'A', sku: 'DRILL', authorised: '3', serials: ['D1', 'D2', 'D3'] });
  const entry = (id: string, action: ReturnEntry['action'], serials: string[], lineId = 'A'): ReturnEntry => ({
    id, action, line: { id: lineId, lineNo: 1 }, item: { id: 'DRILL', sku: 'DRILL' }, quantity: String(serials.length), from: { id: 'f', code: 'f' }, to: { id: 't', code: 't' },
    reasonCode: null, movementId: id, lot: null, serials, note: null, by: { id: 'x', name: 'x' }, occurredAt: '', recordedAt: '',
  });
  const ret = (history: ReturnEntry[]): Return => ({
    id: 'R', number: 'RMA-1', status: 'received', order: null, channel: null, customerName: null, notes: null, lines: [drill],
    createdBy: { id: 'x', name: 'x' }, createdAt: '', updatedAt: '', closedAt: null, history, movements: [],
  });

  it('are those received on it, less those restocked or scrapped since, in the order they came', () => {
    const history = [entry('1', 'receipt', ['D3', 'D1']), entry('2', 'restock', ['D3']), entry('3', 'receipt', ['D2']), entry('4', 'receipt', ['X1'], 'B')];
    expect(serialsInQc(ret(history), drill)).toEqual(['D1', 'D2']);
    expect(serialsInQc(ret([...history, entry('5', 'scrap', ['D1', 'D2'])]), drill)).toEqual([]);
  });
});
