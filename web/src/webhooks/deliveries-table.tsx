import { Button, Table, Text } from '@mantine/core';
import { IconRefresh } from '@tabler/icons-react';
import type { WebhookDelivery } from '../api/types';
import { useCompact } from '../layout/use-compact';
import { formatDateTime } from '../lib/format';
import { DeliveryBadge } from './webhook-status';

/** When it arrived, or when the next try is due. */
function outcome(d: WebhookDelivery): string {
  if (d.deliveredAt) return `delivered ${formatDateTime(d.deliveredAt)}`;
  if (d.nextAttemptAt) return `next try ${formatDateTime(d.nextAttemptAt)}`;
  return d.status === 'failed' ? 'given up' : 'waiting';
}

function lastAttempt(d: WebhookDelivery): string {
  if (!d.lastAttemptAt) return '—';
  return `${formatDateTime(d.lastAttemptAt)}${d.lastDurationMs === null ? '' : ` · ${d.lastDurationMs} ms`}`;
}

function ReplayButton({ delivery, onReplay }: { delivery: WebhookDelivery; onReplay: (d: WebhookDelivery) => void }) {
  return (
    <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => onReplay(delivery)} aria-label={`Replay event ${delivery.event.seq}`}>
      Replay
    </Button>
  );
}

/** On a handheld each delivery is a short block: the event and its badge, the latest attempt, the outcome. */
function DeliveryList({ deliveries, onReplay }: { deliveries: WebhookDelivery[]; onReplay: (d: WebhookDelivery) => void }) {
  return (
    <ul aria-label="Deliveries, newest first" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {deliveries.map((d) => (
        <li key={d.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
          <Text size="sm" fw={600}>#{d.event.seq} {d.event.type}{d.replayOf && ' · replay'} <DeliveryBadge status={d.status} /></Text>
          <Text size="xs">{d.attempts} attempt(s) · response {d.lastStatusCode ?? '—'} · {lastAttempt(d)}</Text>
          {d.lastError && <Text size="xs" c="red" lineClamp={2}>{d.lastError}</Text>}
          <Text size="xs" c="dimmed" mb={4}>{outcome(d)}</Text>
          <ReplayButton delivery={d} onReplay={onReplay} />
        </li>
      ))}
    </ul>
  );
}

export function DeliveriesTable({ deliveries, onReplay }: { deliveries: WebhookDelivery[]; onReplay: (d: WebhookDelivery) => void }) {
  const compact = useCompact();
  if (deliveries.length === 0) return <Text c="dimmed" size="sm">No deliveries yet. Events numbered after the subscription was created are sent as they happen.</Text>;
  if (compact) return <DeliveryList deliveries={deliveries} onReplay={onReplay} />;
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped verticalSpacing={6} fz="sm">
        <caption className="visually-hidden">Deliveries, newest first</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Event</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col" ta="right">Attempts</Table.Th>
            <Table.Th scope="col" ta="right">Response</Table.Th>
            <Table.Th scope="col">Last attempt</Table.Th>
            <Table.Th scope="col">Outcome</Table.Th>
            <Table.Th scope="col"><span className="visually-hidden">Actions</span></Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deliveries.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Th scope="row" fw={400}>
                <Text size="sm" fw={600}>#{d.event.seq} {d.event.type}</Text>
                <Text size="xs" c="dimmed" ff="monospace">{d.event.id}{d.replayOf && ' · replay'}</Text>
              </Table.Th>
              <Table.Td><DeliveryBadge status={d.status} /></Table.Td>
              <Table.Td ta="right">{d.attempts}</Table.Td>
              <Table.Td ta="right" ff="monospace">{d.lastStatusCode ?? '—'}</Table.Td>
              <Table.Td>
                {lastAttempt(d)}
                {d.lastError && <Text size="xs" c="red" lineClamp={2} title={d.lastError}>{d.lastError}</Text>}
              </Table.Td>
              <Table.Td>{outcome(d)}</Table.Td>
              <Table.Td><ReplayButton delivery={d} onReplay={onReplay} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

