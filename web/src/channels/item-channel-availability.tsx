import { Anchor, Paper, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useItemChannelAvailability } from '../api/sales-channel-queries';
import { QueryState } from '../layout/query-state';
import { AvailabilityRows } from './availability-rows';

/**
 * On the item page: what each sales channel may sell of this item. The query's key starts with
 * 'stock', and the event stream refreshes it with the rest of the page when stock changes.
 */
export function ItemChannelAvailability({ sku }: { sku: string }) {
  const query = useItemChannelAvailability(sku);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">Sales channels</Title>
      <QueryState query={query} what="channel availability">
        {({ data }) =>
          data.length === 0 ? (
            <Text c="dimmed" size="sm">No sales channel yet. <Anchor component={Link} to="/channels/new" size="sm">Create one</Anchor> to see what it may sell.</Text>
          ) : (
            <AvailabilityRows rows={data} by="channel" caption={`Availability of ${sku} per channel`} />
          )
        }
      </QueryState>
    </Paper>
  );
}
