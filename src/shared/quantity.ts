import { invalidField } from './errors.js';

/**
 * Exact decimal quantities. Stored and computed as integers in the item's smallest unit
 * (`scaled = value × 10^decimals`), which stay exact as long as they are safe integers.
 * Text is the exchange format; a JSON number is accepted only through its shortest decimal text.
 */
export const MAX_DECIMALS = 6;
const DECIMAL_TEXT = /^(-)?(\d+)(?:\.(\d+))?$/;

export type QuantityInput = string | number;

export function parseScaled(input: QuantityInput, decimals: number, path: string): number {
  const text = typeof input === 'number' ? numberToText(input, path) : input.trim();
  const match = DECIMAL_TEXT.exec(text);
  if (!match) throw invalidField(path, `'${String(input)}' is not a decimal number`);
  const [, sign, whole = '', rawFraction = ''] = match;
  const fraction = rawFraction.replace(/0+$/, '');
  if (fraction.length > decimals) {
    throw invalidField(path, `at most ${decimals} decimal place(s) allowed, got '${text}'`);
  }
  const digits = (whole + fraction.padEnd(decimals, '0')).replace(/^0+(?=\d)/, '');
  const scaled = Number(digits);
  if (!Number.isSafeInteger(scaled)) throw invalidField(path, `'${text}' is too large`);
  return sign && scaled !== 0 ? -scaled : scaled;
}

export function parsePositiveScaled(input: QuantityInput, decimals: number, path: string): number {
  const scaled = parseScaled(input, decimals, path);
  if (scaled <= 0) throw invalidField(path, 'quantity must be greater than zero');
  return scaled;
}

function numberToText(value: number, path: string): string {
  if (!Number.isFinite(value)) throw invalidField(path, 'quantity must be a finite number');
  const text = String(value);
  if (/e/i.test(text)) throw invalidField(path, `'${text}' is out of range; send quantities as text`);
  return text;
}

export function formatScaled(scaled: number, decimals: number): string {
  assertSafe(scaled);
  if (decimals === 0) return String(scaled);
  const negative = scaled < 0;
  const digits = String(Math.abs(scaled)).padStart(decimals + 1, '0');
  const whole = digits.slice(0, -decimals);
  const fraction = digits.slice(-decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Integer sum that refuses to leave the exact range instead of silently rounding. */
export function addScaled(a: number, b: number): number {
  const sum = a + b;
  assertSafe(sum);
  return sum;
}

export function assertSafe(value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`quantity ${value} left the exact integer range`);
}
