import { Anchor, Badge, Button, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ReorderStatus } from '../api/types';
import { useCompact } from '../layout/use-compact';
import { formatQuantity } from '../lib/format';

const q = formatQuantity;

function ItemLink({ s }: { s: ReorderStatus }) {
  return (
    <>
      <Anchor component={Link} to={`/items/${encodeURIComponent(s.item.sku)}`} size="sm" fw={600}>{s.item.sku}</Anchor>
      <Text size="xs" c="dimmed" lineClamp={1}>{s.item.name}</Text>
    </>
  );
}

function SupplierCell({ s }: { s: ReorderStatus }) {
  if (!s.supplier) return <Text size="xs" c="red">no supplier</Text>;
  return <Anchor component={Link} to={`/suppliers/${encodeURIComponent(s.supplier.code)}`} size="sm">{s.supplier.code}</Anchor>;
}

/** Items × sites whose stock position (available + incoming + in transit) is below the reorder point. */
export function LowStockTable({ rows, onEdit }: { rows: ReorderStatus[]; onEdit: (s: ReorderStatus) => void }) {
  const compact = useCompact();
  if (rows.length === 0) return <Text c="dimmed" size="sm">Nothing is low: every item with a policy is at or above its reorder point.</Text>;
  const edit = (s: ReorderStatus) => (
    <Button size="xs" variant="default" onClick={() => onEdit(s)} aria-label={`Edit the policy of ${s.item.sku} at ${s.site.code}`}>Policy</Button>
  );
  if (compact) {
    return (
      <ul aria-label="Low-stock alerts" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {rows.map((s) => (
          <li key={`${s.item.id}|${s.site.id}`} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
            <ItemLink s={s} />
            <Text size="xs">{s.site.code}: position {q(s.position)} below {q(s.reorderPoint)} · order {q(s.suggestedQuantity)} {s.item.unit}</Text>
            <Text size="xs" c="dimmed">Available {q(s.available)} · incoming {q(s.incoming)} · in transit {q(s.inTransit)}</Text>
            {edit(s)}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped verticalSpacing={6} fz="sm">
        <caption className="visually-hidden">Low-stock alerts</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Item</Table.Th>
            <Table.Th scope="col">Site</Table.Th>
            <Table.Th scope="col" ta="right">Available</Table.Th>
            <Table.Th scope="col" ta="right">Incoming</Table.Th>
            <Table.Th scope="col" ta="right">In transit</Table.Th>
            <Table.Th scope="col" ta="right">Position</Table.Th>
            <Table.Th scope="col" ta="right">Reorder at</Table.Th>
            <Table.Th scope="col" ta="right">Up to</Table.Th>
            <Table.Th scope="col" ta="right">Suggested</Table.Th>
            <Table.Th scope="col">Supplier</Table.Th>
            <Table.Th scope="col"><span className="visually-hidden">Policy</span></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((s) => (
            <Table.Tr key={`${s.item.id}|${s.site.id}`}>
              <Table.Th scope="row" fw={400}><ItemLink s={s} /></Table.Th>
              <Table.Td>{s.site.code}</Table.Td>
              <Table.Td ta="right" ff="monospace">{q(s.available)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{q(s.incoming)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{q(s.inTransit)}</Table.Td>
              <Table.Td ta="right" ff="monospace" c="red.7">{q(s.position)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{q(s.reorderPoint)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{q(s.orderUpTo)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{q(s.suggestedQuantity)}</Table.Td>
              <Table.Td><SupplierCell s={s} />{s.basis !== 'manual' && <Badge component="span" size="xs" variant="light" ml={4}>{s.basis}</Badge>}</Table.Td>
              <Table.Td>{edit(s)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
