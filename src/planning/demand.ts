import { assertSafe } from '../shared/quantity.js';
import { addRatio, ratio, scaleRatio, ZERO, type Ratio } from './ratio.js';

/**
 * Expected demand for one item at one site, in the item's scaled units per day. Reorder rules
 * only ever ask "how much over these days?" (see demandOver), so an average, a hand-entered rate
 * and a statistical forecast are interchangeable: a forecast can vary day by day for as far as
 * it sees (`daily`) and then settle at a steady `rate`; an average or a manual rate is steady
 * from day 0. Day 0 is the day the calculation runs.
 */
export type DemandSource = 'average' | 'forecast' | 'manual';

export interface DemandEstimate {
  readonly source: DemandSource;
  /** Demand on days 0, 1, 2… where it differs from day to day; empty for a steady rate. */
  readonly daily: readonly Ratio[];
  /** Demand on every day after `daily` ends. */
  readonly rate: Ratio;
}

/** Units leaving for customers on one UTC calendar day (several entries per day are summed). */
export interface DailySale {
  /** YYYY-MM-DD, UTC. */
  readonly date: string;
  /** Scaled units, ≥ 0: shipments to customers, not transfers between sites. */
  readonly quantity: number;
}

const DAY_MS = 86_400_000;
const DAY_TEXT = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Average daily sales over the `windowDays` UTC days ending with `lastDay` (inclusive). Days
 * without sales count as zero and sales dated outside the window are ignored, so the result is
 * the exact sum divided by the window length, whatever the list holds. The caller picks
 * `lastDay`: usually yesterday, as today's sales are not complete yet.
 */
export function averageDailyDemand(sales: readonly DailySale[], windowDays: number, lastDay: string): DemandEstimate {
  if (!Number.isSafeInteger(windowDays) || windowDays <= 0) {
    throw new RangeError(`the averaging window must be a positive whole number of days, got ${windowDays}`);
  }
  const lastMs = dayToMs(lastDay);
  const firstDay = new Date(lastMs - (windowDays - 1) * DAY_MS).toISOString().slice(0, 10);
  let total = 0n;
  for (const sale of sales) {
    dayToMs(sale.date);
    assertSafe(sale.quantity);
    if (sale.quantity < 0) throw new RangeError(`daily sales are never negative, got ${sale.quantity} on ${sale.date}`);
    // YYYY-MM-DD text sorts as dates do, so the window test needs no date arithmetic.
    if (sale.date >= firstDay && sale.date <= lastDay) total += BigInt(sale.quantity);
  }
  return { source: 'average', daily: [], rate: ratio(total, windowDays) };
}

/** A rate someone typed in, for items without a sales history worth averaging. */
export function manualDemand(perDay: Ratio): DemandEstimate {
  return { source: 'manual', daily: [], rate: checked(perDay) };
}

/** Per-day demand as a list, or as a function read for `horizonDays` days from day 0. */
export type DailyDemand = readonly Ratio[] | { readonly horizonDays: number; readonly perDay: (day: number) => Ratio };

/**
 * Demand from a forecast. Beyond its horizon the forecast is assumed to continue at
 * `thereafter`, by default the mean of its own days: a lead time longer than the horizon then
 * neither drops to zero nor repeats whatever the last (perhaps weekend) day happened to be.
 */
export function forecastDemand(days: DailyDemand, thereafter?: Ratio): DemandEstimate {
  const daily = isDailyList(days) ? days.map(checked) : readDaily(days.horizonDays, days.perDay);
  const total = sumRatios(daily);
  const rate = thereafter === undefined ? ratio(total.num, total.den * BigInt(Math.max(daily.length, 1))) : checked(thereafter);
  return { source: 'forecast', daily, rate };
}

/** Exact expected demand over `days` days starting at day `fromDay`. */
export function demandOver(estimate: DemandEstimate, fromDay: number, days: number): Ratio {
  for (const [name, value] of [['fromDay', fromDay], ['days', days]] as const) {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
  }
  const end = fromDay + days;
  const varyingEnd = Math.min(end, estimate.daily.length);
  const varying = fromDay < varyingEnd ? sumRatios(estimate.daily.slice(fromDay, varyingEnd)) : ZERO;
  const steadyDays = end - Math.max(fromDay, estimate.daily.length);
  return steadyDays > 0 ? addRatio(varying, scaleRatio(estimate.rate, steadyDays)) : varying;
}

function sumRatios(values: readonly Ratio[]): Ratio {
  return values.reduce(addRatio, ZERO);
}

function isDailyList(days: DailyDemand): days is readonly Ratio[] {
  return Array.isArray(days);
}

function readDaily(horizonDays: number, perDay: (day: number) => Ratio): Ratio[] {
  if (!Number.isSafeInteger(horizonDays) || horizonDays < 0) {
    throw new RangeError(`a forecast horizon must be a whole number of days ≥ 0, got ${horizonDays}`);
  }
  return Array.from({ length: horizonDays }, (_, day) => checked(perDay(day)));
}

/** Ratios from outside may have been built by hand: re-deriving them rejects negatives and zero denominators. */
function checked(value: Ratio): Ratio {
  return ratio(value.num, value.den);
}

/** Milliseconds at UTC midnight of a YYYY-MM-DD day; rejects text that is not a real date. */
function dayToMs(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (!DAY_TEXT.test(day) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
    throw new RangeError(`'${day}' is not a YYYY-MM-DD calendar day`);
  }
  return ms;
}
