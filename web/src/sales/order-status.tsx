import { Badge } from '@mantine/core';
import type { SalesOrderStatus } from '../api/types';

export const STATUS_LABELS: Record<SalesOrderStatus, string> = {
  reserved: 'Reserved', backordered: 'Backordered', picking: 'Picking', partially_shipped: 'Partially shipped',
  shipped: 'Shipped', delivered: 'Delivered', cancelled: 'Cancelled', expired: 'Expired',
};

const COLORS: Record<SalesOrderStatus, string> = {
  reserved: 'blue', backordered: 'orange', picking: 'violet', partially_shipped: 'yellow', shipped: 'teal', delivered: 'green', cancelled: 'red', expired: 'gray',
};

export const STATUSES = Object.keys(STATUS_LABELS) as SalesOrderStatus[];

export function isStatus(value: string): value is SalesOrderStatus {
  return (STATUSES as string[]).includes(value);
}

const OPEN: SalesOrderStatus[] = ['reserved', 'backordered', 'picking', 'partially_shipped'];

/** What may be done with an order in each state: the same table the server enforces (src/sales/order-rules.ts, docs/sales.md). */
export const CAN = {
  pick: (s: SalesOrderStatus) => OPEN.includes(s),
  ship: (s: SalesOrderStatus) => OPEN.includes(s),
  deliver: (s: SalesOrderStatus) => s === 'shipped',
  cancel: (s: SalesOrderStatus) => OPEN.includes(s),
  allocate: (s: SalesOrderStatus) => OPEN.includes(s),
  confirm: (s: SalesOrderStatus) => s === 'reserved' || s === 'backordered',
};

export function StatusBadge({ status }: { status: SalesOrderStatus }) {
  return <Badge component="span" color={COLORS[status]} variant="light" tt="none" styles={{ root: { maxWidth: 'none', height: 'auto' }, label: { overflow: 'visible', whiteSpace: 'normal' } }}>{STATUS_LABELS[status]}</Badge>;
}
