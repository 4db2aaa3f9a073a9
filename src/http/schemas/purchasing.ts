import { z } from 'zod';
import { MAX_EXPORT } from '../../purchasing/po-export-service.js';
import { ItemBrief, Money, Note, PageQuery, Place, Quantity, QuantityText, Ref, Reference, Timestamp } from './common.js';
import { Movement, tracked } from './movements.js';

const Status = z.enum(['draft', 'ordered', 'partially_received', 'received', 'closed', 'cancelled']);
const Kind = z.enum(['short', 'over', 'unplanned']);
const DateOnly = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD').describe('A calendar day, YYYY-MM-DD').meta({ example: '2026-03-31' });
const Named = Place.extend({ name: z.string() });
const Actor = z.object({ id: z.string(), name: z.string() });
const Amount = z.string().describe('Exact amount in the order’s currency').meta({ example: '125.50' });

export const Discrepancy = z
  .object({
    line: z.object({ id: z.string(), lineNo: z.number().int() }), item: ItemBrief,
    kind: Kind.describe('short: the line was closed with less received; over: more received than ordered; unplanned: received but never ordered'),
    ordered: QuantityText, received: QuantityText, difference: QuantityText.describe('received − ordered; negative when short'),
  })
  .meta({ id: 'PurchaseDiscrepancy' });

const summaryShape = {
  id: z.string(), number: z.string().describe('Human-readable, unique: PO-000123'), status: Status, supplier: Named, site: Named.describe('Where the goods are delivered'),
  currency: z.string(), expectedDate: z.string().nullable(), notes: z.string().nullable(), lineCount: z.number().int(), total: Amount.describe('Σ ordered quantity × unit price'),
  createdBy: Actor, createdAt: z.string(), updatedAt: z.string(), orderedAt: z.string().nullable(), closedAt: z.string().nullable(),
};
export const PurchaseOrderSummary = z.object(summaryShape).meta({ id: 'PurchaseOrderSummary' });

export const PurchaseOrderLine = z
  .object({
    id: z.string(), lineNo: z.number().int(), item: ItemBrief.extend({ name: z.string(), unit: z.string() }), supplierSku: z.string().nullable(),
    quantity: QuantityText.describe('Ordered; 0 on an unplanned line'), unitPrice: z.string().nullable(), lineTotal: Amount, expectedDate: z.string().nullable(),
    received: QuantityText, returned: QuantityText, open: QuantityText.describe('Still expected (incoming)'), closed: z.boolean(),
    unplanned: z.boolean().describe('Received without being ordered'),
  })
  .meta({ id: 'PurchaseOrderLine' });

export const PurchaseOrder = z
  .object({ ...summaryShape, lines: z.array(PurchaseOrderLine), discrepancies: z.array(Discrepancy) })
  .meta({ id: 'PurchaseOrder' });

export const Receipt = z
  .object({
    id: z.string(), purchaseOrderId: z.string(), kind: z.enum(['receipt', 'return']), postingId: z.string().describe('The ledger posting of its movements'),
    reference: z.string().nullable(), note: z.string().nullable(), receivedBy: Actor, receivedAt: z.string().describe('Business time'), recordedAt: z.string(),
    lines: z.array(z.object({ orderLineId: z.string(), item: ItemBrief, location: Place, quantity: QuantityText, unitCost: z.string().nullable(), movementId: z.string() })),
  })
  .meta({ id: 'PurchaseReceipt' });

export const ReceiptResult = z.object({ receipt: Receipt, purchaseOrder: PurchaseOrder, movements: z.array(Movement) }).meta({ id: 'PurchaseReceiptResult' });

export const DiscrepancyEntry = Discrepancy.extend({
  purchaseOrder: z.object({ id: z.string(), number: z.string(), status: Status, orderedAt: z.string().nullable() }),
  supplier: Named, site: Named, item: ItemBrief.extend({ name: z.string() }),
}).meta({ id: 'PurchaseDiscrepancyEntry' });

const lineFields = {
  quantity: Quantity,
  unitPrice: Money.optional().describe('Defaults to the supplier’s price break for the quantity'),
  expectedDate: DateOnly.nullish().describe('Defaults to the order’s, else today plus the lead time'),
};
export const NewLineBody = z.object({ item: Ref('item'), ...lineFields }).strict().meta({ id: 'NewPurchaseOrderLine' });
export const LineChangesBody = z.object({ ...lineFields, quantity: Quantity.optional() }).strict().meta({ id: 'PurchaseOrderLineChanges' });

export const NewPurchaseOrderBody = z
  .object({
    supplier: Ref('supplier'), site: Ref('location').describe('The site (warehouse or store) the goods are delivered to'),
    expectedDate: DateOnly.nullish(), notes: z.string().max(5000).nullish(), lines: z.array(NewLineBody).max(1000).optional(),
  })
  .strict()
  .meta({ id: 'NewPurchaseOrder' });

export const PurchaseOrderChangesBody = z
  .object({ site: Ref('location').optional(), expectedDate: DateOnly.nullish(), notes: z.string().max(5000).nullish() })
  .strict()
  .meta({ id: 'PurchaseOrderChanges' });

export const ActionBody = z.strictObject({ note: Note.optional() }).default({});

const lineRef = {
  line: z.string().min(1).max(200).optional().describe('The order line id'),
  item: z.string().min(1).max(200).optional().describe('…or the item: id, SKU or a scanned barcode'),
  quantity: Quantity,
  location: Ref('location').optional().describe('Overrides the receipt’s location for this line'),
  ...tracked,
};
const common = { reference: Reference.optional().describe('e.g. the delivery note; defaults to the order number'), note: Note.optional(), occurredAt: Timestamp.optional() };

export const ReceiveBody = z
  .object({
    location: Ref('location').optional().describe('A bin, zone or the site itself, within the order’s destination site'),
    lines: z.array(z.strictObject({ ...lineRef, unitCost: Money.optional().describe('Only for items not on the order') })).min(1).max(1000),
    ...common,
  })
  .strict()
  .meta({ id: 'NewPurchaseReceipt' });

export const ReturnBody = z
  .object({ location: Ref('location').optional().describe('Where the goods leave from'), lines: z.array(z.strictObject(lineRef)).min(1).max(1000), ...common })
  .strict()
  .meta({ id: 'NewSupplierReturn' });

/** One status or several, comma-separated (`ordered,partially_received`: everything still expected). */
const StatusList = z
  .string()
  .max(200)
  .transform((text) => text.split(',').map((s) => s.trim()))
  .pipe(z.array(Status).min(1))
  .describe('A status, or several separated by commas, e.g. `ordered,partially_received`');

export const PurchaseOrderListQuery = PageQuery.extend({
  status: StatusList.optional(),
  supplier: z.string().max(200).optional().describe('Supplier id or code'),
  site: z.string().max(200).optional().describe('Destination site id or code'),
  item: z.string().max(200).optional().describe('Orders with a line of this item (id or SKU)'),
  search: z.string().max(100).optional().describe('Matches the order number'),
});

export const ExportQuery = PurchaseOrderListQuery.extend({ limit: z.coerce.number().int().min(1).max(MAX_EXPORT).default(1000) });

export const DiscrepancyQuery = PageQuery.extend({
  kind: Kind.optional(),
  supplier: z.string().max(200).optional(),
  site: z.string().max(200).optional(),
  item: z.string().max(200).optional(),
  from: Timestamp.optional().describe('Orders sent at or after'),
  to: Timestamp.optional().describe('Orders sent before'),
});

export const html = { description: 'A printable HTML page', content: { 'text/html': { schema: z.string() } } };
export const csv = { description: 'RFC 4180 CSV, one record per order; `Next-Cursor` header when more remain', content: { 'text/csv': { schema: z.string() } } };
