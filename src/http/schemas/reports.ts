import { z } from 'zod';
import { ITEM_SORTS } from '../../reports/report-rules.js';
import { booleanQuery, PageQuery, QuantityText } from './common.js';

const totals = {
  itemsInStock: z.number().int().describe('Items with stock on hand in physical locations'),
  units: QuantityText.describe('Sum of every item’s on hand in its own unit; a rough size when no costs are known'),
  value: z.string().nullable().describe('Exact on hand × last unit cost over items that have a cost; null when none has'),
  itemsWithoutCost: z.number().int().describe('Items in stock that were never received with a unit cost (left out of value)'),
};

export const StockSummary = z
  .object({
    ...totals,
    belowReorder: z.number().int().describe('Active items whose available stock is below their reorder point'),
    sites: z.array(z.object({ site: z.object({ id: z.string(), code: z.string(), name: z.string() }), ...totals })),
  })
  .meta({ id: 'StockSummary' });

export const ItemStockQuery = PageQuery.extend({
  search: z.string().max(200).optional().describe('Matches SKU or name (contains, any case) or an exact barcode'),
  category: z.string().max(100).optional(),
  belowReorder: booleanQuery.describe('Only items whose available stock is below their reorder point'),
  sort: z.enum(ITEM_SORTS).default('sku').describe('onHand and available compare quantities across units as plain numbers'),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export const ItemStockEntry = z
  .object({
    item: z.object({
      id: z.string(), sku: z.string(), name: z.string(), category: z.string().nullable(), unit: z.string(), decimals: z.number().int(), reorderPoint: QuantityText.nullable(),
    }),
    onHand: QuantityText, reserved: QuantityText, available: QuantityText,
    belowReorder: z.boolean(),
  })
  .meta({ id: 'ItemStockEntry' });

export const HistoryQuery = z.object({
  item: z.string().max(200).optional().describe('Item id or SKU; the whole business when absent'),
  days: z.coerce.number().int().min(1).max(366).default(90),
});

export const StockHistory = z
  .object({
    item: z.object({ id: z.string(), sku: z.string(), unit: z.string() }).nullable(),
    points: z.array(z.object({ date: z.string().describe('UTC day, YYYY-MM-DD'), onHand: QuantityText.describe('On hand in physical locations at the end of the day') })),
  })
  .meta({ id: 'StockHistory' });

const count = z.number().int();

export const MovementsPerDay = z
  .object({
    days: z.array(z.object({
      date: z.string().describe('UTC day, YYYY-MM-DD'),
      receipts: count, shipments: count, transfers: count.describe('Transfers and moves between locations'), adjustments: count,
      other: count.describe('Reversals, production, returns, scrap'),
    })),
  })
  .meta({ id: 'MovementsPerDay' });
