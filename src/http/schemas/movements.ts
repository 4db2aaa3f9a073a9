import { z } from 'zod';
import { MOVEMENT_KINDS } from '../../ledger/movement-types.js';
import { ItemBrief, Money, Note, PageQuery, Place, Quantity, QuantityText, Ref, Reference, Timestamp } from './common.js';

export const Movement = z
  .object({
    id: z.string(), seq: z.number().int().describe('Ledger sequence number: orders all movements'), postingId: z.string().describe('Movements posted together share it'),
    kind: z.string(), item: ItemBrief, quantity: QuantityText, from: Place, to: Place, unitCost: z.string().nullable(), reasonCode: z.string().nullable(),
    document: z.object({ type: z.string(), id: z.string() }).nullable(), reference: z.string().nullable(), reversesId: z.string().nullable(),
    note: z.string().nullable(), actor: z.object({ id: z.string(), name: z.string() }), occurredAt: z.string(), recordedAt: z.string(),
    lot: z.object({ id: z.string(), number: z.string() }).nullable().describe('The lot moved (lot-tracked items)'),
    serials: z.array(z.string()).describe('The serial numbers moved (serial-tracked items)'),
  })
  .meta({ id: 'Movement' });

const DateOnly = z.string().max(10).describe('YYYY-MM-DD');
/** A lot as a request names it (see docs/tracking.md). */
export const LotRef = z
  .union([
    z.string().min(1).max(100).describe('Lot number or id'),
    z.strictObject({ number: z.string().min(1).max(100), manufacturedOn: DateOnly.optional(), expiresOn: DateOnly.optional() }).describe('A lot with its dates; created on first receipt'),
  ])
  .describe('Lot-tracked items only. Incoming stock must name its lot; outgoing stock without a lot is taken first-expired-first-out');
export const Serials = z.array(z.string().min(1).max(100)).max(10000).describe('Serial-tracked items only: one serial number per unit');
export const tracked = { lot: LotRef.optional(), serials: Serials.optional() };

export const Posting = z.object({ postingId: z.string(), movements: z.array(Movement) }).meta({ id: 'Posting' });

const common = { reference: Reference.optional(), note: Note.optional(), occurredAt: Timestamp.optional().describe('Business time; may be backdated; defaults to now') };

export const MovementBody = z
  .object({
    item: Ref('item'), quantity: Quantity, from: Ref('location'), to: Ref('location'),
    kind: z.enum(MOVEMENT_KINDS).optional().describe('Why stock moved; defaults to move'),
    unitCost: Money.optional(), reasonCode: z.string().max(50).optional().describe('Required for kind adjustment'), ...common, ...tracked,
  })
  .strict()
  .meta({ id: 'NewMovement' });

export const BatchBody = z.object({ movements: z.array(MovementBody).min(1).max(1000) }).strict().meta({ id: 'MovementBatch' });

const Line = z.strictObject({ item: Ref('item'), quantity: Quantity, ...tracked });

export const ReceiveBody = z
  .object({
    location: Ref('location').describe('Where the goods go: a site, zone or bin'),
    source: Ref('location').optional().describe('A supplier location; defaults to the built-in `supplier`'),
    lines: z.array(Line.extend({ unitCost: Money.optional() })).min(1).max(1000), ...common,
  })
  .strict()
  .meta({ id: 'Receipt' });

export const ShipBody = z
  .object({
    location: Ref('location').describe('A sellable site, zone or bin to ship from'),
    destination: Ref('location').optional().describe('A customer location; defaults to the built-in `customer`'),
    lines: z.array(Line).min(1).max(1000), ...common,
  })
  .strict()
  .meta({ id: 'Shipment' });

export const AdjustBody = z
  .object({
    location: Ref('location'),
    reason: z.string().min(1).max(50).describe('A reason code (GET /api/v1/reason-codes)'),
    lines: z
      .array(z.strictObject({ item: Ref('item'), delta: Quantity.optional().describe('Signed change, e.g. "-2"'), countedQuantity: Quantity.optional().describe('Set on hand to what was counted (of the lot, when one is named)'), ...tracked }))
      .min(1)
      .max(1000),
    ...common,
  })
  .strict()
  .meta({ id: 'Adjustment' });

export const TransferBody = z
  .object({
    from: Ref('location'), to: Ref('location'),
    mode: z.enum(['immediate', 'two-step']).default('immediate').describe('two-step: goods wait in transit until the destination receives them'),
    lines: z.array(Line).min(1).max(1000), ...common,
  })
  .strict()
  .meta({ id: 'NewTransfer' });

export const CommonBody = z.object(common).strict().meta({ id: 'OperationDetails' });

export const Transfer = z
  .object({
    id: z.string(), mode: z.enum(['immediate', 'two-step']), status: z.enum(['in_transit', 'received', 'cancelled']), from: Place, to: Place,
    reference: z.string().nullable(), lines: z.array(z.object({ item: ItemBrief, quantity: QuantityText })), createdAt: z.string(), closedAt: z.string().nullable(),
  })
  .meta({ id: 'Transfer' });

export const TransferResult = z.object({ transfer: Transfer, movements: z.array(Movement) });

export const MovementListQuery = PageQuery.extend({
  item: z.string().max(200).optional().describe('Item id or SKU'),
  location: z.string().max(200).optional().describe('Into or out of this location or anything under it'),
  kind: z.string().max(50).optional(),
  documentType: z.string().max(50).optional(),
  documentId: z.string().max(200).optional(),
  postingId: z.string().max(200).optional(),
  from: Timestamp.optional().describe('occurredAt ≥ from'),
  to: Timestamp.optional().describe('occurredAt < to'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
