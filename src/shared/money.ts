import { invalidField } from './errors.js';
import { formatScaled, parseScaled, type QuantityInput } from './quantity.js';

/** Unit costs are exact decimals with four places, stored as integers in 1/10,000 of a currency unit. */
export const COST_DECIMALS = 4;

export function parseCost(input: QuantityInput, path: string): number {
  const scaled = parseScaled(input, COST_DECIMALS, path);
  if (scaled < 0) throw invalidField(path, 'unit cost cannot be negative');
  return scaled;
}

export function formatCost(scaled: number | null): string | null {
  return scaled === null ? null : formatScaled(scaled, COST_DECIMALS);
}
