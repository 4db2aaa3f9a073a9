import { Table, Text } from '@mantine/core';
import type { SalesOrder, SalesOrderLine } from '../api/types';
import { useCompact } from '../layout/use-compact';
import { formatQuantity } from '../lib/format';

const FIGURES = [
  { key: 'quantity', label: 'Ordered' },
  { key: 'reserved', label: 'Reserved' },
  { key: 'backordered', label: 'Backordered' },
  { key: 'picked', label: 'Picked' },
  { key: 'shipped', label: 'Shipped' },
] as const;

const heldAt = (l: SalesOrderLine) => (l.holds.length === 0 ? '—' : l.holds.map((h) => `${formatQuantity(h.quantity)} at ${h.location.code}`).join(', '));

/** Each line with where it stands: ordered, held now, still backordered, picked and shipped, and the bins that hold it. */
export function OrderLinesTable({ order }: { order: SalesOrder }) {
  const compact = useCompact();
  if (compact) {
    return (
      <ul aria-label="Order lines" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {order.lines.map((l) => (
          <li key={l.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
            <Text fw={600} size="sm">{l.lineNo}. {l.item.sku} <Text span size="xs" c="dimmed" fw={400}>{l.item.name}</Text></Text>
            <Text size="xs">{FIGURES.map((f) => `${f.label} ${formatQuantity(l[f.key])}`).join(' · ')}</Text>
            <Text size="xs" c="dimmed">Held at {heldAt(l)}</Text>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table fz="sm" verticalSpacing={6} striped>
        <caption className="visually-hidden">Order lines</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Item</Table.Th>
            {FIGURES.map((f) => <Table.Th key={f.key} scope="col" ta="right">{f.label}</Table.Th>)}
            <Table.Th scope="col">Held at</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.lines.map((l) => (
            <Table.Tr key={l.id}>
              <Table.Th scope="row" fw={400}>
                <Text fw={600} size="sm">{l.item.sku}</Text>
                <Text size="xs" c="dimmed" lineClamp={1}>{l.lineNo}. {l.item.name} · {l.item.unit}</Text>
              </Table.Th>
              {FIGURES.map((f) => <Table.Td key={f.key} ta="right" ff="monospace">{formatQuantity(l[f.key])}</Table.Td>)}
              <Table.Td>{heldAt(l)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
