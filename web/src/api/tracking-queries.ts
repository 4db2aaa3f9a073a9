import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, seg } from './client';
import { LIVE_MS } from './queries';
import type { ExpiringLot, Lot, LotTrace, Serial, SerialDetail } from './tracking-types';
import type { Page } from './types';

/**
 * Lots of one item, earliest expiry first (the FEFO order): with stock somewhere physical, or with
 * stock at `location` when one is given (the lots a ship or transfer form may take from), or all.
 */
export function useItemLots(item: string | null, withStock = true, location: string | null = null) {
  return useQuery({
    queryKey: ['lots', 'item', item, withStock, location],
    queryFn: () => get<Page<Lot>>('/api/v1/lots', { item, withStock: withStock || undefined, location: location ?? undefined, limit: 100 }),
    enabled: item !== null,
    refetchInterval: LIVE_MS,
  });
}

export function useExpiringLots(withinDays: number, cursor: string | undefined) {
  return useQuery({
    queryKey: ['lots', 'expiring', withinDays, cursor ?? null],
    queryFn: () => get<Page<ExpiringLot>>('/api/v1/lots/expiring', { withinDays, cursor, limit: 50 }),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_MS,
  });
}

export function useLot(id: string) {
  return useQuery({ queryKey: ['lots', id], queryFn: () => get<Lot>(`/api/v1/lots/${seg(id)}`), refetchInterval: LIVE_MS });
}

export function useLotTrace(id: string) {
  return useQuery({ queryKey: ['lots', id, 'trace'], queryFn: () => get<LotTrace>(`/api/v1/lots/${seg(id)}/trace`), refetchInterval: LIVE_MS });
}

export function useItemSerials(item: string, cursor: string | undefined) {
  return useQuery({
    queryKey: ['serials', item, cursor ?? null],
    queryFn: () => get<Page<Serial>>('/api/v1/serials', { item, cursor, limit: 50 }),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_MS,
  });
}

export function useSerial(item: string | null, serial: string | null) {
  return useQuery({
    queryKey: ['serials', item, 'one', serial],
    queryFn: () => get<SerialDetail>(`/api/v1/items/${seg(item ?? '')}/serials/${seg(serial ?? '')}`),
    enabled: item !== null && serial !== null,
    refetchInterval: LIVE_MS,
  });
}
