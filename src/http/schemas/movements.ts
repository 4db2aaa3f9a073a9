import { z } from 'zod';
import { MOVEMENT_KINDS } from '../../ledger/movement-types.js';
import { ItemBrief, Money, Note, PageQuery, Place, Quantity, QuantityText, Ref, Reference, Timestamp } from './common.js';

export const Movement = z
  .object({
    id: z.string(), seq: z.number().int().describe('Ledger sequence number: orders all movements'), postingId: z.string().describe('Movements posted together share it'),
    kind: z.string(), item: ItemBrief, quantity: QuantityText, from: Place, to: Place, unitCost: z.string().nullable(), reasonCode: z.string().nullable(),
    document: z.object({ type: z.string(), id: z.string() }).nullable(), reference: z.string().nullable(), reversesId: z.string().nullable(),
    note: z.string().nullable(), actor: z.object({ id: z.string(), name: z.string() }), occurredAt: z.string(), recordedAt: z.string(),
  })
  .meta({ id: 'Movement' });

export const Posting = z.object({ postingId: z.string(), movements: z.array(Movement) }).meta({ id: 'Posting' });

const common = { reference: Reference.optional(), note: Note.optional(), occurredAt: Timestamp.optional().describe('Business time; may be backdated; defaults to now') };

export const MovementBody = z
  .object({
    item: Ref('item'), quantity: Quantity, from: Ref('location'), to: Ref('location'),
    kind: z.enum(MOVEMENT_KINDS).optional().describe('Why stock moved; defaults to move'),
    unitCost: Money.optional(), reasonCode: z.string().max(50).optional().describe('Required for kind adjustment'), ...common,
  })
  .strict()
  .meta({ id: 'NewMovement' });

export const BatchBody = z.object({ movements: z.array(MovementBody).min(1).max(1000) }).strict().meta({ id: 'MovementBatch' });

const Line = z.strictObject({ item: Ref('item'), quantity: Quantity });

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
      .array(z.strictObject({ item: Ref('item'), delta: Quantity.optional().describe('Signed change, e.g. "-2"'), countedQuantity: Quantity.optional().describe('Set on hand to what was counted') }))
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
