import { Anchor, Badge, Group, Paper, SegmentedControl, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useExpiringLots } from '../api/tracking-queries';
import type { ExpiringLot } from '../api/tracking-types';
import { PageHeader } from '../layout/page-header';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCompact } from '../layout/use-compact';
import { useCursorPager } from '../lib/cursor-pager';
import { formatQuantity } from '../lib/format';
import { daysLeftText } from './expiry-badge';
import { lotPath } from './item-tracking';

const WINDOWS = ['7', '30', '90'];

/** One row per lot × location, since the clerk acts on a shelf: pull it, move it, sell it first. */
function rows(lots: ExpiringLot[]) {
  return lots.flatMap((lot) => lot.locations.map((at) => ({ lot, at })));
}

function DaysLeft({ lot }: { lot: ExpiringLot }) {
  if (lot.daysLeft === null) return null;
  const color = lot.expired ? 'red' : lot.daysLeft <= 7 ? 'orange' : 'yellow';
  return <Badge color={color} variant={lot.expired ? 'filled' : 'light'} tt="none">{daysLeftText(lot.daysLeft)}</Badge>;
}

function AlertList({ lots, withinDays }: { lots: ExpiringLot[]; withinDays: string }) {
  const compact = useCompact();
  const list = rows(lots);
  if (list.length === 0) return <Text c="dimmed" size="sm">No lot in stock expires within {withinDays} days, and none has expired.</Text>;
  const label = `Lots expiring within ${withinDays} days or expired`;
  if (compact) {
    return (
      <ul aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {list.map(({ lot, at }) => (
          <li key={`${lot.id}-${at.location.id}`} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
            <Text size="sm" fw={600}>{lot.item.sku} · <Anchor component={Link} to={lotPath(lot)} inherit>lot {lot.number}</Anchor></Text>
            <Group gap={6} mt={2}>
              <DaysLeft lot={lot} />
              <Text size="xs">{lot.expiresOn} · {at.location.code}: {formatQuantity(at.onHand)} on hand, {formatQuantity(at.reserved)} reserved</Text>
            </Group>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table fz="sm" verticalSpacing={6} striped>
      <caption className="visually-hidden">{label}</caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Item</Table.Th><Table.Th scope="col">Lot</Table.Th><Table.Th scope="col">Expires</Table.Th><Table.Th scope="col">Left</Table.Th>
          <Table.Th scope="col">Location</Table.Th><Table.Th scope="col" ta="right">On hand</Table.Th><Table.Th scope="col" ta="right">Reserved</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.map(({ lot, at }) => (
          <Table.Tr key={`${lot.id}-${at.location.id}`}>
            <Table.Td><Anchor component={Link} to={`/items/${encodeURIComponent(lot.item.sku)}`} size="sm">{lot.item.sku}</Anchor></Table.Td>
            <Table.Th scope="row"><Anchor component={Link} to={lotPath(lot)} size="sm" fw={600}>{lot.number}</Anchor></Table.Th>
            <Table.Td ff="monospace">{lot.expiresOn}</Table.Td>
            <Table.Td><DaysLeft lot={lot} /></Table.Td>
            <Table.Td>{at.location.code}</Table.Td>
            <Table.Td ta="right" ff="monospace">{formatQuantity(at.onHand)}</Table.Td>
            <Table.Td ta="right" ff="monospace">{formatQuantity(at.reserved)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Expiry alerts: lots with stock that expire within the chosen days, and those already expired, earliest first. */
export function ExpiringLotsPage() {
  const [withinDays, setWithinDays] = useState('30');
  const pager = useCursorPager(withinDays);
  const query = useExpiringLots(Number(withinDays), pager.cursor);
  return (
    <>
      <PageHeader title="Expiring lots" description="Lots in stock that expire soon, and expired lots still on the shelf (they cannot be sold)." />
      <Paper withBorder p="md">
        <Group mb="sm" gap="sm">
          <Text size="sm" id="expiry-window">Expiring within</Text>
          <SegmentedControl aria-labelledby="expiry-window" value={withinDays} onChange={setWithinDays} data={WINDOWS.map((d) => ({ value: d, label: `${d} days` }))} />
        </Group>
        <QueryState query={query} what="expiring lots">
          {(page) => (
            <>
              <AlertList lots={page.data} withinDays={withinDays} />
              <Pager label="Expiring lots" page={pager.page} hasNext={page.nextCursor !== null} onPrevious={pager.previous} onNext={() => page.nextCursor && pager.next(page.nextCursor)} />
            </>
          )}
        </QueryState>
      </Paper>
    </>
  );
}
