import { Badge } from '@mantine/core';
import type { PurchaseOrderStatus } from '../api/types';

export const STATUS_LABELS: Record<PurchaseOrderStatus, string> = {
  draft: 'Draft', ordered: 'Ordered', partially_received: 'Partially received', received: 'Received', closed: 'Closed', cancelled: 'Cancelled',
};

const COLORS: Record<PurchaseOrderStatus, string> = {
  draft: 'gray', ordered: 'blue', partially_received: 'yellow', received: 'green', closed: 'dark', cancelled: 'red',
};

export const STATUSES = Object.keys(STATUS_LABELS) as PurchaseOrderStatus[];

export function isStatus(value: string | null): value is PurchaseOrderStatus {
  return value !== null && (STATUSES as string[]).includes(value);
}

/** What a person may do with an order in each state (the server enforces the same, see docs/purchasing.md). */
export const CAN = {
  edit: (s: PurchaseOrderStatus) => s === 'draft',
  order: (s: PurchaseOrderStatus) => s === 'draft',
  receive: (s: PurchaseOrderStatus) => s === 'ordered' || s === 'partially_received' || s === 'received',
  closeLine: (s: PurchaseOrderStatus) => s === 'ordered' || s === 'partially_received',
  close: (s: PurchaseOrderStatus) => s === 'ordered' || s === 'partially_received' || s === 'received',
  cancel: (s: PurchaseOrderStatus) => s === 'draft' || s === 'ordered',
  return: (s: PurchaseOrderStatus) => s === 'partially_received' || s === 'received' || s === 'closed',
};

export function StatusBadge({ status }: { status: PurchaseOrderStatus }) {
  return <Badge component="span" color={COLORS[status]} variant="light" tt="none" styles={{ root: { maxWidth: 'none', height: 'auto' }, label: { overflow: 'visible', whiteSpace: 'normal' } }}>{STATUS_LABELS[status]}</Badge>;
}
