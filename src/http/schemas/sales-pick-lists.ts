import { z } from 'zod';
import { PageQuery, Place, Quantity, QuantityText, Ref } from './common.js';

const OrderRef = z.object({ id: z.string(), number: z.string() });

export const PickList = z
  .object({
    id: z.string(), number: z.string().describe('PL-000123'), status: z.enum(['open', 'done']), orders: z.array(OrderRef),
    lines: z.array(z.object({
      lineNo: z.number().int(), order: OrderRef, orderLineId: z.string(), item: z.object({ id: z.string(), sku: z.string(), name: z.string() }),
      location: Place.describe('The bin to pick from'), quantity: QuantityText, picked: QuantityText, remaining: QuantityText,
    })).describe('In walking order: by bin code'),
    createdAt: z.string(), completedAt: z.string().nullable(),
  })
  .meta({ id: 'PickList' });

export const NewPickListBody = z
  .strictObject({ orders: z.array(z.string().min(1).max(200).describe('Order id or number')).max(200).describe('One order, or a wave of several') })
  .meta({ id: 'NewPickList' });

export const PickConfirmBody = z
  .strictObject({
    item: z.string().min(1).max(200).describe('Item id, SKU or a scanned barcode'),
    bin: Ref('location').describe('The bin it was taken from'),
    quantity: Quantity,
  })
  .meta({ id: 'PickConfirmation' });

export const PickListListQuery = PageQuery.extend({
  status: z.enum(['open', 'done']).optional(),
  order: z.string().max(200).optional().describe('Only pick lists with this order (id or number)'),
});
