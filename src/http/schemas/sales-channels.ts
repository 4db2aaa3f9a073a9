import { z } from 'zod';
import { ROUTING_RULES } from '../../sales/channel-rules.js';
import { booleanQuery, ItemBrief, PageQuery, Place, Quantity, QuantityText, Ref } from './common.js';

const Kind = z.enum(['web', 'pos', 'marketplace']).describe('web store, point of sale (a physical store), or marketplace');
const Rule = z.enum(ROUTING_RULES).describe(
  'priority: try routing.priority sites first, in order; single_location: prefer one site that can ship the whole order; closest: nearest site to the delivery address (coordinates, else same region); split: allow splitting an order across sites',
);

export const Channel = z
  .object({
    id: z.string(), code: z.string(), name: z.string(), kind: Kind,
    locations: z.array(Place.extend({ kind: z.string() })).describe('What it sells from; a site means every sellable zone and bin in it'),
    buffer: QuantityText.describe('Safety stock withheld from this channel, per item'),
    itemBuffers: z.array(z.object({ item: ItemBrief, buffer: QuantityText })).describe('Per-item buffers that replace the channel’s'),
    allowBackorders: z.boolean().describe('An order line that cannot be reserved becomes a backorder instead of failing the order'),
    routing: z.object({ rules: z.array(Rule), priority: z.array(Place) }),
    archived: z.boolean(), createdAt: z.string(), updatedAt: z.string(),
  })
  .meta({ id: 'Channel' });

const fields = {
  name: z.string().trim().min(1).max(200),
  kind: Kind,
  locations: z.array(Ref('location')).max(500).describe('Sites, zones or bins (id or code)'),
  buffer: Quantity.describe('Withheld per item, in the item’s unit (up to 6 decimals; rounded up to the item’s unit)'),
  itemBuffers: z.array(z.strictObject({ item: Ref('item'), buffer: Quantity })).max(10_000).describe('Replaces the whole set'),
  allowBackorders: z.boolean(),
  routing: z.strictObject({
    rules: z.array(Rule).max(4).optional().describe('Default: single_location, closest, split'),
    priority: z.array(Ref('location')).max(100).optional().describe('Sites to try first, in order (with the priority rule)'),
  }),
};

export const NewChannelBody = z
  .object({
    code: z.string().trim().min(1).max(64).regex(/^\S+$/, 'a code has no spaces').describe('Unique short code, e.g. WEB'),
    name: fields.name, kind: fields.kind, locations: fields.locations,
    buffer: fields.buffer.optional(), itemBuffers: fields.itemBuffers.optional(), allowBackorders: fields.allowBackorders.optional(), routing: fields.routing.optional(),
  })
  .strict()
  .meta({ id: 'NewChannel' });

export const ChannelChangesBody = z
  .object({
    name: fields.name.optional(), kind: fields.kind.optional(), locations: fields.locations.optional(), buffer: fields.buffer.optional(),
    itemBuffers: fields.itemBuffers.optional(), allowBackorders: fields.allowBackorders.optional(), routing: fields.routing.optional(),
  })
  .strict()
  .meta({ id: 'ChannelChanges' });

export const ChannelListQuery = PageQuery.extend({ includeArchived: booleanQuery });

export const ChannelAvailability = z
  .object({
    channel: Place, item: ItemBrief,
    stock: QuantityText.describe('Σ available (on hand − reserved) over the channel’s sellable locations'),
    buffer: QuantityText, available: QuantityText.describe('stock − buffer, never below zero: what the channel may sell'),
  })
  .meta({ id: 'ChannelAvailability' });

export const ChannelAvailabilityQuery = PageQuery.extend({ item: z.string().max(200).optional().describe('Only this item (id or SKU)') });
