import { invalidField } from '../shared/errors.js';

/** A lot as a request names it: its number (or id), or for stock coming in, its number with dates. */
export type LotInput = string | { number: string; manufacturedOn?: string | undefined; expiresOn?: string | undefined };

export interface LotSpec {
  /** Lot number or lot id. */
  ref: string;
  /** Dates given with the lot: they must match an existing lot's, or they become a new lot's. */
  manufacturedOn?: string | undefined;
  expiresOn?: string | undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date as YYYY-MM-DD text, checked to exist (no 2026-02-30). */
export function parseDate(value: string, path: string): string {
  const ms = Date.parse(`${value}T00:00:00Z`);
  if (!DATE.test(value) || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) throw invalidField(path, `'${value}' is not a date (YYYY-MM-DD)`);
  return value;
}

export function lotSpec(input: LotInput, path: string): LotSpec {
  if (typeof input === 'string') {
    if (input.trim() === '') throw invalidField(path, 'a lot number cannot be empty');
    return { ref: input };
  }
  if (input.number.trim() === '') throw invalidField(`${path}/number`, 'a lot number cannot be empty');
  const manufacturedOn = input.manufacturedOn === undefined ? undefined : parseDate(input.manufacturedOn, `${path}/manufacturedOn`);
  const expiresOn = input.expiresOn === undefined ? undefined : parseDate(input.expiresOn, `${path}/expiresOn`);
  if (manufacturedOn && expiresOn && expiresOn < manufacturedOn) throw invalidField(`${path}/expiresOn`, 'a lot cannot expire before it was made');
  return { ref: input.number, manufacturedOn, expiresOn };
}

/** Dates named again for an existing lot must be the lot's own: a lot has one expiry. */
export function datesConflict(spec: LotSpec, lot: { manufactured_on: string | null; expires_on: string | null }): 'expiresOn' | 'manufacturedOn' | null {
  if (spec.expiresOn !== undefined && spec.expiresOn !== lot.expires_on) return 'expiresOn';
  if (spec.manufacturedOn !== undefined && spec.manufacturedOn !== lot.manufactured_on) return 'manufacturedOn';
  return null;
}

/** Today's date in UTC, the day expiry is judged by. */
export function utcToday(now: string): string {
  return now.slice(0, 10);
}

/** Serial numbers as given: trimmed, none empty, none twice. */
export function checkSerialNumbers(serials: readonly string[], path: string): string[] {
  const seen = new Set<string>();
  return serials.map((raw, i) => {
    const serial = raw.trim();
    if (serial === '') throw invalidField(`${path}/${i}`, 'a serial number cannot be empty');
    if (seen.has(serial)) throw invalidField(`${path}/${i}`, `serial ${serial} is listed twice`);
    seen.add(serial);
    return serial;
  });
}
