import { assertSafe } from '../shared/quantity.js';

/**
 * An exact non-negative rational number of scaled quantity units. Demand rates are rarely whole
 * units per day (45 sold in 30 days is 1.5 a day, 1 in 7 is 0.142857…), so planning keeps
 * numerator and denominator as BigInts and rounds once, at the end, with an explicit rule.
 * Always reduced with a positive denominator, so equal values have equal fields.
 */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

export const ZERO: Ratio = { num: 0n, den: 1n };

/** `num / den`, reduced. Integers must be safe, so a float that slipped in is caught here. */
export function ratio(num: bigint | number, den: bigint | number = 1n): Ratio {
  const n = toBig(num);
  const d = toBig(den);
  if (d <= 0n) throw new RangeError(`ratio denominator must be positive, got ${d}`);
  if (n < 0n) throw new RangeError(`planning ratios are never negative, got ${n}/${d}`);
  const g = gcd(n, d);
  return { num: n / g, den: d / g };
}

export function addRatio(a: Ratio, b: Ratio): Ratio {
  return ratio(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function scaleRatio(a: Ratio, factor: bigint | number): Ratio {
  return ratio(a.num * toBig(factor), a.den);
}

/**
 * The smallest whole number of scaled units that covers the ratio, as a safe integer. Planning
 * rounds demand up: a part-unit of expected demand still needs a whole unit on the shelf.
 */
export function ceilToScaled(a: Ratio): number {
  const value = Number((a.num + a.den - 1n) / a.den);
  assertSafe(value);
  return value;
}

/** A ratio of scaled units as decimal text with `extra` more places than the item's, rounded half up (for display). */
export function formatRatio(a: Ratio, decimals: number, extra: number): string {
  const places = decimals + extra;
  const scaled = (a.num * 10n ** BigInt(extra) * 2n + a.den) / (2n * a.den);
  const digits = scaled.toString().padStart(places + 1, '0');
  if (places === 0) return digits;
  const fraction = digits.slice(-places).replace(/0+$/, '');
  return `${digits.slice(0, -places)}${fraction ? `.${fraction}` : ''}`;
}

function toBig(value: bigint | number): bigint {
  if (typeof value === 'number') assertSafe(value);
  return BigInt(value);
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a, b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}
