import { get, post, seg } from '../api/client';
import type { SalesOrder } from '../api/types';
import { newIdempotencyKey } from '../lib/idempotency';
import { compareQuantities } from '../lib/quantity';
import { pickedNotShipped } from './order-figures';

/** Per line, what was picked and has not left yet, never more than the line still holds. */
export function pickedLines(order: SalesOrder): Array<{ line: string; quantity: string }> {
  return order.lines.flatMap((l) => {
    const tote = pickedNotShipped(l);
    const quantity = compareQuantities(tote, l.reserved) > 0 ? l.reserved : tote;
    return compareQuantities(quantity, '0') > 0 ? [{ line: l.id, quantity }] : [];
  });
}

/**
 * Ships what was picked for each order, one shipment per order (read fresh, so a shipment made
 * meanwhile is not sent twice). Returns one sentence per order, refusals included.
 */
export async function shipPicked(orders: readonly string[]): Promise<{ shipped: string[]; failed: string[] }> {
  const shipped: string[] = [];
  const failed: string[] = [];
  for (const ref of orders) {
    try {
      const order = await get<SalesOrder>(`/api/v1/sales-orders/${seg(ref)}`);
      const lines = pickedLines(order);
      if (lines.length === 0) continue;
      const result = await post<{ order: SalesOrder }>(`/api/v1/sales-orders/${seg(order.id)}/ship`, { lines }, newIdempotencyKey());
      shipped.push(`${order.number} → ${result.order.status.replace('_', ' ')}`);
    } catch (error) {
      failed.push(`${ref}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { shipped, failed };
}
