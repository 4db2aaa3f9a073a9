import { get, post, seg } from '../api/client';
import type { SalesOrder } from '../api/types';
import { newIdempotencyKey } from '../lib/idempotency';
import { pickedLines } from './order-figures';

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
