import { toCommonScale, valueAtCommonScale } from '../reports/report-rules.js';

/** One summed slice of loss movements: a group, a precision, a unit cost and a direction. */
export interface ShrinkageSlice {
  key: string;
  decimals: number;
  unitCost: number | null;
  direction: 'lost' | 'found';
  quantity: number;
  movements: number;
}

/** Units at COMMON_DECIMALS and values at VALUE_DECIMALS, as exact BigInts. */
export interface ShrinkageTotals {
  lostUnits: bigint;
  foundUnits: bigint;
  lostValue: bigint;
  foundValue: bigint;
  movements: number;
  /** Movements of items that never had a cost: in the units, not in the values. */
  unvaluedMovements: number;
}

export const emptyShrinkage = (): ShrinkageTotals => ({ lostUnits: 0n, foundUnits: 0n, lostValue: 0n, foundValue: 0n, movements: 0, unvaluedMovements: 0 });

function addSlice(totals: ShrinkageTotals, slice: ShrinkageSlice): void {
  const units = toCommonScale(slice.quantity, slice.decimals);
  const value = slice.unitCost === null ? 0n : valueAtCommonScale(slice.quantity, slice.decimals, slice.unitCost);
  if (slice.direction === 'lost') {
    totals.lostUnits += units;
    totals.lostValue += value;
  } else {
    totals.foundUnits += units;
    totals.foundValue += value;
  }
  totals.movements += slice.movements;
  if (slice.unitCost === null) totals.unvaluedMovements += slice.movements;
}

/** Folds slices into per-group and overall totals; groups keep the order of their keys. */
export function foldShrinkage(slices: readonly ShrinkageSlice[]): { total: ShrinkageTotals; groups: Array<{ key: string; totals: ShrinkageTotals }> } {
  const total = emptyShrinkage();
  const groups = new Map<string, ShrinkageTotals>();
  for (const slice of slices) {
    const group = groups.get(slice.key) ?? emptyShrinkage();
    groups.set(slice.key, group);
    addSlice(group, slice);
    addSlice(total, slice);
  }
  return { total, groups: [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, totals]) => ({ key, totals })) };
}
