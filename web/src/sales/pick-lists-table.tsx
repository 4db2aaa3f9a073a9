import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { PickList } from '../api/types';
import { formatDateTime, formatQuantity } from '../lib/format';
import { pickProgress } from './pick-figures';

/** Pick lists with their orders and how far picking got. */
export function PickListsTable({ lists, caption }: { lists: PickList[]; caption: string }) {
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table fz="sm" verticalSpacing={4}>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr><Table.Th scope="col">Pick list</Table.Th><Table.Th scope="col">Orders</Table.Th><Table.Th scope="col">Picked</Table.Th><Table.Th scope="col">Created</Table.Th></Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lists.map((l) => {
            const p = pickProgress(l);
            return (
              <Table.Tr key={l.id}>
                <Table.Th scope="row" fw={400}>
                  <Anchor component={Link} to={`/pick-lists/${encodeURIComponent(l.number)}`} fw={600} size="sm">{l.number}</Anchor>
                  {l.status === 'done' && <Badge component="span" size="xs" color="green" variant="light" ml={6}>done</Badge>}
                </Table.Th>
                <Table.Td>{l.orders.map((o) => o.number).join(', ')}</Table.Td>
                <Table.Td><Text size="sm" ff="monospace" span>{formatQuantity(p.picked)} / {formatQuantity(p.total)}</Text></Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(l.createdAt)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
