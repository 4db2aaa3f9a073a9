import type { Barcode } from '../catalog/item-types.js';
import { gtinCheckDigit } from '../catalog/barcode-rules.js';
import { COST_DECIMALS } from '../shared/money.js';
import { formatScaled, parseScaled } from '../shared/quantity.js';
import { DRINK_CATEGORIES } from './catalog-drinks.js';
import { SUPPLY_CATEGORIES } from './catalog-supplies.js';
import { CHANNELS, type CategorySpec, type Channel, type ProductSpec } from './catalog-types.js';
import type { DemoItem } from './demo-types.js';
import { WH1_BULK_BINS, WH1_RACK_BINS, WH2_PICK_BINS, wh1BulkBin, wh1RackBin, wh2PickBin } from './layout.js';
import type { Random } from './random.js';

export const CATEGORIES: readonly CategorySpec[] = [...DRINK_CATEGORIES, ...SUPPLY_CATEGORIES];
const FOOD = new Set(['Coffee', 'Tea', 'Beverages', 'Snacks', 'Bakery supplies']);
/** Days of total demand below which an item should be reordered (the catalog's reorder point). */
const REORDER_DAYS = 10;

/**
 * Picks `count` products, alternating between categories so a small demo still has every
 * category, and turns them into items with SKUs, barcodes, reorder points and demand rates.
 */
export function buildCatalog(rng: Random, count: number): DemoItem[] {
  const chosen: Array<{ category: CategorySpec; categoryIndex: number; product: ProductSpec; index: number }> = [];
  const longest = Math.max(...CATEGORIES.map((c) => c.products.length));
  for (let index = 0; index < longest && chosen.length < count; index++) {
    for (const [categoryIndex, category] of CATEGORIES.entries()) {
      const product = category.products[index];
      if (product && chosen.length < count) chosen.push({ category, categoryIndex, product, index });
    }
  }
  return chosen.map(({ category, categoryIndex, product, index }) => toItem(rng, category, categoryIndex, product, index));
}

function toItem(rng: Random, category: CategorySpec, categoryIndex: number, product: ProductSpec, index: number): DemoItem {
  const [name, costText, daily, options = {}] = product;
  const unit = options.unit ?? 'pcs';
  const decimals = unit === 'pcs' ? 0 : 3;
  const one = 10 ** decimals;
  const pack = (options.pack ?? category.pack) * one;
  const shares = options.channels ?? category.channels;
  const shareTotal = CHANNELS.reduce((sum, c) => sum + shares[c], 0);
  const rates = Object.fromEntries(CHANNELS.map((c) => [c, (daily * one * shares[c]) / shareTotal])) as Record<Channel, number>;
  const cost = parseScaled(costText, COST_DECIMALS, '/cost');
  const bulk = unit !== 'pcs' || category.skuPrefix === 'PKG';
  const stockedAtWh1 = rates.store > 0 || rates.wholesale > 0;
  return {
    sku: `${category.skuPrefix}-${1001 + index}`,
    name, category: category.name, unit, decimals,
    barcodes: barcodesFor(rng, category, index, unit),
    reorderPoint: rng.chance(0.75) ? formatScaled(roundUp(daily * one * REORDER_DAYS, unit === 'pcs' ? 1 : one), decimals) : null,
    cost, pack,
    // Cheap pieces go to the shop by the inner pack of six; dear ones and goods sold by weight one by one.
    storePack: unit !== 'pcs' ? one : cost < 10 * 10 ** COST_DECIMALS ? Math.min(pack, 6) : 1,
    season: options.season ?? category.season,
    supplier: category.supplier,
    rates,
    home: {
      ...(stockedAtWh1 && {
        wh1: bulk ? wh1BulkBin(((categoryIndex + index) % WH1_BULK_BINS) + 1) : wh1RackBin(((categoryIndex * 2 + (index % 2)) % WH1_RACK_BINS) + 1),
      }),
      ...(rates.online > 0 && { wh2: wh2PickBin((categoryIndex % WH2_PICK_BINS) + 1) }),
    },
    food: FOOD.has(category.name),
  };
}

export function roundUp(value: number, step: number): number {
  return Math.max(step, Math.ceil(value / step) * step);
}

/**
 * Packaged goods carry the supplier's GTIN-13, and some a GTIN-14 for the case. Goods sold by
 * weight get an in-store scale code instead. A few items have no barcode yet, as in real catalogs.
 */
function barcodesFor(rng: Random, category: CategorySpec, index: number, unit: string): Barcode[] {
  if (unit !== 'pcs') return [{ code: `PLU-${category.skuPrefix}${String(index + 1).padStart(2, '0')}`, kind: 'custom' }];
  if (rng.chance(0.04)) return [];
  const body = `${category.supplier.gs1Prefix}${String(1000 + index * 37).padStart(5, '0')}`;
  const codes: Barcode[] = [{ code: `${body}${gtinCheckDigit(body)}`, kind: 'gtin' }];
  if (rng.chance(0.2)) {
    const caseBody = `1${body}`;
    codes.push({ code: `${caseBody}${gtinCheckDigit(caseBody)}`, kind: 'gtin' });
  }
  return codes;
}
