import { invalidField } from '../shared/errors.js';
import { addScaled, assertSafe } from '../shared/quantity.js';

/**
 * What a supplier accepts for one item, in the item's scaled stock units (a case of 12 of an item
 * with 0 decimals is 12; a 2.5 kg bag of an item with 3 decimals is 2500). Absent or null means
 * no constraint, so the terms can come straight from optional supplier-item columns.
 */
export interface SupplyTerms {
  /** Minimum order quantity. */
  readonly moq?: number | null;
  /** Orders are whole packs of this many units; must be > 0 when given. */
  readonly packSize?: number | null;
}

/**
 * The least quantity a supplier will take that covers `need`: the smallest multiple of the pack
 * size that is at least both the need and the MOQ. An MOQ that is not a whole number of packs is
 * therefore met by rounding up to the next whole pack. A need of 0 orders nothing: the MOQ
 * constrains orders that are placed, it is not a reason to place one.
 */
export function roundOrderQuantity(need: number, terms: SupplyTerms): number {
  validateSupplyTerms(terms);
  assertSafe(need);
  if (need < 0) throw new RangeError(`a needed quantity is never negative, got ${need}`);
  if (need === 0) return 0;
  const target = Math.max(need, terms.moq ?? 0);
  const pack = terms.packSize ?? 1;
  // Integer remainder keeps this exact; dividing and taking Math.ceil goes through a float.
  const remainder = target % pack;
  return remainder === 0 ? target : addScaled(target, pack - remainder);
}

/** Rejects terms a person could have typed wrongly, with paths relative to the terms object. */
export function validateSupplyTerms(terms: SupplyTerms): void {
  const { moq, packSize } = terms;
  if (moq != null && (!Number.isSafeInteger(moq) || moq < 0)) {
    throw invalidField('/moq', 'the minimum order quantity must be a whole number of units ≥ 0');
  }
  if (packSize != null && (!Number.isSafeInteger(packSize) || packSize <= 0)) {
    throw invalidField('/packSize', 'the pack size must be a whole number of units > 0');
  }
}
