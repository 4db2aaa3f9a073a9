import { Anchor, Button, Modal, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { del, patch, seg } from '../api/client';
import { useWebhook } from '../api/webhook-queries';
import type { Webhook } from '../api/types';
import { ConfirmModal, type Confirmation } from '../layout/confirm-modal';
import { PageHeader } from '../layout/page-header';
import { QueryState } from '../layout/query-state';
import { formatDateTime } from '../lib/format';
import { AdminOnly } from './admin-only';
import { DeliveryLog } from './delivery-log';
import { webhookBody, WebhookForm, webhookValues } from './webhook-form';
import { eventTypesText, SubscriptionBadge } from './webhook-status';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>{children}</Text>
    </div>
  );
}

function WebhookDetails({ webhook }: { webhook: Webhook }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const path = `/api/v1/webhooks/${seg(webhook.id)}`;

  async function saved(updated: Webhook, message: string) {
    queryClient.setQueryData(['webhooks', 'one', webhook.id], updated);
    await queryClient.invalidateQueries({ queryKey: ['webhooks'] });
    notifications.show({ color: 'green', message });
  }

  // Pausing loses nothing (what happens meanwhile is sent on resuming), so it needs no confirmation.
  async function setStatus(status: Webhook['status']) {
    setBusy(true);
    try {
      await saved(await patch<Webhook>(path, { status }), status === 'paused' ? 'Subscription paused' : 'Subscription resumed');
    } catch (e) {
      notifications.show({ color: 'red', message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  const remove = () => setConfirmation({
    title: 'Delete this subscription?', confirmLabel: 'Delete subscription', danger: true,
    message: `Nothing more will be sent to ${webhook.url}, and its delivery log is deleted with it. This cannot be undone.`,
    run: async () => {
      await del(path);
      queryClient.removeQueries({ queryKey: ['webhooks', 'one', webhook.id] });
      await queryClient.invalidateQueries({ queryKey: ['webhooks', 'list'] });
      notifications.show({ color: 'green', message: 'Subscription deleted' });
      navigate('/webhooks');
    },
  });

  const paused = webhook.status === 'paused';
  return (
    <Stack gap="md">
      <PageHeader
        title="Webhook subscription"
        description={<Text span inherit style={{ overflowWrap: 'anywhere' }}>{webhook.url}</Text>}
        actions={
          <>
            <Button loading={busy} variant={paused ? 'filled' : 'default'} onClick={() => void setStatus(paused ? 'active' : 'paused')}
              leftSection={paused ? <IconPlayerPlay size={16} aria-hidden /> : <IconPlayerPause size={16} aria-hidden />}>
              {paused ? 'Resume' : 'Pause'}
            </Button>
            <Button variant="default" onClick={() => setEditing(true)}>Edit</Button>
            <Button variant="default" color="red" onClick={remove}>Delete</Button>
          </>
        }
      />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="xs">
          <Fact label="Status"><SubscriptionBadge status={webhook.status} /></Fact>
          <Fact label="Events">{eventTypesText(webhook.eventTypes)}</Fact>
          <Fact label="Queued through">event {webhook.queuedThroughSeq}</Fact>
          <Fact label="Pending">{webhook.pendingDeliveries}</Fact>
          <Fact label="Failed">{webhook.failedDeliveries}</Fact>
          <Fact label="Created">{formatDateTime(webhook.createdAt)}</Fact>
        </SimpleGrid>
        {webhook.description && <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>{webhook.description}</Text>}
        {paused && <Text size="xs" c="dimmed" mt="xs">Paused: nothing is sent. On resuming, everything that happened meanwhile is sent, in order.</Text>}
        <Anchor component={Link} to="/webhooks" size="sm" mt="xs" display="inline-block">All subscriptions</Anchor>
      </Paper>
      <DeliveryLog webhook={webhook} confirm={setConfirmation} />
      <Modal opened={editing} onClose={() => setEditing(false)} title="Edit subscription" size="lg">
        <WebhookForm
          key={webhook.updatedAt} initial={webhookValues(webhook)} label="Edit subscription" submitLabel="Save changes" onCancel={() => setEditing(false)}
          onSubmit={async (v) => {
            await saved(await patch<Webhook>(path, webhookBody(v)), 'Subscription saved');
            setEditing(false);
          }}
        />
      </Modal>
      <ConfirmModal confirmation={confirmation} onClose={() => setConfirmation(null)} />
    </Stack>
  );
}

/** One subscription: its settings, pause and resume, and its delivery log with replay. */
export function WebhookPage() {
  const { id = '' } = useParams();
  const webhook = useWebhook(id);
  return <AdminOnly query={webhook}><QueryState query={webhook} what="the webhook subscription">{(w) => <WebhookDetails webhook={w} />}</QueryState></AdminOnly>;
}
