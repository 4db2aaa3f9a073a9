import { getDocument, seg, withQuery } from '../api/client';
import type { PurchaseOrderFilters } from '../api/purchasing-queries';

/** Most parts fetched for one export (each up to 5,000 orders). */
const MAX_PARTS = 40;

/**
 * Purchase orders as one CSV file. The export comes in parts of at most 5,000 orders, the next
 * part named by the Next-Cursor header; the parts are joined under the first part's header row.
 */
export async function exportCsv(filters: PurchaseOrderFilters): Promise<string> {
  let csv = '';
  let cursor: string | undefined;
  for (let part = 0; part < MAX_PARTS; part++) {
    const { text, headers } = await getDocument(withQuery('/api/v1/purchase-orders/export', { ...filters, cursor, limit: 5000 }), 'text/csv');
    csv += part === 0 ? text : text.slice(text.indexOf('\r\n') + 2);
    cursor = headers.get('next-cursor') ?? undefined;
    if (!cursor) break;
  }
  return csv;
}

/** Hands a text to the browser as a download. */
export function saveText(text: string, filename: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The order's printable page (self-contained HTML: inline styles, no scripts). */
export async function printableHtml(order: string): Promise<string> {
  return (await getDocument(`/api/v1/purchase-orders/${seg(order)}/print`, 'text/html')).text;
}
