import { Badge } from '@mantine/core';
import type { DeliveryStatus } from '../api/webhook-queries';
import type { Webhook } from '../api/types';

const DELIVERY: Record<DeliveryStatus, { label: string; color: string }> = {
  pending: { label: 'Pending', color: 'yellow' },
  delivered: { label: 'Delivered', color: 'green' },
  failed: { label: 'Failed', color: 'red' },
};
export const DELIVERY_STATUSES = Object.keys(DELIVERY) as DeliveryStatus[];
export const deliveryLabel = (s: DeliveryStatus) => DELIVERY[s].label;

export function isDeliveryStatus(value: string | null): value is DeliveryStatus {
  return value !== null && (DELIVERY_STATUSES as string[]).includes(value);
}

/** Badges hold whole words: Mantine's default width would cut "Pending" short in a narrow column. */
const WHOLE = { root: { maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible' } };

export function DeliveryBadge({ status }: { status: DeliveryStatus }) {
  return <Badge component="span" variant="light" color={DELIVERY[status].color} tt="none" styles={WHOLE}>{DELIVERY[status].label}</Badge>;
}

export function SubscriptionBadge({ status }: { status: Webhook['status'] }) {
  return <Badge component="span" variant="light" color={status === 'active' ? 'green' : 'gray'} tt="none" styles={WHOLE}>{status === 'active' ? 'Active' : 'Paused'}</Badge>;
}

/** "*" reads as every event; a list reads as itself. */
export function eventTypesText(types: readonly string[]): string {
  return types.includes('*') ? 'Every event' : types.join(', ');
}
