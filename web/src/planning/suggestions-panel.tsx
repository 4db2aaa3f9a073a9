import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFilePlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, post } from '../api/client';
import { usePurchaseSuggestions } from '../api/purchasing-queries';
import type { PurchaseOrderSummary, SuggestedOrder } from '../api/types';
import { QueryState } from '../layout/query-state';
import { useCompact } from '../layout/use-compact';
import { formatMoney, formatQuantity } from '../lib/format';
import { newIdempotencyKey } from '../lib/idempotency';

interface Created {
  orders: PurchaseOrderSummary[];
  skipped: Array<{ supplier: string; item: string; quantity: string; reason: 'no-price' }>;
}

function LineTable({ order, name }: { order: SuggestedOrder; name: string }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table fz="sm" verticalSpacing={4}>
        <caption className="visually-hidden">Suggested lines from {name}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Item</Table.Th>
            <Table.Th scope="col" ta="right">Needed</Table.Th>
            <Table.Th scope="col" ta="right">Order</Table.Th>
            <Table.Th scope="col" ta="right">Unit price</Table.Th>
            <Table.Th scope="col" ta="right">Line total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {order.lines.map((l) => (
            <Table.Tr key={l.item.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={`/items/${encodeURIComponent(l.item.sku)}`} size="sm">{l.item.sku}</Anchor>
                {l.choice === 'ranked' && <Badge component="span" size="xs" variant="light" color="gray" ml={4}>cheapest</Badge>}
                <Text size="xs" c="dimmed" lineClamp={1}>{l.item.name}</Text>
              </Table.Th>
              <Table.Td ta="right" ff="monospace">{formatQuantity(l.needed)}</Table.Td>
              <Table.Td ta="right" ff="monospace" fw={600}>{formatQuantity(l.quantity)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{l.unitPrice === null ? '—' : formatMoney(l.unitPrice)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{l.lineTotal === null ? 'no price' : formatMoney(l.lineTotal)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a handheld each suggested line is a short block. */
function LineList({ order }: { order: SuggestedOrder }) {
  return (
    <ul aria-label={`Suggested lines from ${order.supplier.code}`} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {order.lines.map((l) => (
        <li key={l.item.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '4px 0' }}>
          <Anchor component={Link} to={`/items/${encodeURIComponent(l.item.sku)}`} size="sm">{l.item.sku}</Anchor>
          <Text size="xs" c="dimmed" lineClamp={1}>{l.item.name}</Text>
          <Text size="xs">
            Needed {formatQuantity(l.needed)} → order <b>{formatQuantity(l.quantity)}</b>
            {l.unitPrice === null ? ' · no price' : ` × ${formatMoney(l.unitPrice)} = ${formatMoney(l.lineTotal ?? '0')}`}
          </Text>
        </li>
      ))}
    </ul>
  );
}

function SuggestedOrderCard({ order, busy, onCreate }: { order: SuggestedOrder; busy: boolean; onCreate: () => void }) {
  const compact = useCompact();
  const name = `${order.supplier.code} to ${order.site.code}`;
  return (
    <Paper withBorder p="sm" component="section" aria-label={`Suggested order from ${name}`}>
      <Group justify="space-between" align="flex-start" mb={6}>
        <div>
          <Title order={3} size="h5">{order.supplier.name} <Text span size="sm" c="dimmed">({order.supplier.code}) → {order.site.code}</Text></Title>
          <Text size="xs" c="dimmed">
            {order.lines.length} line(s) · total {order.currency} {formatMoney(order.total)}
            {order.leadTimeDays !== null && ` · arrives in about ${order.leadTimeDays} days`}
            {order.unpricedLines > 0 && ` · ${order.unpricedLines} line(s) without a price will be left out`}
          </Text>
        </div>
        <Button size="xs" leftSection={<IconFilePlus size={14} aria-hidden />} loading={busy} onClick={onCreate} aria-label={`Create a draft purchase order for ${order.supplier.code} to ${order.site.code}`}>
          Create draft
        </Button>
      </Group>
      {compact ? <LineList order={order} /> : <LineTable order={order} name={name} />}
    </Paper>
  );
}

function CreatedDrafts({ created }: { created: Created }) {
  return (
    <Alert color="green" title={created.orders.length === 0 ? 'No draft was created' : `Created ${created.orders.length} draft purchase order(s)`} role="status">
      <Stack gap={2}>
        {created.orders.map((o) => (
          <Anchor key={o.id} component={Link} to={`/purchase-orders/${encodeURIComponent(o.number)}`} size="sm">
            {o.number} · {o.supplier.code} → {o.site.code} · {o.currency} {formatMoney(o.total)}
          </Anchor>
        ))}
        {created.skipped.map((s) => <Text key={`${s.supplier}|${s.item}`} size="sm">Left out {formatQuantity(s.quantity)} × {s.item} from {s.supplier}: no price at that quantity.</Text>)}
      </Stack>
    </Alert>
  );
}

/** What to buy now: the low items rounded to packs and minimums, grouped by supplier, turned into draft orders in one go. */
export function SuggestionsPanel({ site }: { site: string | undefined }) {
  const queryClient = useQueryClient();
  const query = usePurchaseSuggestions(site);
  const [busy, setBusy] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);
  const attempt = useRef<{ body: string; key: string } | null>(null);

  async function create(id: string, body: { site?: string; suppliers?: string[] }) {
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: newIdempotencyKey() };
    setBusy(id);
    setError(null);
    try {
      const result = await post<Created>('/api/v1/planning/suggestions/purchase-orders', body, attempt.current.key);
      attempt.current = null;
      setCreated(result);
      notifications.show({ color: 'green', message: `Created ${result.orders.map((o) => o.number).join(', ') || 'no drafts'}` });
      await queryClient.invalidateQueries();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Paper withBorder p="md">
      <QueryState query={query} what="purchase suggestions">
        {(s) => (
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2} size="h4">Suggested orders</Title>
              {s.orders.length > 0 && (
                <Button loading={busy === 'all'} disabled={busy !== null && busy !== 'all'} leftSection={<IconFilePlus size={16} aria-hidden />}
                  onClick={() => void create('all', site ? { site } : {})}>Create draft purchase orders</Button>
              )}
            </Group>
            {created && <CreatedDrafts created={created} />}
            {error && <Alert color="red" role="alert" title="No drafts created">{error}</Alert>}
            {s.truncated && <Alert color="yellow">More items are low than one list holds: create these drafts, then the rest appear.</Alert>}
            {s.orders.length === 0 && <Text c="dimmed" size="sm">Nothing to order: no item with a policy is low{site ? ` at ${site}` : ''}, or what is low is already on order.</Text>}
            {s.orders.map((o) => {
              const id = `${o.supplier.id}|${o.site.id}`;
              return <SuggestedOrderCard key={id} order={o} busy={busy === id} onCreate={() => void create(id, { site: o.site.code, suppliers: [o.supplier.code] })} />;
            })}
            {s.unassigned.length > 0 && (
              <Alert color="yellow" title="Low, but no supplier offers them">
                {s.unassigned.map((u) => (
                  <Text key={`${u.item.id}|${u.site.id}`} size="sm">
                    <Anchor component={Link} to={`/items/${encodeURIComponent(u.item.sku)}`} size="sm">{u.item.sku}</Anchor> at {u.site.code}: {formatQuantity(u.needed)} needed
                  </Text>
                ))}
              </Alert>
            )}
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}
