import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ChannelItemAvailability } from '../api/types';
import { useCompact } from '../layout/use-compact';
import { formatQuantity } from '../lib/format';

/** Rows named by their item (a channel's page) or by their channel (an item's page). */
type By = 'item' | 'channel';

function RowName({ row, by }: { row: ChannelItemAvailability; by: By }) {
  const code = by === 'item' ? row.item.sku : row.channel.code;
  const to = by === 'item' ? `/items/${encodeURIComponent(code)}` : `/channels/${encodeURIComponent(code)}`;
  return <Anchor component={Link} to={to} size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>{code}</Anchor>;
}

/** In stock, buffer and what may be sold; on a handheld each row is a short line instead of a table row. */
export function AvailabilityRows({ rows, by, caption }: { rows: ChannelItemAvailability[]; by: By; caption: string }) {
  const compact = useCompact();
  if (compact) {
    return (
      <ul aria-label={caption} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {rows.map((r) => (
          <li key={`${r.channel.id}:${r.item.id}`} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0', display: 'flex', justifyContent: 'space-between', gap: 8 }}>
            <div>
              <RowName row={r} by={by} />
              <Text size="xs" c="dimmed">{formatQuantity(r.stock)} in stock − {formatQuantity(r.buffer)} buffer</Text>
            </div>
            <Text size="sm" fw={700} ta="right">{formatQuantity(r.available)}<Text size="xs" c="dimmed" fw={400}>may sell</Text></Text>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table striped verticalSpacing={6} fz="sm">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{by === 'item' ? 'Item' : 'Channel'}</Table.Th>
            <Table.Th scope="col" ta="right">In stock</Table.Th>
            <Table.Th scope="col" ta="right">Buffer</Table.Th>
            <Table.Th scope="col" ta="right">May sell</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.channel.id}:${r.item.id}`}>
              <Table.Th scope="row" fw={400}><RowName row={r} by={by} /></Table.Th>
              <Table.Td ta="right" ff="monospace">{formatQuantity(r.stock)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{formatQuantity(r.buffer)}</Table.Td>
              <Table.Td ta="right" ff="monospace" fw={700}>{formatQuantity(r.available)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
