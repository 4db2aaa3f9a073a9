import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useItemStockPage } from '../api/queries';
import { QueryState } from '../layout/query-state';
import { formatQuantity } from '../lib/format';

/** Items whose available stock has fallen below their reorder point, emptiest first. */
export function ReorderList() {
  const query = useItemStockPage({ belowReorder: true, sort: 'available', order: 'asc', limit: 8 }, true);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">Below reorder point</Title>
      <QueryState query={query} what="items to reorder">
        {(page) =>
          page.data.length === 0 ? (
            <Text c="dimmed" size="sm">Every item is at or above its reorder point.</Text>
          ) : (
            <>
              <Table fz="sm" verticalSpacing={6}>
                <caption className="visually-hidden">Items below their reorder point</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Item</Table.Th>
                    <Table.Th scope="col" ta="right">Available</Table.Th>
                    <Table.Th scope="col" ta="right">Reorder at</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.data.map((e) => (
                    <Table.Tr key={e.item.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/items/${encodeURIComponent(e.item.sku)}`} size="sm">{e.item.sku}</Anchor>
                        <Text size="xs" c="dimmed" lineClamp={1}>{e.item.name}</Text>
                      </Table.Td>
                      <Table.Td ta="right" ff="monospace" c="red.7">{formatQuantity(e.available)}</Table.Td>
                      <Table.Td ta="right" ff="monospace">{e.item.reorderPoint === null ? '—' : formatQuantity(e.item.reorderPoint)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {page.nextCursor && <Anchor component={Link} to="/items?belowReorder=true" size="sm">All items below their reorder point</Anchor>}
            </>
          )
        }
      </QueryState>
    </Paper>
  );
}
