import { compareQuantities, subtractQuantities, sumQuantities } from '../lib/quantity';
import type { ReturnSummary } from './return-types';

/**
 * What may still come back of each order line: shipped, less what its returns take up — an open
 * return its whole authorisation, a closed one what arrived, a cancelled one nothing (the rule
 * the server applies, src/sales/return-rules.ts). A hint for the form; the server decides.
 */
export function returnableByLine(lines: ReadonlyArray<{ id: string; shipped: string }>, returns: readonly ReturnSummary[]): Map<string, string> {
  const taken = new Map<string, string[]>();
  for (const ret of returns) {
    if (ret.status === 'cancelled') continue;
    for (const line of ret.lines) {
      if (!line.orderLine) continue;
      const part = ret.status === 'closed' ? line.received : line.authorised;
      taken.set(line.orderLine.id, [...(taken.get(line.orderLine.id) ?? []), part]);
    }
  }
  return new Map(lines.map((l) => {
    const left = subtractQuantities(l.shipped, sumQuantities(taken.get(l.id) ?? []));
    return [l.id, compareQuantities(left, '0') < 0 ? '0' : left];
  }));
}
