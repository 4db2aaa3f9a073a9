import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, seg } from './client';
import { LIVE_MS } from './queries';
import type { Page, Webhook, WebhookDelivery } from './types';

/** Queries of webhook subscriptions and their delivery logs (admin keys only). */

export type DeliveryStatus = WebhookDelivery['status'];

export function useWebhooks(cursor: string | undefined, limit = 50) {
  return useQuery({
    queryKey: ['webhooks', 'list', cursor ?? null, limit],
    queryFn: () => get<Page<Webhook>>('/api/v1/webhooks', { cursor, limit }),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_MS,
  });
}

export function useWebhook(id: string) {
  return useQuery({ queryKey: ['webhooks', 'one', id], queryFn: () => get<Webhook>(`/api/v1/webhooks/${seg(id)}`), refetchInterval: LIVE_MS });
}

/**
 * A page of the delivery log, newest first. A delivery is queued and sent a moment after the
 * stock event that the live stream reports, and retries happen with no event at all, so the log
 * asks again on its own: every 2 s while a delivery on the page is pending, else every 5 s.
 */
export function useDeliveries(id: string, status: DeliveryStatus | undefined, cursor: string | undefined, limit = 25) {
  return useQuery({
    queryKey: ['webhooks', 'deliveries', id, status ?? null, cursor ?? null, limit],
    queryFn: () => get<Page<WebhookDelivery>>(`/api/v1/webhooks/${seg(id)}/deliveries`, { status, cursor, limit }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.data.some((d) => d.status === 'pending') ? 2_000 : 5_000),
  });
}
