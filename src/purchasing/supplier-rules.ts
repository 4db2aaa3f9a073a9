import { DomainError, invalidField, type FieldError } from '../shared/errors.js';
import { formatScaled, parseScaled, type QuantityInput } from '../shared/quantity.js';

/** ISO 4217 codes the runtime knows; the list comes with Node's ICU data, so no table to maintain here. */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function checkCurrency(code: string, path: string): string {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{3}$/.test(upper) || !CURRENCIES.has(upper)) throw invalidField(path, `'${code}' is not an ISO 4217 currency code`);
  return upper;
}

/** Tolerances are percentages with up to two decimals, kept as integers in hundredths of a percent. */
const TOLERANCE_DECIMALS = 2;
const MAX_TOLERANCE_BP = 100_000;

export function parseTolerance(input: QuantityInput, path: string): number {
  const bp = parseScaled(input, TOLERANCE_DECIMALS, path);
  if (bp < 0 || bp > MAX_TOLERANCE_BP) throw invalidField(path, 'the tolerance is a percentage from 0 to 1000');
  return bp;
}

export function formatTolerance(bp: number): string {
  return formatScaled(bp, TOLERANCE_DECIMALS);
}

/** A price that applies from `minQuantity` (in the item's smallest unit) upwards. */
export interface PriceBreak {
  minQuantity: number;
  unitPrice: number;
}

/**
 * Sorts breaks by quantity and refuses two breaks at the same quantity, naming each duplicate at
 * `${basePath}/${index}/minQuantity` so the client sees which entries clash.
 */
export function normalizePriceBreaks(breaks: readonly PriceBreak[], basePath: string): PriceBreak[] {
  const seen = new Map<number, number>();
  const errors: FieldError[] = [];
  breaks.forEach((b, i) => {
    const first = seen.get(b.minQuantity);
    if (first === undefined) seen.set(b.minQuantity, i);
    else errors.push({ path: `${basePath}/${i}/minQuantity`, message: `the same minimum quantity as ${basePath}/${first}` });
  });
  if (errors.length > 0) throw new DomainError('validation', 'two price breaks share a minimum quantity', errors);
  return [...breaks].sort((a, b) => a.minQuantity - b.minQuantity);
}

/** The price for ordering `quantity`: the break with the largest minimum not above it; null below every break. */
export function pickPriceBreak(breaks: readonly PriceBreak[], quantity: number): PriceBreak | null {
  let best: PriceBreak | null = null;
  for (const b of breaks) if (b.minQuantity <= quantity && (best === null || b.minQuantity > best.minQuantity)) best = b;
  return best;
}

export interface OrderTerms {
  minOrderQuantity: number | null;
  packSize: number | null;
}

/** Why the supplier would not accept this quantity (below its minimum, or not whole packs); null when fine. */
export function orderQuantityProblem(quantity: number, terms: OrderTerms, decimals: number): string | null {
  if (terms.minOrderQuantity !== null && quantity < terms.minOrderQuantity) {
    return `the supplier's minimum order quantity is ${formatScaled(terms.minOrderQuantity, decimals)}`;
  }
  if (terms.packSize !== null && terms.packSize > 0 && quantity % terms.packSize !== 0) {
    return `the supplier sells in packs of ${formatScaled(terms.packSize, decimals)}; order a multiple of it`;
  }
  return null;
}

/** The item's own lead time with this supplier wins over the supplier's default. */
export function leadTimeDays(termsDays: number | null | undefined, supplierDays: number | null): number | null {
  return termsDays ?? supplierDays;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as YYYY-MM-DD; refuses impossible dates such as 2025-02-30. */
export function checkDate(text: string, path: string): string {
  const match = DATE.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!date || date.toISOString().slice(0, 10) !== text) throw invalidField(path, `'${text}' is not a date (YYYY-MM-DD)`);
  return text;
}

/** The UTC calendar day `days` after the day of `fromIso`. */
export function addDays(fromIso: string, days: number): string {
  const date = new Date(`${fromIso.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
