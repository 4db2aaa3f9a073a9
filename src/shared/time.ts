import { invalidField } from './errors.js';

/** Stored times are UTC ISO-8601 text with milliseconds, so text order is time order on both databases. */
export function nowIso(): string {
  return new Date().toISOString();
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export function parseTimestamp(input: string, path: string): string {
  const date = new Date(input);
  if (!RFC3339.test(input) || Number.isNaN(date.getTime())) {
    throw invalidField(path, `'${input}' is not an RFC 3339 timestamp`);
  }
  return date.toISOString();
}

/** Business time may be backdated but not set in the future (beyond clock skew). */
export function parseOccurredAt(input: string | undefined, path: string, now = nowIso()): string {
  if (input === undefined) return now;
  const iso = parseTimestamp(input, path);
  if (Date.parse(iso) - Date.parse(now) > FUTURE_TOLERANCE_MS) {
    throw invalidField(path, 'occurredAt cannot be in the future');
  }
  return iso;
}
