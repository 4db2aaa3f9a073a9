import { z } from 'zod';
import { MAX_DECIMALS } from '../../shared/quantity.js';
import { booleanQuery, PageQuery, Quantity, QuantityText } from './common.js';

const BarcodeKind = z.enum(['gtin', 'custom']).describe('gtin: GTIN-8/12/13/14 (UPC, EAN) with check digit, stored as GTIN-14; custom: a printable code of your own');
export const BarcodeBody = z.object({ code: z.string().min(1).max(64), kind: BarcodeKind.default('gtin') }).strict().meta({ id: 'Barcode' });

export const Tracking = z.enum(['none', 'lot', 'serial']).describe('none; lot: batches with lot number and dates (FEFO); serial: one unit per serial number (decimals 0). Fixed once created');

export const Item = z
  .object({
    id: z.string(), sku: z.string(), name: z.string(), description: z.string().nullable(), category: z.string().nullable(),
    unit: z.string(), decimals: z.number().int(), tracking: Tracking, reorderPoint: QuantityText.nullable(),
    barcodes: z.array(z.object({ code: z.string(), kind: BarcodeKind })), archived: z.boolean(), createdAt: z.string(), updatedAt: z.string(),
  })
  .meta({ id: 'Item' });

const Sku = z.string().trim().min(1).max(64).regex(/^\S+$/, 'a SKU has no spaces');

export const NewItemBody = z
  .object({
    sku: Sku,
    name: z.string().trim().min(1).max(200),
    description: z.string().max(5000).nullish(),
    category: z.string().trim().min(1).max(100).nullish(),
    unit: z.string().trim().min(1).max(20).default('pcs').describe('Unit of measure, e.g. pcs, kg, m'),
    decimals: z.number().int().min(0).max(MAX_DECIMALS).default(0).describe('Decimal places the quantity allows (0 for countable items); fixed once created'),
    reorderPoint: Quantity.nullish().describe('Warn when stock falls below this'),
    barcodes: z.array(BarcodeBody).max(20).optional(),
    tracking: Tracking.default('none'),
  })
  .strict()
  .meta({ id: 'NewItem' });

export const ItemChangesBody = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    description: z.string().max(5000).nullish(),
    category: z.string().trim().min(1).max(100).nullish(),
    unit: z.string().trim().min(1).max(20).optional(),
    reorderPoint: Quantity.nullish(),
  })
  .strict()
  .meta({ id: 'ItemChanges' });

export const ItemListQuery = PageQuery.extend({
  search: z.string().max(200).optional().describe('Matches SKU or name (contains, any case) or an exact barcode'),
  category: z.string().max(100).optional(),
  includeArchived: booleanQuery,
});
