import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useStockAt } from '../api/queries';
import type { LocationNode } from '../api/types';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCursorPager } from '../lib/cursor-pager';
import { formatQuantity } from '../lib/format';

/** What is in a location and everything under it, item by item and bin by bin. */
export function LocationStock({ location }: { location: LocationNode }) {
  const pager = useCursorPager(location.id);
  const query = useStockAt(location.code, pager.cursor);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4">Stock in {location.code}</Title>
      <Text size="sm" c="dimmed" mb="xs">{location.name}{location.kind !== 'bin' && ', including everything under it'}</Text>
      <QueryState query={query} what={`stock in ${location.code}`}>
        {(page) =>
          page.data.length === 0 ? (
            <Text c="dimmed" size="sm">Nothing stored here.</Text>
          ) : (
            <>
              <Table.ScrollContainer minWidth={480}>
                <Table fz="sm" striped verticalSpacing={6}>
                  <caption className="visually-hidden">Stock in {location.code}</caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Item</Table.Th>
                      <Table.Th scope="col">Location</Table.Th>
                      <Table.Th scope="col" ta="right">On hand</Table.Th>
                      <Table.Th scope="col" ta="right">Reserved</Table.Th>
                      <Table.Th scope="col" ta="right">Available</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.data.map((row) => (
                      <Table.Tr key={`${row.item.id}-${row.location.id}`}>
                        <Table.Td><Anchor component={Link} to={`/items/${encodeURIComponent(row.item.sku)}`}>{row.item.sku}</Anchor></Table.Td>
                        <Table.Td>{row.location.code}</Table.Td>
                        <Table.Td ta="right" ff="monospace">{formatQuantity(row.onHand)}</Table.Td>
                        <Table.Td ta="right" ff="monospace">{formatQuantity(row.reserved)}</Table.Td>
                        <Table.Td ta="right" ff="monospace">{formatQuantity(row.available)}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              <Pager label={`Stock in ${location.code}`} page={pager.page} hasNext={page.nextCursor !== null} onPrevious={pager.previous} onNext={() => page.nextCursor && pager.next(page.nextCursor)} />
            </>
          )
        }
      </QueryState>
    </Paper>
  );
}
