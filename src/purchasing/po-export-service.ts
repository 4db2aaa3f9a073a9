import type { Executor } from '../db/schema.js';
import { getLocation } from '../locations/location-service.js';
import { toCsv } from '../shared/csv.js';
import { toPage } from '../shared/page.js';
import { nowIso } from '../shared/time.js';
import { ORDER_CSV_HEADER, orderCsvRow, renderOrderHtml } from './po-document.js';
import { getPurchaseOrder, orderFilter, toSummaries } from './po-query-service.js';
import * as repo from './po-repository.js';
import type { PurchaseOrderQuery } from './po-types.js';
import { requireSupplier } from './supplier-service.js';

export const MAX_EXPORT = 5000;

/** The order as a printable HTML page (Ctrl+P or "save as PDF" in any browser). */
export async function printPurchaseOrder(db: Executor, ref: string): Promise<string> {
  const order = await getPurchaseOrder(db, ref);
  const [supplier, site] = await Promise.all([requireSupplier(db, order.supplier.id), getLocation(db, order.site.id)]);
  return renderOrderHtml({
    order,
    supplier: { code: supplier.code, name: supplier.name, email: supplier.email, phone: supplier.phone, address: supplier.address, paymentTerms: supplier.payment_terms },
    site: { code: site.code, name: site.name },
    printedAt: nowIso(),
  });
}

/**
 * Orders matching the list filters as CSV, one record per order, newest first. Bounded like every
 * list: at most `limit` orders, and `nextCursor` continues where this part ended.
 */
export async function exportPurchaseOrders(db: Executor, query: PurchaseOrderQuery): Promise<{ csv: string; nextCursor: string | null }> {
  const rows = await repo.listOrderRows(db, await orderFilter(db, query));
  const page = toPage(rows, query.limit, (r) => r.id, (r) => r);
  const summaries = await toSummaries(db, page.data);
  return { csv: toCsv([ORDER_CSV_HEADER, ...summaries.map(orderCsvRow)]), nextCursor: page.nextCursor };
}
