import { z } from 'zod';
import { ItemBrief, Note, PageQuery, Place, Quantity, QuantityText, Ref, Reference, Timestamp } from './common.js';
import { Tracking } from './items.js';
import { Movement, Serials } from './movements.js';

const Status = z.enum(['authorised', 'partially_received', 'received', 'closed', 'cancelled']);
const Reason = z.string().min(1).max(50).describe('A reason code (GET /api/v1/reason-codes), e.g. `wrong-item`, `not-wanted`, `defective`, `damage`');
const LotNumber = z.string().min(1).max(100);
const LineRef = {
  line: z.string().min(1).max(200).optional().describe('The return line id'),
  item: z.string().min(1).max(200).optional().describe('…or the item: id, SKU or a scanned barcode'),
  lot: LotNumber.optional().describe('Lot-tracked items: the lot as scanned (number or id); it picks the line of that lot and must be the line’s'),
  serials: Serials.optional().describe('Serial-tracked items: which units, one per unit; defaults to all the line has for the step when that is the quantity'),
};
const ReturnLot = z.object({ id: z.string(), number: z.string(), expiresOn: z.string().nullable() }).meta({ id: 'ReturnLot' });

export const ReturnLine = z
  .object({
    id: z.string(), lineNo: z.number().int(),
    orderLine: z.object({ id: z.string(), lineNo: z.number().int() }).nullable().describe('The sales order line; null on a return without an order'),
    item: ItemBrief.extend({ name: z.string(), unit: z.string(), tracking: Tracking }),
    authorised: QuantityText, received: QuantityText, restocked: QuantityText, scrapped: QuantityText,
    inQc: QuantityText.describe('Received, not yet restocked or scrapped'),
    reasonCode: z.string().describe('Why the customer sent it back'), note: z.string().nullable(),
    lot: ReturnLot.nullable().describe('Lot-tracked items: the one lot that comes back on this line'),
    serials: z.array(z.string()).describe('Serial-tracked items: the serials authorised to come back (empty when named on arrival)'),
  })
  .meta({ id: 'ReturnLine' });

const header = {
  id: z.string(), number: z.string().describe('RMA-000123'), status: Status,
  order: z.object({ id: z.string(), number: z.string() }).nullable(), channel: Place.nullable(),
  customerName: z.string().nullable(), notes: z.string().nullable(), lines: z.array(ReturnLine),
  createdBy: z.object({ id: z.string(), name: z.string() }), createdAt: z.string(), updatedAt: z.string(), closedAt: z.string().nullable(),
};

export const ReturnSummary = z.object(header).meta({ id: 'ReturnSummary' });

export const ReturnEntry = z
  .object({
    id: z.string(), action: z.enum(['receipt', 'restock', 'scrap']), line: z.object({ id: z.string(), lineNo: z.number().int() }), item: ItemBrief,
    quantity: QuantityText, from: Place, to: Place, reasonCode: z.string().nullable(), movementId: z.string(),
    lot: ReturnLot.nullable().describe('The lot moved (lot-tracked items)'), serials: z.array(z.string()).describe('The serials moved (serial-tracked items)'), note: z.string().nullable(),
    by: z.object({ id: z.string(), name: z.string() }), occurredAt: z.string(), recordedAt: z.string(),
  })
  .meta({ id: 'ReturnEntry' });

export const Return = z
  .object({ ...header, history: z.array(ReturnEntry).describe('Each receipt, restock and scrap, oldest first'), movements: z.array(Movement).describe('The ledger movements of this return') })
  .meta({ id: 'CustomerReturn' });

export const NewReturnBody = z
  .strictObject({
    order: Ref('sales order').optional().describe('The sales order (id or number) the goods were sold on'),
    channel: Ref('channel').optional().describe('Only without an order: the till (a `pos` channel) taking the goods back'),
    customerName: z.string().trim().max(200).optional().describe('Defaults to the order’s customer'),
    notes: z.string().max(5000).optional(),
    lines: z.array(z.strictObject({
      line: z.string().min(1).max(200).optional().describe('The sales order line id'),
      item: z.string().min(1).max(200).optional().describe('…or the item: id, SKU or a scanned barcode'),
      quantity: Quantity, reason: Reason, note: Note.optional(),
      lot: LotNumber.optional().describe('Lot-tracked items: the lot (number or id) that comes back; against an order it defaults to the only lot with something left to return. Required at a till'),
      serials: Serials.optional().describe('Serial-tracked items: the serials that come back, one per unit; against an order they may be named on arrival instead. Required at a till'),
    })).max(1000),
  })
  .meta({ id: 'NewCustomerReturn' });

export const ReceiveReturnBody = z
  .strictObject({
    location: Ref('location').describe('The quality-control location: physical and not sellable'),
    lines: z.array(z.strictObject({ ...LineRef, quantity: Quantity })).min(1).max(1000).optional().describe('Omitted: everything still expected'),
    reference: Reference.optional().describe('Defaults to the order number'), note: Note.optional(), occurredAt: Timestamp.optional(),
  })
  .meta({ id: 'CustomerReturnReceipt' });

export const DisposeBody = z
  .strictObject({
    lines: z.array(z.strictObject({
      ...LineRef, quantity: Quantity,
      action: z.enum(['restock', 'scrap']),
      location: Ref('location').optional().describe('Restock only: the sellable bin the units go back to'),
      from: Ref('location').optional().describe('The quality-control location to take from; defaults to where the line’s units were received, first received first'),
      reason: Reason,
    })).min(1).max(1000),
    note: Note.optional(), occurredAt: Timestamp.optional(),
  })
  .meta({ id: 'CustomerReturnDisposition' });

export const ReturnStepResult = z.object({ return: Return, movements: z.array(Movement) }).meta({ id: 'CustomerReturnStep' });
export const ReturnActionBody = z.strictObject({ note: Note.optional() }).default({});

const StatusList = z
  .string()
  .max(200)
  .transform((text) => text.split(',').map((s) => s.trim()))
  .pipe(z.array(Status).min(1))
  .describe('A status, or several separated by commas, e.g. `authorised,partially_received`');

export const OrderReturnsQuery = PageQuery.extend({
  status: StatusList.optional(),
  item: z.string().max(200).optional().describe('Returns with a line of this item (id or SKU)'),
});

export const ReturnListQuery = OrderReturnsQuery.extend({
  order: z.string().max(200).optional().describe('Sales order id or number'),
  channel: z.string().max(200).optional().describe('Channel id or code'),
});

export const ReturnableLine = z
  .object({
    line: z.object({ id: z.string(), lineNo: z.number().int() }),
    item: ItemBrief.extend({ name: z.string(), unit: z.string(), tracking: Tracking }),
    shipped: QuantityText, returnable: QuantityText.describe('Shipped less what returns already take up'),
    lots: z.array(ReturnLot.extend({ shipped: QuantityText, returnable: QuantityText })).describe('Lot-tracked items: the lots the order shipped of the item, with what may still come back of each'),
    serials: z.array(z.string()).describe('Serial-tracked items: shipped serials that are with the customer and on no other return'),
  })
  .meta({ id: 'ReturnableLine' });
