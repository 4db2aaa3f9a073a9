import type { PurchaseOrderLine, PurchaseOrderStatus } from '../api/types';
import { compareQuantities } from '../lib/quantity';

export type LineState = 'draft' | 'open' | 'partial' | 'received' | 'over' | 'closed-short' | 'closed' | 'unplanned' | 'cancelled';

export const LINE_STATE_LABELS: Record<LineState, string> = {
  draft: 'draft', open: 'awaited', partial: 'partly received', received: 'received', over: 'over-received',
  'closed-short': 'closed short', closed: 'closed', unplanned: 'unplanned', cancelled: 'cancelled',
};

/** Where one line stands, from its figures and its order's status. */
export function lineState(line: PurchaseOrderLine, status: PurchaseOrderStatus): LineState {
  if (status === 'draft') return 'draft';
  if (status === 'cancelled') return 'cancelled';
  if (line.unplanned) return 'unplanned';
  const versus = compareQuantities(line.received, line.quantity);
  if (line.closed) return versus < 0 ? 'closed-short' : 'closed';
  if (versus > 0) return 'over';
  if (versus === 0) return 'received';
  return compareQuantities(line.received, '0') > 0 ? 'partial' : 'open';
}
