import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { get, seg } from './client';
import { LIVE_MS } from './queries';
import type { Channel, ChannelItemAvailability, Page } from './types';

/**
 * Queries of sales channels. Availability keys start with 'stock' as well as 'channels': the event
 * stream refreshes everything on a stock change, and a screen that saves stock by hand can
 * invalidate ['stock'] and reach these too.
 */

export function useChannels(includeArchived: boolean, cursor: string | undefined, limit = 50) {
  return useQuery({
    queryKey: ['channels', 'list', includeArchived, cursor ?? null, limit],
    queryFn: () => get<Page<Channel>>('/api/v1/channels', { includeArchived, cursor, limit }),
    placeholderData: keepPreviousData,
  });
}

export function useChannel(ref: string) {
  return useQuery({ queryKey: ['channels', 'one', ref], queryFn: () => get<Channel>(`/api/v1/channels/${seg(ref)}`) });
}

/** One page of what the channel may sell, by SKU; or only `item` (id or exact SKU) when given. */
export function useChannelAvailability(channel: string, item: string | undefined, cursor: string | undefined, limit = 50) {
  return useQuery({
    queryKey: ['stock', 'channels', 'availability', channel, item ?? null, cursor ?? null, limit],
    queryFn: () => get<Page<ChannelItemAvailability>>(`/api/v1/channels/${seg(channel)}/availability`, { item, cursor: item ? undefined : cursor, limit }),
    placeholderData: keepPreviousData,
    refetchInterval: LIVE_MS,
  });
}

/** What every channel that is not archived may sell of one item. */
export function useItemChannelAvailability(item: string) {
  return useQuery({
    queryKey: ['stock', 'channels', 'of-item', item],
    queryFn: () => get<{ data: ChannelItemAvailability[] }>(`/api/v1/items/${seg(item)}/availability`),
    refetchInterval: LIVE_MS,
  });
}
