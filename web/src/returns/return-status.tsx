import { Badge } from '@mantine/core';
import type { ReturnStatus } from './return-types';

export const STATUS_LABELS: Record<ReturnStatus, string> = {
  authorised: 'Authorised', partially_received: 'Partially received', received: 'Received', closed: 'Closed', cancelled: 'Cancelled',
};

const COLORS: Record<ReturnStatus, string> = { authorised: 'blue', partially_received: 'yellow', received: 'orange', closed: 'green', cancelled: 'red' };

export const STATUSES = Object.keys(STATUS_LABELS) as ReturnStatus[];

export function isStatus(value: string): value is ReturnStatus {
  return (STATUSES as string[]).includes(value);
}

/** What may be done with a return in each state: the table the server enforces (src/sales/return-rules.ts, docs/returns.md). */
export const CAN = {
  receive: (s: ReturnStatus) => s === 'authorised' || s === 'partially_received',
  dispose: (s: ReturnStatus) => s === 'partially_received' || s === 'received',
  cancel: (s: ReturnStatus) => s === 'authorised',
  close: (s: ReturnStatus) => s === 'partially_received',
};

export function StatusBadge({ status }: { status: ReturnStatus }) {
  return <Badge component="span" color={COLORS[status]} variant="light" tt="none" styles={{ root: { maxWidth: 'none', height: 'auto' }, label: { overflow: 'visible', whiteSpace: 'normal' } }}>{STATUS_LABELS[status]}</Badge>;
}
