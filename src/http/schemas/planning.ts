import { z } from 'zod';
import { booleanQuery, PageQuery, Quantity, QuantityText, Ref } from './common.js';

const Days = (what: string) => z.number().int().min(0).max(3650).describe(what);
const Named = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const PolicyParams = z.object({ item: Ref('item'), site: Ref('site') });

export const PolicyBody = z
  .discriminatedUnion('method', [
    z.strictObject({
      method: z.literal('manual'),
      min: Quantity.describe('Reorder point: below this (available + incoming) the item is low'),
      max: Quantity.describe('Order-up-to level: a suggestion brings the position back up to this'),
    }),
    z.strictObject({
      method: z.literal('computed'),
      safetyStock: Quantity.optional().describe('Kept on top of lead-time demand (default 0)'),
      coverDays: Days('Days of demand an order should cover once it arrives (default 30)').optional(),
      windowDays: z.number().int().min(1).max(3650).optional().describe('Days of sales history averaged (default 90)'),
      leadTimeDays: Days('Overrides the supplier’s lead time; null uses the supplier’s').nullable().optional(),
    }),
  ])
  .meta({ id: 'ReorderPolicyInput', description: 'Levels set by hand, or computed as average daily sales × lead time + safety stock' });

export const ReorderStatus = z
  .object({
    item: z.object({ id: z.string(), sku: z.string(), name: z.string(), unit: z.string() }),
    site: Named,
    policy: z.object({
      method: z.enum(['manual', 'computed']),
      min: QuantityText.nullable(), max: QuantityText.nullable(), safetyStock: QuantityText.nullable(),
      coverDays: z.number().int().nullable(), windowDays: z.number().int().nullable(), leadTimeDays: z.number().int().nullable(),
    }),
    reorderPoint: QuantityText,
    orderUpTo: QuantityText,
    basis: z.enum(['manual', 'average', 'forecast']),
    dailyDemand: z.string().nullable().describe('Average units sold per day over the window, to 4 more decimals than the item'),
    leadTimeDays: z.number().int(),
    leadTimeSource: z.enum(['policy', 'supplier', 'none']),
    available: QuantityText, incoming: QuantityText, inTransit: QuantityText,
    position: QuantityText.describe('available + incoming + in transit'),
    low: z.boolean().describe('position is below the reorder point: the low-stock alert'),
    onDraftOrders: QuantityText.describe('On draft purchase orders for the site (not incoming until sent)'),
    suggestedQuantity: QuantityText.describe('To order now before pack and MOQ rounding: 0 unless low; up to the order-up-to level less what drafts hold'),
    supplier: Named.extend({ preferred: z.boolean() }).nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ReorderStatus' });

export const ReorderListQuery = PageQuery.extend({
  site: Ref('site').optional(),
  item: Ref('item').optional(),
  low: booleanQuery.describe('true: only items below their reorder point'),
});

export const SuggestionQuery = z.object({ site: Ref('site').optional() });

export const CreateSuggestedBody = z
  .strictObject({
    site: Ref('site').optional().describe('Only this site’s needs'),
    suppliers: z.array(Ref('supplier')).min(1).max(200).optional().describe('Only the orders of these suppliers'),
  })
  .default({})
  .meta({ id: 'CreateSuggestedOrders' });

const ItemNamed = z.object({ id: z.string(), sku: z.string(), name: z.string() });

export const PurchaseSuggestions = z
  .object({
    orders: z.array(
      z.object({
        supplier: Named, site: Named, currency: z.string(),
        lines: z.array(
          z.object({
            item: ItemNamed, needed: QuantityText, quantity: QuantityText.describe('Rounded up to pack size and MOQ'),
            unitPrice: z.string().nullable(), lineTotal: z.string().nullable(), leadTimeDays: z.number().int().nullable(),
            choice: z.enum(['preferred', 'ranked']),
          }),
        ),
        total: z.string(), unpricedLines: z.number().int(), leadTimeDays: z.number().int().nullable(),
      }),
    ),
    unassigned: z.array(z.object({ item: ItemNamed, site: Named, needed: QuantityText, reason: z.literal('no-supplier') })),
    truncated: z.boolean().describe('More items are low than one call handles: create these orders and ask again'),
  })
  .meta({ id: 'PurchaseSuggestions' });
