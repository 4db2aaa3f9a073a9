import { Alert, Anchor, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { LotTrace } from '../api/tracking-types';
import { useCompact } from '../layout/use-compact';
import { formatDateTime, formatQuantity } from '../lib/format';
import { MovementsTable } from '../movements/movements-table';

type Shipped = LotTrace['shipped'][number];

/** A shipment's document, linked to its page where the app has one (sales orders), else to its movements. */
function DocumentLink({ shipped }: { shipped: Shipped }) {
  const { document, reference } = shipped;
  if (document?.type === 'sales_order') return <Anchor component={Link} to={`/sales-orders/${encodeURIComponent(reference ?? document.id)}`} size="sm">{reference ?? 'sales order'}</Anchor>;
  if (document) {
    const params = new URLSearchParams({ documentType: document.type, documentId: document.id });
    return <Anchor component={Link} to={`/movements?${params}`} size="sm">{reference ?? `${document.type.replace('_', ' ')} …${document.id.slice(-6)}`}</Anchor>;
  }
  return <Text span size="sm">{reference ?? 'no reference'}</Text>;
}

function ShippedList({ trace }: { trace: LotTrace }) {
  const compact = useCompact();
  if (trace.shipped.length === 0) return <Text c="dimmed" size="sm">No unit of this lot has left for a customer.</Text>;
  if (compact) {
    return (
      <ul aria-label="Where the lot went" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {trace.shipped.map((s, i) => (
          <li key={i} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
            <Text size="sm"><b>{formatQuantity(s.quantity)}</b> to {s.to.code} · <DocumentLink shipped={s} /></Text>
            <Text size="xs" c="dimmed">{formatDateTime(s.occurredAt)}</Text>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <Table fz="sm" verticalSpacing={4} striped>
      <caption className="visually-hidden">Where the lot went</caption>
      <Table.Thead>
        <Table.Tr><Table.Th scope="col">When</Table.Th><Table.Th scope="col">To</Table.Th><Table.Th scope="col">Document</Table.Th><Table.Th scope="col" ta="right">Quantity</Table.Th></Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {trace.shipped.map((s, i) => (
          <Table.Tr key={i}>
            <Table.Td>{formatDateTime(s.occurredAt)}</Table.Td>
            <Table.Td>{s.to.code}</Table.Td>
            <Table.Td><DocumentLink shipped={s} /></Table.Td>
            <Table.Td ta="right" ff="monospace">{formatQuantity(s.quantity)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The recall view: received, where every unit went (customers by document), what remains where, and every movement. */
export function LotTraceView({ trace }: { trace: LotTrace }) {
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">Recall trace</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <div>
          <Title order={3} size="h5" mb={4}>Went to customers</Title>
          <ShippedList trace={trace} />
        </div>
        <div>
          <Title order={3} size="h5" mb={4}>Remains</Title>
          {trace.remaining.length === 0 ? <Text c="dimmed" size="sm">Nothing of this lot remains in stock.</Text> : (
            <ul aria-label="What remains where" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
              {trace.remaining.map((r) => (
                <li key={r.location.id}><Text size="sm"><b>{r.location.code}</b>: {formatQuantity(r.onHand)} on hand, {formatQuantity(r.reserved)} reserved</Text></li>
              ))}
            </ul>
          )}
          <Text size="sm" mt="xs">Received in all: <b>{formatQuantity(trace.received)}</b></Text>
        </div>
      </SimpleGrid>
      <Title order={3} size="h5" mt="md" mb={4}>Every movement of the lot</Title>
      {trace.movementsTruncated && <Alert color="yellow" mb="xs" title="Only the first movements are shown">The lot has more movements than the trace lists; the movements page has them all.</Alert>}
      <MovementsTable movements={trace.movements} caption="Movements of the lot" showItem={false} />
    </Paper>
  );
}
