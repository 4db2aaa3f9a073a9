import { Badge, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { ItemStock } from '../api/types';
import { useCompact } from '../layout/use-compact';
import { formatQuantity } from '../lib/format';

const FIGURES = [
  { key: 'onHand', label: 'On hand' },
  { key: 'reserved', label: 'Reserved' },
  { key: 'available', label: 'Available' },
  { key: 'inTransit', label: 'In transit' },
] as const;

type LocationRow = ItemStock['locations'][number];

/** On a handheld each location is a short block with its four figures. */
function LocationList({ rows }: { rows: LocationRow[] }) {
  return (
    <ul aria-label="Stock per location" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {rows.map((row) => (
        <li key={row.location.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
          <Text size="sm" fw={600}>
            {row.location.code} <Text span size="xs" c="dimmed" fw={400}>{row.location.name}</Text>
            {!row.location.sellable && <Badge size="xs" variant="light" color="gray" ml={6}>not sellable</Badge>}
          </Text>
          <Text size="xs">{FIGURES.map((f) => `${f.label} ${formatQuantity(row[f.key])}`).join(' · ')}</Text>
        </li>
      ))}
    </ul>
  );
}

/** The item's totals, then every location that holds or awaits some of it. */
export function ItemStockTable({ stock }: { stock: ItemStock }) {
  const unit = stock.item.unit;
  const compact = useCompact();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">Stock</Title>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mb="sm">
        {FIGURES.map((f) => (
          <div key={f.key} role="group" aria-label={`Total ${f.label.toLowerCase()}`}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{f.label}</Text>
            <Text fz="xl" fw={700} data-testid={`total-${f.key}`}>{formatQuantity(stock.total[f.key])} <Text span size="sm" c="dimmed">{unit}</Text></Text>
          </div>
        ))}
      </SimpleGrid>
      {stock.locations.length === 0 ? (
        <Text c="dimmed" size="sm">None in stock anywhere.</Text>
      ) : compact ? (
        <LocationList rows={stock.locations} />
      ) : (
        <Table.ScrollContainer minWidth={480}>
          <Table fz="sm" verticalSpacing={6} striped>
            <caption className="visually-hidden">Stock per location</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Location</Table.Th>
                {FIGURES.map((f) => <Table.Th key={f.key} scope="col" ta="right">{f.label}</Table.Th>)}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stock.locations.map((row) => (
                <Table.Tr key={row.location.id}>
                  <Table.Th scope="row" fw={500}>
                    {row.location.code}
                    {!row.location.sellable && <Badge size="xs" variant="light" color="gray" ml={6}>not sellable</Badge>}
                    <Text size="xs" c="dimmed">{row.location.name}</Text>
                  </Table.Th>
                  {FIGURES.map((f) => <Table.Td key={f.key} ta="right" ff="monospace">{formatQuantity(row[f.key])}</Table.Td>)}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
