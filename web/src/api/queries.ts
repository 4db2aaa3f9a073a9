import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, seg } from './client';
import type {
  AuditEntry, DayActivity, Item, ItemStock, ItemStockEntry, LocationNode, Movement, Page, ReasonCode, StockHistory, StockRow, StockSummary, Transfer,
} from './types';

/**
 * How often live screens ask again on their own. Changes arrive through the event stream
 * (live-events.ts) as they happen; this slow poll only covers a stream that cannot be reached.
 */
export const LIVE_MS = 30_000;

export function useStockSummary() {
  return useQuery({ queryKey: ['reports', 'summary'], queryFn: () => get<StockSummary>('/api/v1/reports/stock-summary'), refetchInterval: LIVE_MS });
}

export interface ItemStockParams {
  search?: string;
  belowReorder?: boolean;
  sort: 'sku' | 'name' | 'onHand' | 'available';
  order: 'asc' | 'desc';
  cursor?: string | undefined;
  limit: number;
}

export function useItemStockPage(params: ItemStockParams, live = false) {
  return useQuery({
    queryKey: ['reports', 'item-stock', params],
    queryFn: () => get<Page<ItemStockEntry>>('/api/v1/reports/item-stock', { ...params }),
    placeholderData: keepPreviousData,
    ...(live && { refetchInterval: LIVE_MS }),
  });
}

export function useStockHistory(item: string | undefined, days: number) {
  return useQuery({
    queryKey: ['reports', 'history', item ?? null, days],
    queryFn: () => get<StockHistory>('/api/v1/reports/stock-history', { item, days }),
    refetchInterval: LIVE_MS,
  });
}

export function useMovementsPerDay(days: number) {
  return useQuery({
    queryKey: ['reports', 'movements-per-day', days],
    queryFn: () => get<{ days: DayActivity[] }>('/api/v1/reports/movements-per-day', { days }),
    refetchInterval: LIVE_MS,
  });
}

export interface MovementFilters {
  item?: string;
  location?: string;
  kind?: string;
  documentType?: string;
  documentId?: string;
  postingId?: string;
  from?: string;
  to?: string;
}

export function useMovements(filters: MovementFilters, cursor: string | undefined, limit: number, live = false) {
  return useQuery({
    queryKey: ['movements', filters, cursor ?? null, limit],
    queryFn: () => get<Page<Movement>>('/api/v1/movements', { ...filters, cursor, limit }),
    placeholderData: keepPreviousData,
    ...(live && { refetchInterval: LIVE_MS }),
  });
}

export function useItem(ref: string) {
  return useQuery({ queryKey: ['items', ref], queryFn: () => get<Item>(`/api/v1/items/${seg(ref)}`), refetchInterval: LIVE_MS });
}

export function useItemStock(ref: string) {
  return useQuery({ queryKey: ['stock', 'item', ref], queryFn: () => get<ItemStock>(`/api/v1/items/${seg(ref)}/stock`), refetchInterval: LIVE_MS });
}

export function useLocationTree() {
  return useQuery({ queryKey: ['locations', 'tree'], queryFn: () => get<{ data: LocationNode[] }>('/api/v1/locations/tree'), staleTime: 30_000 });
}

export function useStockAt(location: string | null, cursor: string | undefined) {
  return useQuery({
    queryKey: ['stock', 'location', location, cursor ?? null],
    queryFn: () => get<Page<StockRow>>('/api/v1/stock', { location, cursor, limit: 50 }),
    enabled: location !== null,
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_MS,
  });
}

export function useReasonCodes() {
  return useQuery({ queryKey: ['reason-codes'], queryFn: () => get<{ data: ReasonCode[] }>('/api/v1/reason-codes'), staleTime: 60_000 });
}

export function useTransfersInTransit() {
  return useQuery({
    queryKey: ['transfers', 'in_transit'],
    queryFn: () => get<Page<Transfer>>('/api/v1/transfers', { status: 'in_transit', limit: 100 }),
    refetchInterval: LIVE_MS,
  });
}

export interface AuditFilters {
  actor?: string;
  entityType?: string;
  entityId?: string;
  action?: string;
}

export function useAudit(filters: AuditFilters, cursor: string | undefined) {
  return useQuery({
    queryKey: ['audit', filters, cursor ?? null],
    queryFn: () => get<Page<AuditEntry>>('/api/v1/audit', { ...filters, cursor, limit: 50 }),
    placeholderData: keepPreviousData,
  });
}
