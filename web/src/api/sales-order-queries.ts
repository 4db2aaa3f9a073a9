import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, seg } from './client';
import { LIVE_MS } from './queries';
import type { AuditEntry, Page, PickList, SalesOrder, SalesOrderStatus } from './types';

/**
 * Queries of sales orders and pick lists. The event stream (live-events.ts) refreshes every query
 * when anything happens, sales_order.created and .status_changed included, so an order placed by a
 * channel's integration appears on an open list within a moment; the slow poll only covers a lost stream.
 */

export interface SalesOrderFilters {
  channel?: string | undefined;
  status?: SalesOrderStatus[] | undefined;
  /** Orders with a line of this item (id or SKU). */
  item?: string | undefined;
}

export function useSalesOrders(filters: SalesOrderFilters, cursor: string | undefined, limit = 50) {
  return useQuery({
    queryKey: ['sales-orders', 'list', filters, cursor ?? null, limit],
    queryFn: () => get<Page<SalesOrder>>('/api/v1/sales-orders', { channel: filters.channel, status: filters.status?.join(','), item: filters.item, cursor, limit }),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_MS,
  });
}

export function useSalesOrder(ref: string) {
  return useQuery({ queryKey: ['sales-orders', 'one', ref], queryFn: () => get<SalesOrder>(`/api/v1/sales-orders/${seg(ref)}`), refetchInterval: LIVE_MS });
}

export function usePickList(ref: string) {
  return useQuery({ queryKey: ['pick-lists', 'one', ref], queryFn: () => get<PickList>(`/api/v1/pick-lists/${seg(ref)}`), refetchInterval: LIVE_MS });
}

/** The order's audit trail, newest first: every action, who did it, and the pick lists it went on. */
export function useSalesOrderHistory(orderId: string) {
  return useQuery({
    queryKey: ['audit', 'sales_order', orderId],
    queryFn: () => get<Page<AuditEntry>>('/api/v1/audit', { entityType: 'sales_order', entityId: orderId, limit: 100 }),
  });
}

export interface PickListFilters {
  status?: 'open' | 'done' | undefined;
  /** Only pick lists with this order (id or number). */
  order?: string | undefined;
}

export function usePickLists(filters: PickListFilters, cursor: string | undefined, limit = 20) {
  return useQuery({
    queryKey: ['pick-lists', 'list', filters, cursor ?? null, limit],
    queryFn: () => get<Page<PickList>>('/api/v1/pick-lists', { ...filters, cursor, limit }),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_MS,
  });
}
