import { addScaled, assertSafe, MAX_DECIMALS } from '../shared/quantity.js';
import { roundOrderQuantity, type SupplyTerms } from './order-rounding.js';

/**
 * "Suggest purchase orders": from what each item × site needs, pick a supplier, round to what the
 * supplier sells, price the line and group lines into one draft purchase order per supplier ×
 * destination site. Quantities are the item's scaled units; prices and totals are money with
 * COST_DECIMALS (4) places as integers, like unit costs everywhere else, in the supplier's currency.
 */

/** From `minQuantity` scaled units upwards the supplier charges `unitPrice` per whole stock unit. */
export interface PriceBreak {
  readonly minQuantity: number;
  readonly unitPrice: number;
}

export interface SupplierOption extends SupplyTerms {
  readonly supplierId: string;
  /** ISO 4217 code of the supplier's prices. */
  readonly currency: string;
  readonly preferred: boolean;
  /** Whole days; null when neither the item terms nor the supplier say. */
  readonly leadTimeDays: number | null;
  readonly unitPriceBreaks: readonly PriceBreak[];
}

export interface SuggestionLine {
  readonly itemId: string;
  readonly siteId: string;
  /** The item's decimals, to turn a scaled quantity times a per-unit price into money. */
  readonly decimals: number;
  /** Scaled units to buy before rounding, e.g. from suggestedQuantity; lines needing 0 are skipped. */
  readonly needed: number;
  readonly suppliers: readonly SupplierOption[];
}

/** Why this supplier: flagged preferred, or the best of the rest by price, lead time and id. */
export type SupplierChoice = 'preferred' | 'ranked';

export interface ProposedLine {
  readonly itemId: string;
  readonly siteId: string;
  readonly needed: number;
  /** `needed` rounded to the supplier's pack size and MOQ. */
  readonly quantity: number;
  /** Null when the supplier has no price for this quantity: the buyer fills it in on the draft. */
  readonly unitPrice: number | null;
  readonly lineTotal: number | null;
  readonly leadTimeDays: number | null;
  readonly choice: SupplierChoice;
}

export interface DraftOrderProposal {
  readonly supplierId: string;
  readonly siteId: string;
  readonly currency: string;
  readonly lines: readonly ProposedLine[];
  /** Sum of the priced lines' totals. */
  readonly total: number;
  readonly unpricedLines: number;
  /** The longest known lead time of its lines (when the whole order can be expected); null if none is known. */
  readonly leadTimeDays: number | null;
}

export type UnassignedReason = 'no-supplier';

export interface UnassignedLine {
  readonly itemId: string;
  readonly siteId: string;
  readonly needed: number;
  readonly reason: UnassignedReason;
}

export interface PurchaseSuggestions {
  /** Sorted by supplier id, then site id; lines keep the input order. */
  readonly proposals: readonly DraftOrderProposal[];
  readonly unassigned: readonly UnassignedLine[];
}

/**
 * Every line needing more than 0 ends up exactly once: on the proposal of its chosen supplier
 * and its site, or among the unassigned. Pure and deterministic, so the service can show the
 * proposals and then create the same drafts in one call.
 */
export function suggestPurchaseOrders(lines: readonly SuggestionLine[]): PurchaseSuggestions {
  const seen = new Set<string>();
  const groups = new Map<string, Group>();
  const unassigned: UnassignedLine[] = [];
  for (const line of lines) {
    const key = JSON.stringify([line.itemId, line.siteId]);
    if (seen.has(key)) throw new RangeError(`item ${line.itemId} appears twice for site ${line.siteId}`);
    seen.add(key);
    assertSafe(line.needed);
    if (line.needed < 0) throw new RangeError(`item ${line.itemId} needs a negative quantity`);
    if (line.needed === 0) continue;
    const pick = chooseSupplier(line);
    if (pick === null) {
      unassigned.push({ itemId: line.itemId, siteId: line.siteId, needed: line.needed, reason: 'no-supplier' });
      continue;
    }
    const groupKey = JSON.stringify([pick.supplier.supplierId, line.siteId]);
    const { supplierId, currency } = pick.supplier;
    const group = groups.get(groupKey) ?? { supplierId, siteId: line.siteId, currency, lines: [] };
    if (group.currency !== currency) throw new RangeError(`supplier ${supplierId} is offered in both ${group.currency} and ${currency}`);
    groups.set(groupKey, group);
    group.lines.push({
      itemId: line.itemId,
      siteId: line.siteId,
      needed: line.needed,
      quantity: pick.quantity,
      unitPrice: pick.unitPrice,
      lineTotal: pick.unitPrice === null ? null : lineTotal(pick.quantity, line.decimals, pick.unitPrice),
      leadTimeDays: pick.supplier.leadTimeDays,
      choice: pick.choice,
    });
  }
  const proposals = [...groups.values()].sort((a, b) => compareText(a.supplierId, b.supplierId) || compareText(a.siteId, b.siteId)).map(toProposal);
  return { proposals, unassigned };
}

export interface SupplierPick {
  readonly supplier: SupplierOption;
  readonly quantity: number;
  readonly unitPrice: number | null;
  readonly choice: SupplierChoice;
}

/**
 * The preferred supplier when one is flagged; otherwise the cheapest unit price at the quantity
 * each supplier would actually deliver (after its own rounding, which may reach a better break),
 * then the shortest lead time, then the smaller supplier id so the same input always gives the
 * same answer. A supplier without a price for that quantity, or without a known lead time, ranks
 * after those with one. Prices in different currencies cannot be compared without a rate, so
 * when the candidates' currencies differ, price is left out of the ranking. Several preferred
 * suppliers are ranked the same way among themselves. Null with no suppliers.
 */
export function chooseSupplier(line: Pick<SuggestionLine, 'needed' | 'suppliers'>): SupplierPick | null {
  const preferred = line.suppliers.filter((supplier) => supplier.preferred);
  const candidates = (preferred.length > 0 ? preferred : line.suppliers).map((supplier) => {
    if (supplier.leadTimeDays !== null && (!Number.isSafeInteger(supplier.leadTimeDays) || supplier.leadTimeDays < 0)) {
      throw new RangeError(`supplier ${supplier.supplierId} has lead time ${supplier.leadTimeDays}; whole days ≥ 0 expected`);
    }
    const quantity = roundOrderQuantity(line.needed, supplier);
    return { supplier, quantity, unitPrice: unitPriceAt(supplier.unitPriceBreaks, quantity) };
  });
  const oneCurrency = new Set(candidates.map((candidate) => candidate.supplier.currency)).size <= 1;
  candidates.sort(
    (a, b) =>
      (oneCurrency ? compareKnown(a.unitPrice, b.unitPrice) : 0) ||
      compareKnown(a.supplier.leadTimeDays, b.supplier.leadTimeDays) ||
      compareText(a.supplier.supplierId, b.supplier.supplierId),
  );
  const best = candidates[0];
  return best === undefined ? null : { ...best, choice: preferred.length > 0 ? 'preferred' : 'ranked' };
}

/**
 * The price of the break with the largest minQuantity not above `quantity` (the lower price if
 * two breaks share it); null when every break starts above the quantity, or there are none.
 */
export function unitPriceAt(breaks: readonly PriceBreak[], quantity: number): number | null {
  let best: PriceBreak | null = null;
  for (const candidate of breaks) {
    assertSafe(candidate.minQuantity);
    assertSafe(candidate.unitPrice);
    if (candidate.minQuantity > quantity) continue;
    if (best === null || candidate.minQuantity > best.minQuantity || (candidate.minQuantity === best.minQuantity && candidate.unitPrice < best.unitPrice)) {
      best = candidate;
    }
  }
  return best === null ? null : best.unitPrice;
}

/**
 * Money for `quantity` scaled units at `unitPrice` per whole unit: the exact product has
 * 4 + decimals places and is rounded half-up to 4 places. Four places, not the currency's minor
 * unit, because Stockroom keeps money at 4 places and knows no currency here; a line rounded to
 * 4 places is at most 0.00005 off, and the order total is the exact sum of its lines, so the
 * document adds up when printed.
 */
export function lineTotal(quantity: number, decimals: number, unitPrice: number): number {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`decimals must be an integer from 0 to ${MAX_DECIMALS}, got ${decimals}`);
  }
  assertSafe(quantity);
  assertSafe(unitPrice);
  if (quantity < 0 || unitPrice < 0) throw new RangeError('quantities and prices on a purchase order are never negative');
  const divisor = 10n ** BigInt(decimals);
  // floor(x + ½) for x ≥ 0, in integers: floor((2·product + divisor) / (2·divisor)).
  const total = Number((2n * BigInt(quantity) * BigInt(unitPrice) + divisor) / (2n * divisor));
  assertSafe(total);
  return total;
}

interface Group {
  supplierId: string;
  siteId: string;
  currency: string;
  lines: ProposedLine[];
}

function toProposal(group: Group): DraftOrderProposal {
  let total = 0;
  let unpricedLines = 0;
  let leadTimeDays: number | null = null;
  for (const line of group.lines) {
    if (line.lineTotal === null) unpricedLines++;
    else total = addScaled(total, line.lineTotal);
    if (line.leadTimeDays !== null) leadTimeDays = Math.max(leadTimeDays ?? 0, line.leadTimeDays);
  }
  return { ...group, total, unpricedLines, leadTimeDays };
}

/** Smaller first; an unknown (null) value after every known one. */
function compareKnown(a: number | null, b: number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return a - b;
}

/** Code-unit order, not locale order: ids must sort the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
