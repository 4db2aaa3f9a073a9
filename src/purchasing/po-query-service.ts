import { getItem, itemRefsByIds } from '../catalog/item-service.js';
import type { Executor, PurchaseOrderLineRow, PurchaseOrderRow, PurchaseReceiptRow } from '../db/schema.js';
import { getLocation, locationRefsByIds } from '../locations/location-service.js';
import { notFound } from '../shared/errors.js';
import { formatCost } from '../shared/money.js';
import { decodeCursor, encodeCursor, toPage, type Page } from '../shared/page.js';
import { formatScaled } from '../shared/quantity.js';
import { parseTimestamp } from '../shared/time.js';
import * as repo from './po-repository.js';
import { discrepancyOf, formatValue, lineValue, openQuantity, type LineState } from './po-rules.js';
import type { DiscrepancyEntry, DiscrepancyQuery, PurchaseOrder, PurchaseOrderLine, PurchaseOrderQuery, PurchaseOrderSummary, Receipt } from './po-types.js';
import { receiptLinesOf, listReceiptRows } from './receipt-repository.js';
import { termsForOrder } from './supplier-item-service.js';
import { requireSupplier, suppliersByIds } from './supplier-service.js';

export async function getPurchaseOrder(db: Executor, ref: string): Promise<PurchaseOrder> {
  const row = await repo.findOrderByRef(db, ref);
  if (!row) throw notFound('purchase order', ref);
  return toOrder(db, row);
}

/** Loads an order to change it, locking its row (see lockOrderByRef). */
export async function lockOrder(db: Executor, ref: string): Promise<PurchaseOrderRow> {
  const row = await repo.lockOrderByRef(db, ref);
  if (!row) throw notFound('purchase order', ref);
  return row;
}

/** Orders newest first, with their totals but not their lines. */
export async function listPurchaseOrders(db: Executor, query: PurchaseOrderQuery): Promise<Page<PurchaseOrderSummary>> {
  const filter = await orderFilter(db, query);
  const rows = await repo.listOrderRows(db, filter);
  const page = toPage(rows, query.limit, (r) => r.id, (r) => r);
  return { data: await toSummaries(db, page.data), nextCursor: page.nextCursor };
}

export async function orderFilter(db: Executor, query: PurchaseOrderQuery): Promise<repo.OrderFilter> {
  return {
    status: query.status, search: query.search, limit: query.limit,
    supplierId: query.supplier === undefined ? undefined : (await requireSupplier(db, query.supplier, '/supplier')).id,
    siteId: query.site === undefined ? undefined : (await getLocation(db, query.site)).id,
    itemId: query.item === undefined ? undefined : (await getItem(db, query.item)).id,
    beforeId: query.cursor === undefined ? undefined : decodeCursor<string>(query.cursor, 'string'),
  };
}

/** An order's receipts and returns, oldest first: who took in what, where and when. */
export async function listReceipts(db: Executor, ref: string, query: { cursor?: string | undefined; limit: number }): Promise<Page<Receipt>> {
  const order = await repo.findOrderByRef(db, ref);
  if (!order) throw notFound('purchase order', ref);
  const afterId = query.cursor === undefined ? undefined : decodeCursor<string>(query.cursor, 'string');
  const rows = await listReceiptRows(db, { orderId: order.id, afterId, limit: query.limit });
  const page = toPage(rows, query.limit, (r) => r.id, (r) => r);
  return { data: await toReceipts(db, page.data), nextCursor: page.nextCursor };
}

/** Lines whose receipts differ from the order (short once closed, over, unplanned), across orders. */
export async function listDiscrepancies(db: Executor, query: DiscrepancyQuery): Promise<Page<DiscrepancyEntry>> {
  const cursor = query.cursor === undefined ? undefined : decodeCursor<string>(query.cursor, 'string').split('\u0000');
  const rows = await repo.listDiscrepancyRows(db, {
    kind: query.kind, limit: query.limit,
    supplierId: query.supplier === undefined ? undefined : (await requireSupplier(db, query.supplier, '/supplier')).id,
    siteId: query.site === undefined ? undefined : (await getLocation(db, query.site)).id,
    itemId: query.item === undefined ? undefined : (await getItem(db, query.item)).id,
    orderedFrom: query.from === undefined ? undefined : parseTimestamp(query.from, '/from'),
    orderedTo: query.to === undefined ? undefined : parseTimestamp(query.to, '/to'),
    after: cursor === undefined ? undefined : { orderId: cursor[0] ?? '', lineNo: Number(cursor[1] ?? 0) },
  });
  const pageRows = rows.slice(0, query.limit);
  const [items, suppliers, sites] = await Promise.all([
    itemRefsByIds(db, pageRows.map((r) => r.item_id)),
    suppliersByIds(db, pageRows.map((r) => r.supplier_id)),
    locationRefsByIds(db, pageRows.map((r) => r.site_id)),
  ]);
  const last = pageRows[pageRows.length - 1];
  return {
    data: pageRows.flatMap((r) => {
      const item = items.get(r.item_id);
      const found = discrepancyOf(stateOf(r));
      if (!found) return [];
      const decimals = item?.decimals ?? 0;
      const supplier = suppliers.get(r.supplier_id);
      const site = sites.get(r.site_id);
      return [{
        purchaseOrder: { id: r.purchase_order_id, number: r.number, status: r.status, orderedAt: r.ordered_at },
        supplier: { id: r.supplier_id, code: supplier?.code ?? r.supplier_id, name: supplier?.name ?? '' },
        site: { id: r.site_id, code: site?.code ?? r.site_id, name: site?.name ?? '' },
        line: { id: r.id, lineNo: r.line_no },
        item: { id: r.item_id, sku: item?.sku ?? r.item_id, name: item?.name ?? '' },
        kind: found.kind,
        ordered: formatScaled(Number(r.quantity), decimals), received: formatScaled(Number(r.received_quantity), decimals),
        difference: formatScaled(found.difference, decimals),
      }];
    }),
    nextCursor: rows.length > query.limit && last ? encodeCursor(`${last.purchase_order_id}\u0000${last.line_no}`) : null,
  };
}

/** Still expected per item × destination site (scaled integers), for the stock views. */
export async function incomingBySite(db: Executor, itemIds?: readonly string[]): Promise<Array<{ itemId: string; siteId: string; quantity: number }>> {
  const rows = await repo.sumIncoming(db, { itemIds });
  return rows.map((r) => ({ itemId: r.item_id, siteId: r.site_id, quantity: Number(r.quantity) }));
}

/** On draft orders per item × destination site (scaled integers): planning counts them so a need is not drafted twice. */
export async function draftedBySite(db: Executor, itemIds?: readonly string[]): Promise<Array<{ itemId: string; siteId: string; quantity: number }>> {
  const rows = await repo.sumDrafted(db, { itemIds });
  return rows.map((r) => ({ itemId: r.item_id, siteId: r.site_id, quantity: Number(r.quantity) }));
}

export function stateOf(line: PurchaseOrderLineRow): LineState {
  return {
    quantity: Number(line.quantity), received: Number(line.received_quantity), returned: Number(line.returned_quantity),
    unplanned: line.unplanned === 1, closed: line.closed_at !== null,
  };
}

export async function toOrder(db: Executor, row: PurchaseOrderRow): Promise<PurchaseOrder> {
  const lines = await repo.linesOf(db, [row.id]);
  const [summary] = await toSummaries(db, [row], lines);
  const [items, terms] = await Promise.all([itemRefsByIds(db, lines.map((l) => l.item_id)), termsForOrder(db, row.supplier_id, lines.map((l) => l.item_id))]);
  const shaped: PurchaseOrderLine[] = lines.map((l) => {
    const item = items.get(l.item_id);
    const decimals = item?.decimals ?? 0;
    const q = (value: number) => formatScaled(Number(value), decimals);
    const unitPrice = l.unit_price === null ? null : Number(l.unit_price);
    return {
      id: l.id, lineNo: l.line_no, item: { id: l.item_id, sku: item?.sku ?? l.item_id, name: item?.name ?? '', unit: item?.unit ?? '' },
      supplierSku: terms.get(l.item_id)?.supplierSku ?? null,
      quantity: q(l.quantity), unitPrice: formatCost(unitPrice), lineTotal: formatValue(lineValue(Number(l.quantity), decimals, unitPrice)),
      expectedDate: l.expected_date, received: q(l.received_quantity), returned: q(l.returned_quantity), open: q(openQuantity(stateOf(l))),
      closed: l.closed_at !== null, unplanned: l.unplanned === 1,
    };
  });
  const discrepancies = lines.flatMap((l, i) => {
    const found = discrepancyOf(stateOf(l));
    const line = shaped[i] as PurchaseOrderLine;
    if (!found) return [];
    const difference = formatScaled(found.difference, items.get(l.item_id)?.decimals ?? 0);
    return [{ line: { id: l.id, lineNo: l.line_no }, item: { id: line.item.id, sku: line.item.sku }, kind: found.kind, ordered: line.quantity, received: line.received, difference }];
  });
  return { ...(summary as PurchaseOrderSummary), lines: shaped, discrepancies };
}

/** Headers with names and totals; `knownLines` saves a query when the caller already has them. */
export async function toSummaries(db: Executor, rows: PurchaseOrderRow[], knownLines?: PurchaseOrderLineRow[]): Promise<PurchaseOrderSummary[]> {
  const lines = knownLines ?? (await repo.linesOf(db, rows.map((r) => r.id)));
  const [items, suppliers, sites] = await Promise.all([
    itemRefsByIds(db, lines.map((l) => l.item_id)),
    suppliersByIds(db, rows.map((r) => r.supplier_id)),
    locationRefsByIds(db, rows.map((r) => r.site_id)),
  ]);
  return rows.map((r) => {
    const mine = lines.filter((l) => l.purchase_order_id === r.id);
    const total = mine.reduce((sum, l) => sum + lineValue(Number(l.quantity), items.get(l.item_id)?.decimals ?? 0, l.unit_price === null ? null : Number(l.unit_price)), 0n);
    const supplier = suppliers.get(r.supplier_id);
    const site = sites.get(r.site_id);
    return {
      id: r.id, number: r.number, status: r.status,
      supplier: { id: r.supplier_id, code: supplier?.code ?? r.supplier_id, name: supplier?.name ?? '' },
      site: { id: r.site_id, code: site?.code ?? r.site_id, name: site?.name ?? '' },
      currency: r.currency, expectedDate: r.expected_date, notes: r.notes, lineCount: mine.length, total: formatValue(total),
      createdBy: { id: r.created_by, name: r.created_by_name }, createdAt: r.created_at, updatedAt: r.updated_at, orderedAt: r.ordered_at, closedAt: r.closed_at,
    };
  });
}

export async function toReceipts(db: Executor, rows: PurchaseReceiptRow[]): Promise<Receipt[]> {
  const lines = await receiptLinesOf(db, rows.map((r) => r.id));
  const [items, locations] = await Promise.all([itemRefsByIds(db, lines.map((l) => l.item_id)), locationRefsByIds(db, lines.map((l) => l.location_id))]);
  return rows.map((r) => ({
    id: r.id, purchaseOrderId: r.purchase_order_id, kind: r.kind, postingId: r.posting_id, reference: r.reference, note: r.note,
    receivedBy: { id: r.actor, name: r.actor_name }, receivedAt: r.occurred_at, recordedAt: r.recorded_at,
    lines: lines.filter((l) => l.receipt_id === r.id).map((l) => {
      const item = items.get(l.item_id);
      return {
        orderLineId: l.order_line_id, item: { id: l.item_id, sku: item?.sku ?? l.item_id },
        location: { id: l.location_id, code: locations.get(l.location_id)?.code ?? l.location_id },
        quantity: formatScaled(Number(l.quantity), item?.decimals ?? 0), unitCost: formatCost(l.unit_cost === null ? null : Number(l.unit_cost)), movementId: l.movement_id,
      };
    }),
  }));
}
