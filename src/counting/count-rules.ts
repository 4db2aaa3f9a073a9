import type { CountStatus } from '../db/schema.js';
import { DomainError } from '../shared/errors.js';
import { MAX_DECIMALS } from '../shared/quantity.js';

/** Thresholds are given in whole units of any item, so they are kept at the finest precision an item may use. */
export const THRESHOLD_DECIMALS = MAX_DECIMALS;

export type CountAction = 'edit' | 'start' | 'enter' | 'submit' | 'recount' | 'approve' | 'cancel';

/** draft → counting → review → approved, with a recount sending review back to counting; anything open can be cancelled. */
const ALLOWED: Record<CountAction, readonly CountStatus[]> = {
  edit: ['draft'],
  start: ['draft'],
  enter: ['counting'],
  submit: ['counting'],
  recount: ['review'],
  approve: ['review'],
  cancel: ['draft', 'counting', 'review'],
};

export function countActionProblem(action: CountAction, status: CountStatus, number: string): DomainError | null {
  if (ALLOWED[action].includes(status)) return null;
  const need = ALLOWED[action].join(' or ');
  return new DomainError('conflict', `${number} is ${status}; ${action} needs a count that is ${need}`);
}

export function countNumber(value: number): string {
  return `CC-${String(value).padStart(6, '0')}`;
}

/**
 * The variance of a line: what was counted minus what the ledger held at that moment (read in the
 * entry's transaction). Posting this difference later leaves every movement made meanwhile intact.
 */
export function variance(counted: number, onHandAtCount: number): number {
  return counted - onHandAtCount;
}

/** |variance| × unit cost, exact, at the item's decimals plus the cost's four places. */
export function varianceValue(varianceScaled: number, unitCost: number | null): bigint | null {
  if (unitCost === null) return null;
  const magnitude = BigInt(Math.abs(varianceScaled));
  return magnitude * BigInt(unitCost);
}

export interface Thresholds {
  /** Units in millionths (THRESHOLD_DECIMALS), or null for no unit limit. */
  unitsMicro: number | null;
  /** Value in 1/10,000 of the currency unit, or null for no value limit. */
  value: number | null;
}

/**
 * A line needs a manager when its variance is beyond either limit: more units than allowed, or
 * worth more than allowed. A line without a known cost cannot be valued, so only the unit limit applies.
 */
export function needsApproval(varianceScaled: number, decimals: number, unitCost: number | null, thresholds: Thresholds): boolean {
  if (varianceScaled === 0) return false;
  const magnitude = BigInt(Math.abs(varianceScaled));
  if (thresholds.unitsMicro !== null) {
    const atMicro = magnitude * 10n ** BigInt(THRESHOLD_DECIMALS - decimals);
    if (atMicro > BigInt(thresholds.unitsMicro)) return true;
  }
  if (thresholds.value !== null && unitCost !== null) {
    // The value is at (decimals + 4) places; the limit at 4: bring the limit to the same scale.
    const value = magnitude * BigInt(unitCost);
    if (value > BigInt(thresholds.value) * 10n ** BigInt(decimals)) return true;
  }
  return false;
}

/** How a repeat entry for the same item × location combines with what was counted before. */
export type EntryMode = 'set' | 'add';

export function combineEntry(previous: number | null, quantity: number, mode: EntryMode): number {
  return mode === 'add' && previous !== null ? previous + quantity : quantity;
}

/** A serial-tracked line compared with the ledger: units there nobody scanned, and units scanned that were not there. */
export interface SerialVariance {
  missing: string[];
  unexpected: string[];
}

export function serialVariance(onHand: readonly string[], counted: readonly string[]): SerialVariance {
  const there = new Set(onHand);
  const scanned = new Set(counted);
  return {
    missing: [...there].filter((s) => !scanned.has(s)).sort(),
    unexpected: [...scanned].filter((s) => !there.has(s)).sort(),
  };
}

/**
 * The units a serial line's thresholds are judged on: every serial that would move. A missing unit
 * and a found one net to zero but post two adjustments, so both count.
 */
export function serialVarianceUnits(v: SerialVariance): number {
  return v.missing.length + v.unexpected.length;
}

/** How a repeat scan of a serial line combines: `set` replaces the list, `add` adds what is new to it. */
export function combineSerials(previous: readonly string[] | null, scanned: readonly string[], mode: EntryMode): string[] {
  if (mode === 'set' || previous === null) return [...new Set(scanned)].sort();
  return [...new Set([...previous, ...scanned])].sort();
}
