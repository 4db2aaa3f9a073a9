import { Paper, Table, Text, Title } from '@mantine/core';
import type { StockSummary } from '../api/types';
import { formatMoney, formatQuantity } from '../lib/format';

/** Each site's share of the stock. */
export function StockBySite({ summary }: { summary: StockSummary }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">Stock by site</Title>
      {summary.sites.length === 0 ? (
        <Text c="dimmed" size="sm">No stock on hand yet. Receive goods to see them here.</Text>
      ) : (
        <Table fz="sm" verticalSpacing={6} horizontalSpacing={6}>
          <caption className="visually-hidden">Stock by site</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Site</Table.Th>
              <Table.Th scope="col" ta="right">Items</Table.Th>
              <Table.Th scope="col" ta="right">Units</Table.Th>
              <Table.Th scope="col" ta="right">Value</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {summary.sites.map((s) => (
              <Table.Tr key={s.site.id}>
                <Table.Th scope="row" fw={500}>{s.site.name} <Text span size="xs" c="dimmed">{s.site.code}</Text></Table.Th>
                <Table.Td ta="right">{s.itemsInStock}</Table.Td>
                <Table.Td ta="right" ff="monospace">{formatQuantity(s.units)}</Table.Td>
                <Table.Td ta="right" ff="monospace">{s.value === null ? '—' : formatMoney(s.value)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
