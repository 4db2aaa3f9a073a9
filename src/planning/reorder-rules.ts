import { invalidField } from '../shared/errors.js';
import { addScaled, assertSafe } from '../shared/quantity.js';
import { demandOver, type DemandEstimate, type DemandSource } from './demand.js';
import { ceilToScaled } from './ratio.js';

/**
 * Reorder point (min) and order-up-to level (max) for one item at one site, all in the item's
 * scaled units. The classic min/max rule of Odoo's reordering rules and ERPNext's reorder
 * levels: when the stock position falls below min, order enough to bring it back up to max.
 */
export type ReorderPolicy = ManualPolicy | ComputedPolicy;

/** Levels set by hand; demand and lead time play no part. */
export interface ManualPolicy {
  readonly kind: 'manual';
  readonly min: number;
  readonly max: number;
}

/** Levels derived from expected demand, so they follow the item's sales (or its forecast). */
export interface ComputedPolicy {
  readonly kind: 'computed';
  /** Scaled units kept on top of lead-time demand against late deliveries and busy days. */
  readonly safetyStock: number;
  /**
   * Days of demand an order should last once it arrives (default DEFAULT_COVER_DAYS). Setting it
   * to the review period (7 for weekly ordering) gives the textbook periodic-review level.
   */
  readonly coverDays?: number;
}

/**
 * A month of cover: orders about once a month, a common starting point that keeps order counts
 * low without tying up a season of stock; tune it per item.
 */
export const DEFAULT_COVER_DAYS = 30;

export interface ReorderLevels {
  readonly reorderPoint: number;
  readonly orderUpTo: number;
  /** Where the figures came from, so a screen can say "from the 90-day average" or "set by hand". */
  readonly basis: 'manual' | DemandSource;
}

/**
 * Computed levels: reorderPoint = ⌈demand over the lead time⌉ + safety stock, and
 * orderUpTo = ⌈demand over lead time + cover⌉ + safety stock. Demand is rounded up once over the
 * whole span rather than day by day, so the levels are as low as exactness allows; as demand is
 * never negative, orderUpTo ≥ reorderPoint always. `leadTimeDays` is the chosen supplier's lead
 * time (whole days; the caller adds any transfer time to the site).
 */
export function reorderLevels(policy: ManualPolicy): ReorderLevels;
export function reorderLevels(policy: ReorderPolicy, demand: DemandEstimate, leadTimeDays: number): ReorderLevels;
export function reorderLevels(policy: ReorderPolicy, demand?: DemandEstimate, leadTimeDays = 0): ReorderLevels {
  validatePolicy(policy);
  if (policy.kind === 'manual') return { reorderPoint: policy.min, orderUpTo: policy.max, basis: 'manual' };
  if (demand === undefined) throw new RangeError('a computed reorder policy needs a demand estimate');
  if (!Number.isSafeInteger(leadTimeDays) || leadTimeDays < 0) {
    throw new RangeError(`lead time must be a whole number of days ≥ 0, got ${leadTimeDays}`);
  }
  const coverDays = policy.coverDays ?? DEFAULT_COVER_DAYS;
  return {
    reorderPoint: addScaled(ceilToScaled(demandOver(demand, 0, leadTimeDays)), policy.safetyStock),
    orderUpTo: addScaled(ceilToScaled(demandOver(demand, 0, leadTimeDays + coverDays)), policy.safetyStock),
    basis: demand.source,
  };
}

/**
 * Rejects a policy a person could have typed wrongly, with paths relative to the policy object
 * (the HTTP layer prefixes its own). Exported so a service can check a policy before saving it.
 */
export function validatePolicy(policy: ReorderPolicy): void {
  if (policy.kind === 'manual') {
    nonNegative(policy.min, '/min');
    nonNegative(policy.max, '/max');
    if (policy.max < policy.min) throw invalidField('/max', 'the order-up-to level cannot be below the reorder point');
    return;
  }
  nonNegative(policy.safetyStock, '/safetyStock');
  if (policy.coverDays !== undefined) nonNegative(policy.coverDays, '/coverDays');
}

/**
 * What the site will have without ordering more: available (on hand less reservations) plus
 * `incoming`, i.e. everything already on its way there — open purchase order quantities not yet
 * received and transfers in transit to it. Counting incoming stops a second order for a need an
 * open order already covers.
 */
export function stockPosition(available: number, incoming: number): number {
  assertSafe(incoming);
  if (incoming < 0) throw new RangeError(`incoming stock is never negative, got ${incoming}`);
  return addScaled(available, incoming);
}

/** The low-stock alert: strictly below the reorder point, so a reorder point of 0 never alerts on 0. */
export function isLowStock(position: number, reorderPoint: number): boolean {
  return position < reorderPoint;
}

/**
 * How much to order (before pack and MOQ rounding): back up to the order-up-to level when low,
 * otherwise nothing. Ordering up to max rather than to min leaves room for demand during the
 * next lead time, so one order is not followed at once by another.
 */
export function suggestedQuantity(position: number, levels: Pick<ReorderLevels, 'reorderPoint' | 'orderUpTo'>): number {
  assertSafe(position);
  if (!isLowStock(position, levels.reorderPoint)) return 0;
  const quantity = levels.orderUpTo - position;
  assertSafe(quantity);
  return quantity;
}

function nonNegative(value: number, path: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw invalidField(path, 'must be a whole number ≥ 0');
}
