import { z } from 'zod';
import { booleanQuery, Money, PageQuery, Quantity, QuantityText, Ref } from './common.js';

const Code = z.string().trim().min(1).max(64).regex(/^\S+$/, 'a code has no spaces');
const Percent = z
  .union([z.string().max(20), z.number()])
  .describe('A percentage as exact decimal text with up to 2 decimals, e.g. "5" or "2.5"')
  .meta({ example: '5' });
const LeadTimeDays = z.number().int().min(0).max(3650).describe('Days from ordering to delivery');

export const Supplier = z
  .object({
    id: z.string(), code: z.string(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), address: z.string().nullable(),
    currency: z.string().describe('ISO 4217 code; the supplier’s prices and orders are in it'), leadTimeDays: z.number().int().nullable(),
    paymentTerms: z.string().nullable(), overReceiptTolerance: z.string().describe('Percent more than ordered that may be received'),
    archived: z.boolean(), createdAt: z.string(), updatedAt: z.string(),
  })
  .meta({ id: 'Supplier' });

const supplierFields = {
  name: z.string().trim().min(1).max(200),
  email: z.email().max(254).nullish(),
  phone: z.string().trim().min(1).max(50).nullish(),
  address: z.string().max(2000).nullish().describe('Postal address; line breaks are kept'),
  currency: z.string().trim().min(3).max(3).describe('ISO 4217 code, e.g. EUR, USD'),
  leadTimeDays: LeadTimeDays.nullish().describe('Default days from ordering to delivery; sets expected dates'),
  paymentTerms: z.string().max(500).nullish().describe('e.g. "30 days net"'),
  overReceiptTolerance: Percent.optional().describe('How much more than ordered may be received, in percent (default 0: exactly what was ordered)'),
};

export const NewSupplierBody = z
  .object({ code: Code.describe('Unique short code, e.g. ACME'), ...supplierFields })
  .strict()
  .meta({ id: 'NewSupplier' });

export const SupplierChangesBody = z
  .object({ ...supplierFields, name: supplierFields.name.optional(), currency: supplierFields.currency.optional() })
  .strict()
  .meta({ id: 'SupplierChanges' });

export const SupplierListQuery = PageQuery.extend({
  search: z.string().max(200).optional().describe('Matches code or name (contains, any case)'),
  includeArchived: booleanQuery,
});

const PriceBreakBody = z.strictObject({
  minQuantity: Quantity.describe('The price applies from this quantity up (in the item’s unit)'),
  unitPrice: Money.describe('Price per unit in the supplier’s currency'),
});

const termsFields = {
  supplierSku: z.string().trim().min(1).max(64).nullish().describe('The supplier’s own code for the item'),
  prices: z.array(PriceBreakBody).max(50).optional().describe('Quantity breaks; replaces the whole list when given'),
  minOrderQuantity: Quantity.nullish().describe('Orders below this are refused'),
  packSize: Quantity.nullish().describe('Orders must be a multiple of this'),
  leadTimeDays: LeadTimeDays.nullish().describe('Overrides the supplier’s default lead time for this item'),
  preferred: z.boolean().optional().describe('The item’s preferred supplier (at most one; marking this one unmarks the others)'),
};

export const NewSupplierItemBody = z.object({ item: Ref('item'), ...termsFields }).strict().meta({ id: 'NewSupplierItem' });
export const SupplierItemChangesBody = z.object(termsFields).strict().meta({ id: 'SupplierItemChanges' });

export const SupplierItem = z
  .object({
    supplier: z.object({ id: z.string(), code: z.string(), name: z.string(), currency: z.string() }),
    item: z.object({ id: z.string(), sku: z.string(), name: z.string(), unit: z.string() }),
    supplierSku: z.string().nullable(),
    prices: z.array(z.object({ minQuantity: QuantityText, unitPrice: z.string() })),
    minOrderQuantity: QuantityText.nullable(), packSize: QuantityText.nullable(), leadTimeDays: z.number().int().nullable(), preferred: z.boolean(),
    createdAt: z.string(), updatedAt: z.string(),
  })
  .meta({ id: 'SupplierItem' });
