import { Badge, Group, Table, Text } from '@mantine/core';
import type { PickList } from '../api/types';
import { useCompact } from '../layout/use-compact';
import { formatQuantity } from '../lib/format';
import { isOpenLine } from './pick-figures';

/** The list in walking order (by bin); the bin the picker stands at is marked, finished lines say so. */
export function PickLinesTable({ list, bin }: { list: PickList; bin: string | null }) {
  const compact = useCompact();
  const state = (open: boolean) => <Badge component="span" size="sm" variant="light" color={open ? 'blue' : 'green'} styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }} style={{ whiteSpace: 'nowrap' }}>{open ? 'to pick' : 'picked'}</Badge>;
  const here = (code: string) => (code === bin ? { background: 'var(--mantine-color-blue-0)' } : undefined);
  if (compact) {
    return (
      <ul aria-label="Pick lines by bin" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {list.lines.map((l) => (
          <li key={l.lineNo} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 4px', ...here(l.location.code) }}>
            <Group justify="space-between" wrap="nowrap">
              <Text fw={700} size="sm" ff="monospace">{l.location.code}</Text>
              {state(isOpenLine(l))}
            </Group>
            <Text size="sm">{l.item.sku} <Text span size="xs" c="dimmed">{l.item.name}</Text></Text>
            <Text size="xs">{l.order.number} · picked {formatQuantity(l.picked)} of {formatQuantity(l.quantity)}</Text>
          </li>
        ))}
      </ul>
    );
  }
  const nowrap = { whiteSpace: 'nowrap' } as const;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table fz="sm" verticalSpacing={4}>
        <caption className="visually-hidden">Pick lines by bin</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Bin</Table.Th>
            <Table.Th scope="col">Item</Table.Th>
            <Table.Th scope="col">Order</Table.Th>
            <Table.Th scope="col" ta="right">Picked</Table.Th>
            <Table.Th scope="col">State</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.lines.map((l) => (
            <Table.Tr key={l.lineNo} style={here(l.location.code)}>
              <Table.Td ff="monospace" fw={700} style={nowrap}>{l.location.code}</Table.Td>
              <Table.Th scope="row" fw={400}><Text fw={600} size="sm">{l.item.sku}</Text><Text size="xs" c="dimmed" lineClamp={1}>{l.item.name}</Text></Table.Th>
              <Table.Td style={nowrap}>{l.order.number}</Table.Td>
              <Table.Td ta="right" ff="monospace" style={nowrap}>{formatQuantity(l.picked)} of {formatQuantity(l.quantity)}</Table.Td>
              <Table.Td>{state(isOpenLine(l))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
