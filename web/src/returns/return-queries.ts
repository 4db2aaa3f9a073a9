import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, seg } from '../api/client';
import { LIVE_MS } from '../api/queries';
import type { Page } from '../api/types';
import type { Return, ReturnableLine, ReturnStatus, ReturnSummary } from './return-types';

/**
 * Queries of customer returns. Keys start with 'returns', so a step invalidates them by prefix;
 * the event stream refreshes every query on return.status_changed and stock changes.
 */

export interface ReturnFilters {
  status?: ReturnStatus[] | undefined;
  order?: string | undefined;
}

export function useReturns(filters: ReturnFilters, cursor: string | undefined, limit = 50) {
  return useQuery({
    queryKey: ['returns', 'list', filters, cursor ?? null, limit],
    queryFn: () => get<Page<ReturnSummary>>('/api/v1/returns', { status: filters.status?.join(','), order: filters.order, cursor, limit }),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_MS,
  });
}

export function useReturn(ref: string) {
  return useQuery({ queryKey: ['returns', 'one', ref], queryFn: () => get<Return>(`/api/v1/returns/${seg(ref)}`), refetchInterval: LIVE_MS });
}

/** What may still come back of each shipped line of an order, with the lots and serials for tracked items. */
export function useReturnable(order: string) {
  return useQuery({
    queryKey: ['returns', 'returnable', order],
    queryFn: () => get<{ data: ReturnableLine[] }>(`/api/v1/sales-orders/${seg(order)}/returnable`),
  });
}
