import { Paper, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { useChannelAvailability } from '../api/sales-channel-queries';
import type { Channel } from '../api/types';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCursorPager } from '../lib/cursor-pager';
import { AvailabilityRows } from './availability-rows';

/**
 * What the channel may sell of each item, by SKU: available stock in its sellable locations
 * minus the buffer, never below zero. The API finds one item by its exact SKU or id, not by part
 * of it, so the search box looks up a whole SKU.
 */
export function ChannelAvailability({ channel }: { channel: Channel }) {
  const [search, setSearch] = useState('');
  const [sku] = useDebouncedValue(search.trim(), 300);
  const pager = useCursorPager(`${channel.id}:${sku}`);
  const query = useChannelAvailability(channel.code, sku || undefined, pager.cursor, 25);
  const unknownSku = query.error instanceof ApiError && query.error.status === 404 && sku !== '';
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb={2}>Availability</Title>
      <Text size="xs" c="dimmed" mb="xs">What {channel.code} may sell now: available stock in its locations minus its buffer, never below zero.</Text>
      <TextInput
        label="Find an item" description="Its exact SKU" placeholder="SKU" type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)}
        leftSection={<IconSearch size={16} aria-hidden />} mb="sm" maw={360}
      />
      {unknownSku ? (
        <Text size="sm" c="dimmed" role="status">No item has the SKU {sku}.</Text>
      ) : (
        <QueryState query={query} what="availability">
          {(page) => (
            <>
              {page.data.length === 0
                ? <Text c="dimmed" size="sm">No items yet.</Text>
                : <AvailabilityRows rows={page.data} by="item" caption={`Availability in ${channel.code}`} />}
              {sku === '' && (
                <Pager label="Availability" page={pager.page} hasNext={page.nextCursor !== null} onPrevious={pager.previous} onNext={() => page.nextCursor && pager.next(page.nextCursor)} />
              )}
            </>
          )}
        </QueryState>
      )}
    </Paper>
  );
}
