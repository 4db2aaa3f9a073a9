import { Anchor, Button, Modal, Paper, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { post } from '../api/client';
import { useWebhooks } from '../api/webhook-queries';
import type { CreatedWebhook, Webhook } from '../api/types';
import { PageHeader } from '../layout/page-header';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCompact } from '../layout/use-compact';
import { useCursorPager } from '../lib/cursor-pager';
import { newIdempotencyKey } from '../lib/idempotency';
import { EMPTY_WEBHOOK, webhookBody, WebhookForm } from './webhook-form';
import { AdminOnly } from './admin-only';
import { WebhookSecret } from './webhook-secret';
import { eventTypesText, SubscriptionBadge } from './webhook-status';

const linkTo = (w: Webhook) => `/webhooks/${encodeURIComponent(w.id)}`;

/** On a handheld each subscription is a short block rather than a row too wide to read. */
function WebhookList({ webhooks }: { webhooks: Webhook[] }) {
  return (
    <ul aria-label="Webhook subscriptions" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {webhooks.map((w) => (
        <li key={w.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
          <Anchor component={Link} to={linkTo(w)} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>{w.url}</Anchor> <SubscriptionBadge status={w.status} />
          {w.description && <Text size="xs" lineClamp={1}>{w.description}</Text>}
          <Text size="xs" c="dimmed">{eventTypesText(w.eventTypes)} · {w.pendingDeliveries} pending · {w.failedDeliveries} failed</Text>
        </li>
      ))}
    </ul>
  );
}

function WebhooksTable({ webhooks }: { webhooks: Webhook[] }) {
  const compact = useCompact();
  if (webhooks.length === 0) return <Text c="dimmed" size="sm">No subscription yet. Subscribe a URL to have stock changes POSTed to it as they happen.</Text>;
  if (compact) return <WebhookList webhooks={webhooks} />;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing={6} fz="sm">
        <caption className="visually-hidden">Webhook subscriptions</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">URL</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Events</Table.Th>
            <Table.Th scope="col" ta="right">Pending</Table.Th>
            <Table.Th scope="col" ta="right">Failed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {webhooks.map((w) => (
            <Table.Tr key={w.id}>
              <Table.Th scope="row" fw={400} maw={360}>
                <Anchor component={Link} to={linkTo(w)} size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>{w.url}</Anchor>
                {w.description && <Text size="xs" c="dimmed" lineClamp={1}>{w.description}</Text>}
              </Table.Th>
              <Table.Td><SubscriptionBadge status={w.status} /></Table.Td>
              <Table.Td>{eventTypesText(w.eventTypes)}</Table.Td>
              <Table.Td ta="right">{w.pendingDeliveries}</Table.Td>
              <Table.Td ta="right" c={w.failedDeliveries > 0 ? 'red' : undefined}>{w.failedDeliveries}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Webhook subscriptions: who receives stock events, and how their deliveries are going. New ones show their secret once. */
export function WebhooksPage() {
  const queryClient = useQueryClient();
  const pager = useCursorPager('webhooks');
  const query = useWebhooks(pager.cursor);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  // One key per body: a repeated submit answers with the same subscription (and its secret) instead of a second one.
  const attempt = useRef<{ body: string; key: string } | null>(null);
  const close = () => {
    setCreating(false);
    setCreated(null);
  };

  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Stock events POSTed to your systems, signed, retried until they arrive."
        actions={<Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>New subscription</Button>}
      />
      <Paper withBorder p="md">
        <AdminOnly query={query}>
          <QueryState query={query} what="webhook subscriptions">
            {(page) => (
              <>
                <WebhooksTable webhooks={page.data} />
                {(page.nextCursor !== null || pager.page > 1) && (
                  <Pager label="Webhook subscriptions" page={pager.page} hasNext={page.nextCursor !== null} onPrevious={pager.previous} onNext={() => page.nextCursor && pager.next(page.nextCursor)} />
                )}
              </>
            )}
          </QueryState>
        </AdminOnly>
      </Paper>
      {/* A created subscription's dialog cannot be dismissed by a stray click or Escape: its secret would be gone. */}
      <Modal opened={creating} onClose={close} title={created ? 'Subscription created' : 'New webhook subscription'} size="lg"
        closeOnClickOutside={created === null} closeOnEscape={created === null}>
        {created ? (
          <WebhookSecret webhook={created} onDone={close} />
        ) : (
          <WebhookForm
            initial={EMPTY_WEBHOOK} label="New webhook subscription" submitLabel="Create subscription" onCancel={close}
            onSubmit={async (v) => {
              const body = webhookBody(v);
              const text = JSON.stringify(body);
              if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
              const webhook = await post<CreatedWebhook>('/api/v1/webhooks', body, attempt.current.key);
              attempt.current = null;
              await queryClient.invalidateQueries({ queryKey: ['webhooks'] });
              setCreated(webhook);
            }}
          />
        )}
      </Modal>
    </>
  );
}
