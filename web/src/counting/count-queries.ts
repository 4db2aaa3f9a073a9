import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, seg } from '../api/client';
import { LIVE_MS } from '../api/queries';
import type { Page } from '../api/types';
import type { Count, CountSummary } from '../../../src/counting/count-types';
import type { ShrinkageReport } from '../../../src/counting/shrinkage-types';
import type { CountStatus } from '../../../src/db/schema';

export type { Count, CountLine, CountSummary } from '../../../src/counting/count-types';
export type { ShrinkageReport } from '../../../src/counting/shrinkage-types';
export type { CountStatus };

/** Queries of counts and the shrinkage report; keys start with their area so a change invalidates them by prefix. */

export function useCounts(status: CountStatus | undefined, cursor: string | undefined, limit = 50) {
  return useQuery({
    queryKey: ['counts', 'list', status ?? null, cursor ?? null, limit],
    queryFn: () => get<Page<CountSummary>>('/api/v1/counts', { status, cursor, limit }),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_MS,
  });
}

export function useCount(ref: string) {
  return useQuery({ queryKey: ['counts', 'one', ref], queryFn: () => get<Count>(`/api/v1/counts/${seg(ref)}`), refetchInterval: LIVE_MS });
}

export function useShrinkage(query: { from: string; to: string; groupBy: string }) {
  return useQuery({
    queryKey: ['reports', 'shrinkage', query],
    queryFn: () => get<ShrinkageReport>('/api/v1/reports/shrinkage', query),
    placeholderData: keepPreviousData,
  });
}
