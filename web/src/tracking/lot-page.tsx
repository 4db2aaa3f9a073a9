import { Alert, Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useLot, useLotTrace } from '../api/tracking-queries';
import type { Lot } from '../api/tracking-types';
import { PageHeader } from '../layout/page-header';
import { QueryState } from '../layout/query-state';
import { useCompact } from '../layout/use-compact';
import { formatDateTime, formatQuantity } from '../lib/format';
import { daysLeftText, ExpiryBadge } from './expiry-badge';
import { LotTraceView } from './lot-trace';

const FIGURES = [
  { key: 'onHand', label: 'On hand' },
  { key: 'reserved', label: 'Reserved' },
  { key: 'available', label: 'Available' },
] as const;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="sm" fw={600} component="div">{children}</Text>
    </div>
  );
}

function LotStock({ lot }: { lot: Lot }) {
  const compact = useCompact();
  if (lot.locations.length === 0) return <Text c="dimmed" size="sm">None of this lot is in stock.</Text>;
  if (compact) {
    return (
      <ul aria-label="Lot stock per location" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {lot.locations.map((at) => (
          <li key={at.location.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
            <Text size="sm" fw={600}>{at.location.code}</Text>
            <Text size="xs">{FIGURES.map((f) => `${f.label} ${formatQuantity(at[f.key])}`).join(' · ')}</Text>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table fz="sm" verticalSpacing={4} striped>
      <caption className="visually-hidden">Lot stock per location</caption>
      <Table.Thead>
        <Table.Tr><Table.Th scope="col">Location</Table.Th>{FIGURES.map((f) => <Table.Th key={f.key} scope="col" ta="right">{f.label}</Table.Th>)}</Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lot.locations.map((at) => (
          <Table.Tr key={at.location.id}>
            <Table.Th scope="row">{at.location.code}</Table.Th>
            {FIGURES.map((f) => <Table.Td key={f.key} ta="right" ff="monospace">{formatQuantity(at[f.key])}</Table.Td>)}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function LotDetails({ lot }: { lot: Lot }) {
  const trace = useLotTrace(lot.id);
  return (
    <Stack gap="md">
      <PageHeader
        title={`Lot ${lot.number}`}
        description={<>of <Anchor component={Link} to={`/items/${encodeURIComponent(lot.item.sku)}`} inherit>{lot.item.sku}</Anchor></>}
      />
      {lot.expired && (
        <Alert color="red" title="This lot has expired" role="alert">
          Its stock cannot be reserved, sold or shipped to a customer. Move it by naming the lot: scrap it or adjust it out with a reason.
        </Alert>
      )}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" mb="sm">
          <Fact label="Item">{lot.item.sku}</Fact>
          <Fact label="Expiry">
            <Group gap={6}><ExpiryBadge lot={lot} />{lot.daysLeft !== null && <Text span size="xs" c="dimmed">{daysLeftText(lot.daysLeft)}</Text>}</Group>
          </Fact>
          <Fact label="Manufactured">{lot.manufacturedOn ?? '—'}</Fact>
          <Fact label="First received">{formatDateTime(lot.firstReceivedAt)}</Fact>
          <Fact label="On hand">{formatQuantity(lot.onHand)}</Fact>
          <Fact label="Reserved">{formatQuantity(lot.reserved)}</Fact>
        </SimpleGrid>
        <Title order={2} size="h4" mb="xs">Stock per location</Title>
        <LotStock lot={lot} />
      </Paper>
      <QueryState query={trace} what="the recall trace">{(t) => <LotTraceView trace={t} />}</QueryState>
    </Stack>
  );
}

/** One lot: its item and dates (expired shown in red), stock per location, and where every unit went. */
export function LotPage() {
  const { id = '' } = useParams();
  const lot = useLot(id);
  return <QueryState query={lot} what={`lot ${id}`}>{(l) => <LotDetails lot={l} />}</QueryState>;
}
