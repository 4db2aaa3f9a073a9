import { z } from 'zod';
import { ItemBrief, Note, PageQuery, Place, Quantity, QuantityText, Ref, Reference, Timestamp } from './common.js';
import { Movement } from './movements.js';
import { Tracking } from './items.js';

const Status = z.enum(['reserved', 'backordered', 'picking', 'partially_shipped', 'shipped', 'delivered', 'cancelled', 'expired']);
const Coordinate = z.union([z.string().max(20), z.number()]).describe('Decimal degrees, up to 6 places').meta({ example: '52.520008' });
const Text = z.string().trim().max(200);

export const DeliveryAddress = z
  .strictObject({
    name: Text.nullish(), line1: Text.nullish(), line2: Text.nullish(), city: Text.nullish(), postalCode: Text.nullish(), country: Text.nullish(),
    region: Text.nullish().describe('Matched against sites’ regions when there are no coordinates'),
    latitude: Coordinate.nullish(), longitude: Coordinate.nullish(),
  })
  .meta({ id: 'DeliveryAddress' });

export const SalesOrderLine = z
  .object({
    id: z.string(), lineNo: z.number().int(), item: ItemBrief.extend({ name: z.string(), unit: z.string(), tracking: Tracking }), quantity: QuantityText,
    reserved: QuantityText.describe('Held now for this line'), backordered: QuantityText.describe('Ordered but not reserved yet'),
    picked: QuantityText, shipped: QuantityText,
    holds: z.array(z.object({ reservationId: z.string(), location: Place, quantity: QuantityText })).describe('Where the reserved units are'),
  })
  .meta({ id: 'SalesOrderLine' });

export const SalesOrder = z
  .object({
    id: z.string(), number: z.string().describe('SO-000123'), channel: Place, externalId: z.string().nullable().describe('The channel’s own order id'),
    status: Status, customerName: z.string().nullable(), address: DeliveryAddress.nullable(),
    routing: z.object({ locations: z.array(Place).describe('Sites chosen'), reason: z.string().describe('Why, in words') }).nullable(),
    expiresAt: z.string().nullable().describe('A checkout hold: when the order expires unless confirmed'), notes: z.string().nullable(),
    lines: z.array(SalesOrderLine), createdBy: z.object({ id: z.string(), name: z.string() }), createdAt: z.string(), updatedAt: z.string(), closedAt: z.string().nullable(),
  })
  .meta({ id: 'SalesOrder' });

export const NewSalesOrderBody = z
  .object({
    channel: Ref('channel'),
    externalId: z.string().trim().min(1).max(200).optional().describe('The channel’s own order id; a repeat returns the existing order'),
    location: Ref('location').optional().describe('Ship from this site, zone or bin; otherwise the channel’s routing rules choose'),
    customerName: Text.optional(), address: DeliveryAddress.optional(),
    lines: z.array(z.strictObject({ item: Ref('item'), quantity: Quantity })).max(1000),
    holdTtlSeconds: z.number().int().positive().max(30 * 86_400).optional().describe('A checkout hold: expires after this many seconds unless confirmed'),
    expiresAt: Timestamp.optional(), notes: z.string().max(5000).optional(),
  })
  .strict()
  .meta({ id: 'NewSalesOrder' });

export const ShipBody = z
  .strictObject({
    lines: z.array(z.strictObject({
      line: z.string().min(1).max(200).optional().describe('The order line id'),
      item: z.string().min(1).max(200).optional().describe('…or the item: id, SKU or a scanned barcode'),
      quantity: Quantity,
      serials: z.array(z.string().min(1).max(100)).max(10000).optional().describe('Serial-tracked items: the units shipped, one per unit'),
    })).min(1).max(1000).optional().describe('Omitted: ship everything the order holds'),
    reference: Reference.optional().describe('e.g. the tracking number; defaults to the order number'), note: Note.optional(), occurredAt: Timestamp.optional(),
  })
  .default({})
  .meta({ id: 'SalesShipment' });

export const ShipResult = z.object({ order: SalesOrder, movements: z.array(Movement) }).meta({ id: 'SalesShipmentResult' });
export const ActionBody = z.strictObject({ note: Note.optional() }).default({});

const StatusList = z
  .string()
  .max(200)
  .transform((text) => text.split(',').map((s) => s.trim()))
  .pipe(z.array(Status).min(1))
  .describe('A status, or several separated by commas, e.g. `reserved,picking`');

export const SalesOrderListQuery = PageQuery.extend({
  channel: z.string().max(200).optional().describe('Channel id or code'),
  status: StatusList.optional(),
  item: z.string().max(200).optional().describe('Orders with a line of this item (id or SKU)'),
  search: z.string().max(200).optional().describe('Matches the order number, the channel’s order id or the customer’s name (contains, any case)'),
});
