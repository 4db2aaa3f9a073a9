import type { ShrinkageGroup } from './shrinkage-repository.js';

/** Units are summed at six decimals across items; values are exact decimal text in the stock's currency. */
export interface ShrinkageFigures {
  lostUnits: string;
  foundUnits: string;
  netUnits: string;
  lostValue: string;
  foundValue: string;
  netValue: string;
  movements: number;
  unvaluedMovements: number;
}

export interface ShrinkageReport {
  from: string;
  to: string;
  groupBy: ShrinkageGroup;
  site: { id: string; code: string } | null;
  totals: ShrinkageFigures;
  groups: Array<ShrinkageFigures & { key: string; label: string }>;
}
