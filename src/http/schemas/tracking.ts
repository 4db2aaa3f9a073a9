import { z } from 'zod';
import { booleanQuery, ItemBrief, PageQuery, Place, QuantityText } from './common.js';
import { Movement } from './movements.js';

export const Lot = z
  .object({
    id: z.string(), item: ItemBrief, number: z.string(), manufacturedOn: z.string().nullable(), expiresOn: z.string().nullable(),
    expired: z.boolean().describe('Expired lots are on hand but not available: they cannot be reserved or shipped to a customer'),
    daysLeft: z.number().int().nullable().describe('Days until expiry (negative once expired); null without expiry'),
    firstReceivedAt: z.string(), onHand: QuantityText.describe('In physical locations'), reserved: QuantityText,
    locations: z.array(z.object({ location: Place, onHand: QuantityText, reserved: QuantityText, available: QuantityText })),
  })
  .meta({ id: 'Lot' });

export const LotTrace = z
  .object({
    lot: Lot, received: QuantityText,
    shipped: z.array(z.object({ to: Place, document: z.object({ type: z.string(), id: z.string() }).nullable(), reference: z.string().nullable(), quantity: QuantityText, occurredAt: z.string() })),
    remaining: z.array(z.object({ location: Place, onHand: QuantityText, reserved: QuantityText })),
    movements: z.array(Movement), movementsTruncated: z.boolean().describe('More than 1,000 movements: the list stops there'),
  })
  .meta({ id: 'LotTrace' });

export const LotListQuery = PageQuery.extend({
  item: z.string().max(200).optional().describe('Item id or SKU'),
  expiringWithinDays: z.coerce.number().int().min(0).max(36_500).optional().describe('Only lots expiring by today + N days (already expired included)'),
  expired: booleanQuery.describe('true: only lots already expired'),
  withStock: booleanQuery.describe('true: only lots with stock in a physical location'),
  location: z.string().max(200).optional().describe('Location id or code: only lots with stock there (as a ship or transfer form offers them)'),
});

export const ExpiringQuery = PageQuery.extend({
  withinDays: z.coerce.number().int().min(0).max(36_500).default(30),
  item: z.string().max(200).optional(),
});

export const Serial = z
  .object({ id: z.string(), item: ItemBrief, serialNumber: z.string(), location: Place.extend({ kind: z.string() }).describe('Where the unit is now'), createdAt: z.string() })
  .meta({ id: 'Serial' });

export const SerialDetail = Serial.extend({ history: z.array(Movement) }).meta({ id: 'SerialDetail' });

export const SerialListQuery = PageQuery.extend({
  item: z.string().max(200).optional().describe('Item id or SKU'),
  location: z.string().max(200).optional().describe('A location and everything under it (or a virtual one, e.g. customer)'),
});

export const SerialParams = z.object({ ref: z.string().min(1).max(200), serial: z.string().min(1).max(100) });
