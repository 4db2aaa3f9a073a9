import type { Channel, Season } from './catalog-types.js';

/**
 * Demand shape over the year and the week. Factors average about 1 over a year (except
 * `festive`, which is low until Christmas), so an item's `daily` figure stays its typical demand.
 */
const DAY_MS = 86_400_000;
const YEAR = 365;

function dayOfYear(date: Date): number {
  return Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / DAY_MS);
}

/** 1 at `peakDay`, −1 half a year away. */
function wave(day: number, peakDay: number): number {
  return Math.cos((2 * Math.PI * (day - peakDay)) / YEAR);
}

/** A bell around `center` (days), wrapping over New Year. */
function bump(day: number, center: number, width: number): number {
  const raw = Math.abs(day - center);
  const distance = Math.min(raw, YEAR - raw);
  return Math.exp(-0.5 * (distance / width) ** 2);
}

const DEC_18 = 351;
const MID_JULY = 196;

export function seasonFactor(season: Season, date: Date): number {
  const day = dayOfYear(date);
  const afterChristmas = (date.getUTCMonth() === 11 && date.getUTCDate() > 24) || date.getUTCMonth() === 0;
  switch (season) {
    case 'steady':
      return 1 + 0.05 * wave(day, 350);
    case 'hot-drinks':
      return 1 + 0.22 * wave(day, 15) + 0.15 * bump(day, DEC_18, 10);
    case 'warm-weather':
      return 1 + 0.3 * wave(day, MID_JULY);
    case 'cold-drinks':
      return Math.max(0.2, 1 + 0.75 * wave(day, MID_JULY));
    case 'festive':
      // Bought in the run-up to Christmas; once it has passed, only leftovers sell, then nothing much till autumn.
      return afterChristmas ? 0.2 : 0.15 + 5 * bump(day, DEC_18, 16);
    case 'gifting':
      return 0.85 + 1.4 * bump(day, DEC_18, 12) + 0.3 * bump(day, 44, 4) - 0.15 * bump(day, 210, 30);
    case 'baking':
      return 0.9 + 0.9 * bump(day, 343, 18) + 0.2 * bump(day, 95, 8) - 0.2 * bump(day, 215, 30);
  }
}

/** Share of a week's demand by weekday (Sunday first); each row sums to 7. */
const WEEKDAY: Record<Channel, readonly number[]> = {
  // The shop is busiest on Saturday and opens short hours on Sunday.
  store: [0.7, 0.8, 0.85, 0.9, 1.0, 1.2, 1.55],
  // Cafés and bakeries order on working days, most on Monday after the weekend rush.
  wholesale: [0, 1.6, 1.4, 1.3, 1.4, 1.3, 0],
  // Web orders ship Monday to Saturday; Monday carries the weekend's orders.
  online: [0, 1.75, 1.2, 1.1, 1.1, 1.1, 0.75],
};

export function weekdayFactor(channel: Channel, date: Date): number {
  return WEEKDAY[channel][date.getUTCDay()] ?? 0;
}

function isHoliday(date: Date, days: ReadonlyArray<readonly [month: number, day: number]>): boolean {
  return days.some(([m, d]) => date.getUTCMonth() + 1 === m && date.getUTCDate() === d);
}

const CLOSED: Record<Channel, ReadonlyArray<readonly [number, number]>> = {
  store: [[12, 25], [1, 1]],
  wholesale: [[12, 24], [12, 25], [12, 26], [12, 31], [1, 1]],
  online: [[12, 25], [12, 26], [1, 1]],
};

export function isOpen(channel: Channel, date: Date): boolean {
  return weekdayFactor(channel, date) > 0 && !isHoliday(date, CLOSED[channel]);
}

/** Warehouses receive deliveries and suppliers take orders on working days. */
export function isWorkingDay(date: Date): boolean {
  const weekday = date.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isHoliday(date, [[12, 25], [12, 26], [1, 1]]);
}

/** The business grows about 12% a year; `daysBeforeEnd` is 0 on the last day. */
export function trendFactor(daysBeforeEnd: number): number {
  return 1 - (0.12 * daysBeforeEnd) / YEAR;
}
