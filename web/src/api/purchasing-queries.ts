import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, seg } from './client';
import { LIVE_MS } from './queries';
import type {
  Page, PurchaseOrder, PurchaseOrderStatus, PurchaseOrderSummary, PurchaseSuggestionList, Receipt, ReorderStatus, Supplier, SupplierItem,
} from './types';

/** Queries of suppliers, purchase orders and planning. Every key starts with its area, so a change invalidates it by prefix. */

export function useSuppliers(search: string, cursor: string | undefined, limit = 50) {
  return useQuery({
    queryKey: ['suppliers', 'list', search, cursor ?? null, limit],
    queryFn: () => get<Page<Supplier>>('/api/v1/suppliers', { search, cursor, limit }),
    placeholderData: keepPreviousData,
  });
}

export function useSupplier(ref: string) {
  return useQuery({ queryKey: ['suppliers', 'one', ref], queryFn: () => get<Supplier>(`/api/v1/suppliers/${seg(ref)}`) });
}

export function useSupplierItems(ref: string | null, cursor?: string, limit = 100) {
  return useQuery({
    queryKey: ['suppliers', 'items', ref, cursor ?? null, limit],
    queryFn: () => get<Page<SupplierItem>>(`/api/v1/suppliers/${seg(ref ?? '')}/items`, { cursor, limit }),
    enabled: ref !== null,
    placeholderData: keepPreviousData,
  });
}

export function useItemSuppliers(item: string) {
  return useQuery({ queryKey: ['suppliers', 'of-item', item], queryFn: () => get<Page<SupplierItem>>(`/api/v1/items/${seg(item)}/suppliers`, { limit: 50 }) });
}

export interface PurchaseOrderFilters {
  /** One status, or several separated by commas. */
  status?: PurchaseOrderStatus | `${PurchaseOrderStatus},${PurchaseOrderStatus}` | undefined;
  search?: string | undefined;
  supplier?: string | undefined;
}

export function usePurchaseOrders(filters: PurchaseOrderFilters, cursor: string | undefined, limit = 50) {
  return useQuery({
    queryKey: ['purchase-orders', 'list', filters, cursor ?? null, limit],
    queryFn: () => get<Page<PurchaseOrderSummary>>('/api/v1/purchase-orders', { ...filters, cursor, limit }),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_MS,
  });
}

export function usePurchaseOrder(ref: string | null) {
  return useQuery({
    queryKey: ['purchase-orders', 'one', ref],
    queryFn: () => get<PurchaseOrder>(`/api/v1/purchase-orders/${seg(ref ?? '')}`),
    enabled: ref !== null && ref !== '',
    refetchInterval: LIVE_MS,
  });
}

export function usePurchaseReceipts(ref: string, cursor: string | undefined) {
  return useQuery({
    queryKey: ['purchase-orders', 'receipts', ref, cursor ?? null],
    queryFn: () => get<Page<Receipt>>(`/api/v1/purchase-orders/${seg(ref)}/receipts`, { cursor, limit: 20 }),
    placeholderData: keepPreviousData,
  });
}

export interface ReorderFilters {
  site?: string | undefined;
  item?: string | undefined;
  low?: boolean | undefined;
}

export function useReorderStatus(filters: ReorderFilters, cursor: string | undefined, limit = 25, enabled = true) {
  return useQuery({
    queryKey: ['planning', 'policies', filters, cursor ?? null, limit],
    queryFn: () => get<Page<ReorderStatus>>('/api/v1/planning/reorder-policies', { ...filters, cursor, limit }),
    placeholderData: keepPreviousData,
    enabled,
    refetchInterval: LIVE_MS,
  });
}

export function usePurchaseSuggestions(site: string | undefined) {
  return useQuery({
    queryKey: ['planning', 'suggestions', site ?? null],
    queryFn: () => get<PurchaseSuggestionList>('/api/v1/planning/suggestions', { site }),
    refetchInterval: LIVE_MS,
  });
}
