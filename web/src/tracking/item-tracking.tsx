import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useItemLots, useItemSerials } from '../api/tracking-queries';
import type { Lot } from '../api/tracking-types';
import type { Item } from '../api/types';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCompact } from '../layout/use-compact';
import { useCursorPager } from '../lib/cursor-pager';
import { formatQuantity } from '../lib/format';
import { ExpiryBadge } from './expiry-badge';

export const lotPath = (lot: { id: string }) => `/lots/${encodeURIComponent(lot.id)}`;
export const serialPath = (sku: string, serial: string) => `/serials?${new URLSearchParams({ item: sku, serial })}`;

function where(lot: Lot): string {
  return lot.locations.map((p) => `${p.location.code} ${formatQuantity(p.onHand)}`).join(', ') || 'none left';
}

/** The item's lots in stock, in the order they go out (earliest expiry first). */
function ItemLots({ item }: { item: Item }) {
  const lots = useItemLots(item.sku);
  const compact = useCompact();
  return (
    <QueryState query={lots} what="lots">
      {(page) => page.data.length === 0 ? <Text c="dimmed" size="sm">No lot in stock.</Text> : compact ? (
        <ul aria-label={`Lots of ${item.sku}`} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {page.data.map((lot) => (
            <li key={lot.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
              <Anchor component={Link} to={lotPath(lot)} fw={600} size="sm">{lot.number}</Anchor> <ExpiryBadge lot={lot} />
              <Text size="xs">On hand {formatQuantity(lot.onHand)} {item.unit} · {where(lot)}</Text>
            </li>
          ))}
        </ul>
      ) : (
        <Table fz="sm" verticalSpacing={4} striped>
          <caption className="visually-hidden">{`Lots of ${item.sku}`}</caption>
          <Table.Thead>
            <Table.Tr><Table.Th scope="col">Lot</Table.Th><Table.Th scope="col">Expiry</Table.Th><Table.Th scope="col" ta="right">On hand</Table.Th><Table.Th scope="col">Where</Table.Th></Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {page.data.map((lot) => (
              <Table.Tr key={lot.id}>
                <Table.Th scope="row"><Anchor component={Link} to={lotPath(lot)} size="sm" fw={600}>{lot.number}</Anchor></Table.Th>
                <Table.Td><ExpiryBadge lot={lot} /></Table.Td>
                <Table.Td ta="right" ff="monospace">{formatQuantity(lot.onHand)}</Table.Td>
                <Table.Td>{where(lot)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </QueryState>
  );
}

/** Where each unit of the item is, by serial, a page at a time. */
function ItemSerials({ item }: { item: Item }) {
  const pager = useCursorPager(item.id);
  const serials = useItemSerials(item.sku, pager.cursor);
  return (
    <QueryState query={serials} what="serial numbers">
      {(page) => page.data.length === 0 ? <Text c="dimmed" size="sm">No serial number received yet.</Text> : (
        <>
          <ul aria-label={`Serials of ${item.sku}`} style={{ listStyle: 'none', margin: 0, padding: 0, columns: '16rem' }}>
            {page.data.map((s) => (
              <li key={s.id} style={{ padding: '2px 0', breakInside: 'avoid' }}>
                <Anchor component={Link} to={serialPath(item.sku, s.serialNumber)} size="sm" ff="monospace">{s.serialNumber}</Anchor>
                <Text span size="sm"> at {s.location.code}</Text>
              </li>
            ))}
          </ul>
          <Pager label="Serial numbers" page={pager.page} hasNext={page.nextCursor !== null} onPrevious={pager.previous} onNext={() => page.nextCursor && pager.next(page.nextCursor)} />
        </>
      )}
    </QueryState>
  );
}

/** On an item's page: its lots with expiry and stock, or its serial numbers and where each is. */
export function ItemTracking({ item }: { item: Item }) {
  if (item.tracking === 'none') return null;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">{item.tracking === 'lot' ? 'Lots' : 'Serial numbers'}</Title>
      {item.tracking === 'lot' ? <ItemLots item={item} /> : <ItemSerials item={item} />}
    </Paper>
  );
}
