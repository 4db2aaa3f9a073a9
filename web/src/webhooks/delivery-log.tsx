import { Button, Group, Paper, Select, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { post, seg } from '../api/client';
import { useDeliveries, type DeliveryStatus } from '../api/webhook-queries';
import type { Webhook, WebhookDelivery, WebhookReplay } from '../api/types';
import type { Confirmation } from '../layout/confirm-modal';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCursorPager } from '../lib/cursor-pager';
import { DeliveriesTable } from './deliveries-table';
import { DELIVERY_STATUSES, deliveryLabel, isDeliveryStatus } from './webhook-status';

const STATUS_OPTIONS = [{ value: '', label: 'Any status' }, ...DELIVERY_STATUSES.map((s) => ({ value: s, label: deliveryLabel(s) }))];

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
