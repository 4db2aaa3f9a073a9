import { z } from 'zod';
import { ItemBrief, Note, PageQuery, Place, Quantity, QuantityText, Ref, Reference, Timestamp } from './common.js';

const figures = { onHand: QuantityText, reserved: QuantityText, available: QuantityText.describe('on hand − reserved in sellable locations'), inTransit: QuantityText.describe('on its way here in two-step transfers'), incoming: QuantityText.describe('still expected on open purchase orders; shown at the order’s destination site and in its roll-up') };
const NamedPlace = Place.extend({ name: z.string() });

export const StockRow = z.object({ item: ItemBrief, location: NamedPlace.extend({ siteId: z.string().nullable() }), ...figures }).meta({ id: 'StockRow' });

export const ItemStock = z
  .object({
    item: ItemBrief.extend({ unit: z.string() }),
    total: z.object(figures),
    sites: z.array(z.object({ site: NamedPlace, ...figures })),
    locations: z.array(z.object({ location: NamedPlace.extend({ siteId: z.string().nullable(), sellable: z.boolean() }), ...figures })),
  })
  .meta({ id: 'ItemStock' });

export const StockQuery = PageQuery.extend({
  item: z.string().max(200).optional().describe('Item id or SKU'),
  location: z.string().max(200).optional().describe('A location; includes everything under it'),
});

export const StockAsOfQuery = PageQuery.extend({ at: Timestamp, item: z.string().max(200).optional() });
export const StockAsOfRow = z.object({ item: ItemBrief, location: NamedPlace, onHand: QuantityText });

const ReservationStatus = z.enum(['active', 'released', 'consumed', 'expired']);
export const Reservation = z
  .object({
    id: z.string(), item: ItemBrief, location: Place, quantity: QuantityText.describe('Held now, or held when it closed'), status: ReservationStatus,
    expiresAt: z.string().nullable(), reference: z.string().nullable(), createdAt: z.string(), closedAt: z.string().nullable(),
    lots: z.array(z.object({ id: z.string(), number: z.string(), expiresOn: z.string().nullable(), quantity: QuantityText })).describe('Lot-tracked items: the lots held, first-expired-first-out'),
  })
  .meta({ id: 'Reservation' });

export const NewReservationBody = z
  .object({
    item: Ref('item'), location: Ref('location'), quantity: Quantity,
    expiresAt: Timestamp.optional().describe('Release automatically at this time'),
    ttlSeconds: z.number().int().positive().max(31_536_000).optional().describe('…or this many seconds from now (checkout holds)'),
    reference: Reference.optional(),
  })
  .strict()
  .meta({ id: 'NewReservation' });

export const ConsumeBody = z
  .object({
    quantity: Quantity.optional().describe('Defaults to everything held'), reference: Reference.optional(), note: Note.optional(), occurredAt: Timestamp.optional(),
    serials: z.array(z.string().min(1).max(100)).max(10000).optional().describe('Serial-tracked items: the units shipped, one per unit'),
  })
  .meta({ id: 'ConsumeReservation' });

export const ReservationListQuery = PageQuery.extend({
  item: z.string().max(200).optional(), location: z.string().max(200).optional(), status: ReservationStatus.optional(), reference: z.string().max(200).optional(),
});
