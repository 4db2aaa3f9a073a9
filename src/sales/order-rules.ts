import type { SalesOrderStatus } from '../db/schema.js';

/**
 * The sales order state machine, pure. Every change of status is an explicit action:
 *
 *   reserved | backordered ──pick──▶ picking ──ship──▶ partially_shipped ──ship──▶ shipped ──deliver──▶ delivered
 *   reserved | backordered | picking | partially_shipped ──cancel──▶ cancelled (remaining holds released)
 *   reserved | backordered (with an expiry) ──expiry passes──▶ expired (holds released)
 *
 * Ship also works straight from reserved (picking is optional) and allocate tops up backorders
 * in any open state.
 */
export type SalesAction = 'pick' | 'ship' | 'deliver' | 'cancel' | 'allocate' | 'confirm' | 'expire';

const ALLOWED: Record<SalesAction, SalesOrderStatus[]> = {
  pick: ['reserved', 'backordered', 'picking', 'partially_shipped'],
  ship: ['reserved', 'backordered', 'picking', 'partially_shipped'],
  deliver: ['shipped'],
  cancel: ['reserved', 'backordered', 'picking', 'partially_shipped'],
  allocate: ['reserved', 'backordered', 'picking', 'partially_shipped'],
  confirm: ['reserved', 'backordered'],
  expire: ['reserved', 'backordered'],
};

const WHY: Partial<Record<SalesOrderStatus, string>> = {
  shipped: 'it has shipped in full',
  delivered: 'it has been delivered',
  cancelled: 'it was cancelled',
  expired: 'its checkout hold expired',
};

export function actionProblem(status: SalesOrderStatus, action: SalesAction): string | null {
  if (ALLOWED[action].includes(status)) return null;
  return `cannot ${action} an order that is ${status}${WHY[status] ? ` (${WHY[status]})` : ''}`;
}

export function soNumber(value: number): string {
  return `SO-${String(value).padStart(6, '0')}`;
}

export interface LineProgress {
  quantity: number;
  backordered: number;
  shipped: number;
}

/** The status the lines imply after stock moved (or was allocated), given where the order stood. */
export function statusFromLines(current: SalesOrderStatus, lines: readonly LineProgress[]): SalesOrderStatus {
  const shipped = lines.reduce((s, l) => s + l.shipped, 0);
  if (lines.every((l) => l.shipped === l.quantity)) return 'shipped';
  if (shipped > 0) return 'partially_shipped';
  if (current === 'picking') return 'picking';
  return lines.some((l) => l.backordered > 0) ? 'backordered' : 'reserved';
}

export function isOpen(status: SalesOrderStatus): boolean {
  return ALLOWED.cancel.includes(status);
}
