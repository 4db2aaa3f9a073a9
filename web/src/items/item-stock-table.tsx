import { Badge, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import type { ItemStock, StockFigures } from '../api/types';
import { useCompact } from '../layout/use-compact';
import { formatQuantity } from '../lib/format';

const FIGURES = [
  { key: 'onHand', label: 'On hand' },
  { key: 'reserved', label: 'Reserved' },
  { key: 'available', label: 'Available' },
  { key: 'inTransit', label: 'In transit' },
  { key: 'incoming', label: 'Incoming' },
] as const;

interface Row extends StockFigures {
  place: { id: string; code: string; name: string };
  notSellable?: boolean;
}

/** On a handheld each row is a short block with its figures. */
function FigureList({ rows, label }: { rows: Row[]; label: string }) {
  return (
    <ul aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {rows.map((row) => (
        <li key={row.place.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
          <Text size="sm" fw={600}>
            {row.place.code} <Text span size="xs" c="dimmed" fw={400}>{row.place.name}</Text>
            {row.notSellable && <Badge size="xs" variant="light" color="gray" ml={6}>not sellable</Badge>}
          </Text>
          <Text size="xs">{FIGURES.map((f) => `${f.label} ${formatQuantity(row[f.key])}`).join(' · ')}</Text>
        </li>
      ))}
    </ul>
  );
}

function FigureTable({ rows, label, heading }: { rows: Row[]; label: string; heading: string }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table fz="sm" verticalSpacing={6} striped>
        <caption className="visually-hidden">{label}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{heading}</Table.Th>
            {FIGURES.map((f) => <Table.Th key={f.key} scope="col" ta="right">{f.label}</Table.Th>)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.place.id}>
              <Table.Th scope="row" fw={500}>
                {row.place.code}
                {row.notSellable && <Badge size="xs" variant="light" color="gray" ml={6}>not sellable</Badge>}
                <Text size="xs" c="dimmed">{row.place.name}</Text>
              </Table.Th>
              {FIGURES.map((f) => <Table.Td key={f.key} ta="right" ff="monospace">{formatQuantity(row[f.key])}</Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The item's totals, each site's roll-up, then every location that holds or awaits some of it. */
export function ItemStockTable({ stock }: { stock: ItemStock }) {
  const unit = stock.item.unit;
  const compact = useCompact();
  const sites: Row[] = stock.sites.map(({ site, ...figures }) => ({ ...figures, place: site }));
  const locations: Row[] = stock.locations.map(({ location, ...figures }) => ({ ...figures, place: location, notSellable: !location.sellable }));
  const Rows = compact ? FigureList : FigureTable;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">Stock</Title>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" mb="sm">
        {FIGURES.map((f) => (
          <div key={f.key} role="group" aria-label={`Total ${f.label.toLowerCase()}`}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{f.label}</Text>
            <Text fz="xl" fw={700} data-testid={`total-${f.key}`}>{formatQuantity(stock.total[f.key])} <Text span size="sm" c="dimmed">{unit}</Text></Text>
          </div>
        ))}
      </SimpleGrid>
      {sites.length > 0 ? (
        <>
          <Title order={3} size="h5" mt="sm" mb={4}>Per site</Title>
          <Rows rows={sites} label="Stock per site" heading="Site" />
          <Title order={3} size="h5" mt="sm" mb={4}>Per location</Title>
        </>
      ) : null}
      {locations.length === 0 ? <Text c="dimmed" size="sm">None in stock anywhere.</Text> : <Rows rows={locations} label="Stock per location" heading="Location" />}
    </Paper>
  );
}
