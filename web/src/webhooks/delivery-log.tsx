import { Button, Group, Paper, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { post, seg } from '../api/client';
import { useDeliveries, type DeliveryStatus } from '../api/webhook-queries';
import type { Webhook, WebhookDelivery, WebhookReplay } from '../api/types';
import type { Confirmation } from '../layout/confirm-modal';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCursorPager } from '../lib/cursor-pager';
import { formatDateTime } from '../lib/format';
import { DeliveryBadge, DELIVERY_STATUSES, deliveryLabel, isDeliveryStatus } from './webhook-status';

const STATUS_OPTIONS = [{ value: '', label: 'Any status' }, ...DELIVERY_STATUSES.map((s) => ({ value: s, label: deliveryLabel(s) }))];

/** When it arrived, or when the next try is due. */
function outcome(d: WebhookDelivery): string {
  if (d.deliveredAt) return `delivered ${formatDateTime(d.deliveredAt)}`;
  if (d.nextAttemptAt) return `next try ${formatDateTime(d.nextAttemptAt)}`;
  return d.status === 'failed' ? 'given up' : 'waiting';
}

function DeliveriesTable({ deliveries, onReplay }: { deliveries: WebhookDelivery[]; onReplay: (d: WebhookDelivery) => void }) {
  if (deliveries.length === 0) return <Text c="dimmed" size="sm">No deliveries yet. Events numbered after the subscription was created are sent as they happen.</Text>;
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
                {d.lastAttemptAt ? `${formatDateTime(d.lastAttemptAt)}${d.lastDurationMs === null ? '' : ` · ${d.lastDurationMs} ms`}` : '—'}
                {d.lastError && <Text size="xs" c="red" lineClamp={2} title={d.lastError}>{d.lastError}</Text>}
              </Table.Td>
              <Table.Td>{outcome(d)}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => onReplay(d)} aria-label={`Replay event ${d.event.seq}`}>
                  Replay
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A subscription's deliveries, newest first, filtered by status; any delivery, or every event from a number, can be sent again. */
export function DeliveryLog({ webhook, confirm }: { webhook: Webhook; confirm: (c: Confirmation) => void }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<DeliveryStatus | undefined>(undefined);
  const [fromSeq, setFromSeq] = useState('');
  const pager = useCursorPager(`${webhook.id}:${status ?? ''}`);
  const query = useDeliveries(webhook.id, status, pager.cursor);
  const replayUrl = `/api/v1/webhooks/${seg(webhook.id)}/replay`;

  async function replayed(result: WebhookReplay) {
    await queryClient.invalidateQueries({ queryKey: ['webhooks'] });
    notifications.show({ color: 'green', message: result.queued === 1 ? 'One event queued to send again' : `${result.queued} events queued to send again` });
  }

  const replayOne = (d: WebhookDelivery) => confirm({
    title: `Send event ${d.event.seq} again?`, confirmLabel: 'Send again',
    message: `${d.event.type} ${d.event.id} is sent to ${webhook.url} once more, with the same Webhook-Id, so a receiver that dedupes ignores it if it already has it.`,
    run: async () => replayed(await post<WebhookReplay>(replayUrl, { deliveryId: d.id })),
  });

  function replayFrom(event: FormEvent) {
    event.preventDefault();
    const text = fromSeq.trim();
    // Sent as typed when it is not a whole number, so the API's own message explains it.
    const seq: number | string = /^\d+$/.test(text) ? Number(text) : text;
    confirm({
      title: `Send every event from ${text} again?`, confirmLabel: 'Send again',
      message: `Every event numbered ${text} or later that this subscription receives is queued again, in order.`,
      run: async () => replayed(await post<WebhookReplay>(replayUrl, { fromSeq: seq })),
    });
  }

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">Delivery log</Title>
      <Group align="flex-end" justify="space-between" gap="sm" mb="sm">
        <Select label="Status" data={STATUS_OPTIONS} value={status ?? ''} allowDeselect={false} w={180}
          onChange={(v) => setStatus(isDeliveryStatus(v) ? v : undefined)} comboboxProps={{ withinPortal: true }} />
        <form onSubmit={replayFrom} aria-label="Replay from an event">
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput label="Send again from event" placeholder="seq" inputMode="numeric" value={fromSeq} onChange={(e) => setFromSeq(e.currentTarget.value)} w={170} />
            <Button type="submit" variant="default" disabled={fromSeq.trim() === ''}>Replay</Button>
          </Group>
        </form>
      </Group>
      <QueryState query={query} what="deliveries">
        {(page) => (
          <>
            <DeliveriesTable deliveries={page.data} onReplay={replayOne} />
            <Pager label="Deliveries" page={pager.page} hasNext={page.nextCursor !== null} onPrevious={pager.previous} onNext={() => page.nextCursor && pager.next(page.nextCursor)} />
          </>
        )}
      </QueryState>
    </Paper>
  );
}
