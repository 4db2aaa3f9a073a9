import type { PickList, PickListLine } from '../api/types';
import { plotValue } from '../lib/format';
import { compareQuantities, sumQuantities } from '../lib/quantity';

export const isOpenLine = (l: PickListLine) => compareQuantities(l.remaining, '0') > 0;

export function pickProgress(list: PickList): { picked: string; total: string; percent: number } {
  const total = sumQuantities(list.lines.map((l) => l.quantity));
  const picked = sumQuantities(list.lines.map((l) => l.picked));
  // The bar is drawn from numbers; the figures shown next to it stay exact text.
  return { picked, total, percent: total === '0' ? 100 : Math.floor((plotValue(picked) / plotValue(total)) * 100) };
}

/** The first open line in walking order, or the first open one at the bin the picker stands at. */
export function nextStop(list: PickList, bin: string | null): PickListLine | undefined {
  const open = list.lines.filter(isOpenLine);
  return open.find((l) => l.location.code === bin) ?? open[0];
}

/** The list's bin a scanned code names, if it is one (bin labels carry their code). */
export function binOf(list: PickList, code: string): string | undefined {
  const wanted = code.trim().toUpperCase();
  return list.lines.find((l) => l.location.code.toUpperCase() === wanted)?.location.code;
}

/** Where to take a scanned item from: the bin the picker stands at, else its first open stop. */
export function binForItem(list: PickList, sku: string, current: string | null): string | undefined {
  if (current) return current;
  return list.lines.find((l) => isOpenLine(l) && l.item.sku === sku)?.location.code;
}

export function binsOf(list: PickList): string[] {
  return [...new Set(list.lines.map((l) => l.location.code))];
}
