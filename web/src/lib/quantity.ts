/**
 * Exact decimal quantities in the browser. The API speaks decimal text and checks each item's
 * precision itself; the app only needs to recognise a number, add to it exactly (a second scan
 * adds one) and never pass a value through binary floating point.
 */
const DECIMAL = /^(-)?(\d+)(?:\.(\d+))?$/;

export type QuantityCheck = { ok: true; text: string } | { ok: false; message: string };

/** Tidies what a person typed ("  2,5 " → "2.5") and says whether it is a decimal number at all. */
export function checkQuantity(input: string, options: { allowNegative?: boolean } = {}): QuantityCheck {
  const text = input.trim().replace(',', '.');
  if (text === '') return { ok: false, message: 'Enter a quantity' };
  const match = DECIMAL.exec(text);
  if (!match) return { ok: false, message: `'${input.trim()}' is not a number; use digits and a decimal point, e.g. 2 or 2.5` };
  if (match[1] && !options.allowNegative) return { ok: false, message: 'Enter a quantity without a minus sign' };
  return { ok: true, text: normalise(match) };
}

function normalise(match: RegExpExecArray): string {
  const [, sign = '', whole = '0', fraction = ''] = match;
  const trimmedWhole = whole.replace(/^0+(?=\d)/, '');
  const trimmedFraction = fraction.replace(/0+$/, '');
  const body = trimmedFraction ? `${trimmedWhole}.${trimmedFraction}` : trimmedWhole;
  return body === '0' ? '0' : `${sign}${body}`;
}

/** Splits decimal text into an integer and its number of decimal places. */
function toScaled(text: string): { value: bigint; places: number } {
  const match = DECIMAL.exec(text);
  if (!match) throw new RangeError(`'${text}' is not decimal text`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  return { value: BigInt(`${sign}${whole}${fraction}`), places: fraction.length };
}

function fromScaled(value: bigint, places: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(places + 1, '0');
  const whole = places === 0 ? digits : digits.slice(0, -places);
  const fraction = places === 0 ? '' : digits.slice(-places).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** a + b on decimal text, exactly ("0.1" + "0.2" is "0.3"). */
export function addQuantities(a: string, b: string): string {
  const x = toScaled(a);
  const y = toScaled(b);
  const places = Math.max(x.places, y.places);
  const scale = (q: { value: bigint; places: number }) => q.value * 10n ** BigInt(places - q.places);
  return fromScaled(scale(x) + scale(y), places);
}

function aligned(a: string, b: string): { x: bigint; y: bigint; places: number } {
  const p = toScaled(a);
  const q = toScaled(b);
  const places = Math.max(p.places, q.places);
  return { x: p.value * 10n ** BigInt(places - p.places), y: q.value * 10n ** BigInt(places - q.places), places };
}

/** a − b on decimal text, exactly. */
export function subtractQuantities(a: string, b: string): string {
  const { x, y, places } = aligned(a, b);
  return fromScaled(x - y, places);
}

/** a × b on decimal text, exactly ("0.1" × "3" is "0.3"). */
export function multiplyQuantities(a: string, b: string): string {
  const x = toScaled(a);
  const y = toScaled(b);
  return fromScaled(x.value * y.value, x.places + y.places);
}

/** −1, 0 or 1 as a is less than, equal to or greater than b. */
export function compareQuantities(a: string, b: string): -1 | 0 | 1 {
  const { x, y } = aligned(a, b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The sum of a list of decimal texts ("0" when empty). */
export function sumQuantities(values: readonly string[]): string {
  return values.reduce((total, v) => addQuantities(total, v), '0');
}
