import { Alert, Anchor, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconListCheck, IconTruck } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError, post } from '../api/client';
import { usePickLists, useSalesOrders } from '../api/sales-order-queries';
import type { PickList, SalesOrder } from '../api/types';
import { ConfirmModal, type Confirmation } from '../layout/confirm-modal';
import { PageHeader } from '../layout/page-header';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCursorPager } from '../lib/cursor-pager';
import { formatDateTime, formatQuantity } from '../lib/format';
import { newIdempotencyKey } from '../lib/idempotency';
import { sumQuantities } from '../lib/quantity';
import { customerText, holdsAnything, pickedLines, unitsOf } from './order-figures';
import { StatusBadge } from './order-status';
import { PickListsTable } from './pick-lists-table';
import { shipPicked } from './ship-picked';

const ROWS = { listStyle: 'none', margin: 0, padding: 0 } as const;
const ROW = { borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' } as const;
const orderLink = (o: SalesOrder) => <Anchor component={Link} to={`/sales-orders/${encodeURIComponent(o.number)}`} fw={600} size="sm">{o.number}</Anchor>;

/** Orders that hold stock and are not on a pick list yet: tick one or several to pick them as a wave. */
function ReadyToPick() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const query = useSalesOrders({ status: ['reserved', 'backordered'] }, undefined, 100);
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(orders: SalesOrder[]) {
    setBusy(true);
    setError(null);
    try {
      const list = await post<PickList>('/api/v1/pick-lists', { orders: chosen }, newIdempotencyKey());
      await queryClient.invalidateQueries();
      navigate(`/pick-lists/${encodeURIComponent(list.number)}`);
    } catch (e) {
      // A refusal points at the order by its place in the wave (/orders/2): name the order instead.
      const named = e instanceof ApiError ? e.fieldErrors.map((f) => `${chosen[Number(/^\/orders\/(\d+)/.exec(f.path)?.[1] ?? -1)] ?? ''} ${f.message}`.trim()) : [];
      setError([e instanceof Error ? e.message : String(e), ...named].filter((m, i, all) => all.indexOf(m) === i).join(' · '));
      setChosen((c) => c.filter((n) => orders.some((o) => o.number === n)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">Ready to pick</Title>
      <QueryState query={query} what="orders to pick">
        {(page) => {
          const orders = page.data.filter(holdsAnything);
          if (orders.length === 0) return <Text c="dimmed" size="sm">No order is waiting to be picked.</Text>;
          const toggle = (number: string, on: boolean) => setChosen((c) => (on ? [...c, number] : c.filter((n) => n !== number)));
          return (
            <Stack gap="sm">
              <ul aria-label="Orders ready to pick" style={ROWS}>
                {orders.map((o) => (
                  <li key={o.id} style={ROW}>
                    <Group gap="sm" wrap="nowrap" align="flex-start">
                      <Checkbox mt={2} aria-label={`Pick ${o.number}`} checked={chosen.includes(o.number)} onChange={(e) => toggle(o.number, e.currentTarget.checked)} />
                      <div style={{ flex: 1, minWidth: 0 }}>
                        <Group gap="xs" justify="space-between">
                          {orderLink(o)}
                          <Text size="sm" ff="monospace">{formatQuantity(unitsOf(o))} {unitsOf(o) === '1' ? 'unit' : 'units'}</Text>
                        </Group>
                        <Text size="xs">{customerText(o)} · from {o.routing?.locations.map((l) => l.code).join(', ') ?? '—'}</Text>
                        <Text size="xs" c="dimmed">{o.channel.code} · {formatDateTime(o.createdAt)}</Text>
                      </div>
                    </Group>
                  </li>
                ))}
              </ul>
              {error && <Alert color="red" role="alert" title="No pick list made">{error}</Alert>}
              <Group>
                <Button leftSection={<IconListCheck size={16} aria-hidden />} disabled={chosen.length === 0} loading={busy} onClick={() => void create(orders)}>
                  {chosen.length > 1 ? `Pick ${chosen.length} orders as a wave` : 'Create pick list'}
                </Button>
                <Button variant="default" onClick={() => setChosen(chosen.length === orders.length ? [] : orders.map((o) => o.number))}>
                  {chosen.length === orders.length ? 'Choose none' : 'Choose all'}
                </Button>
              </Group>
            </Stack>
          );
        }}
      </QueryState>
    </Paper>
  );
}

/** Orders being picked or partly shipped, with what has been picked and is waiting to leave. */
function ReadyToShip() {
  const queryClient = useQueryClient();
  const query = useSalesOrders({ status: ['picking', 'partially_shipped'] }, undefined, 100);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const ship = (orders: SalesOrder[]) => setConfirmation({
    title: orders.length === 1 ? `Ship what was picked for ${orders[0]?.number ?? ''}?` : `Ship what was picked for ${orders.length} orders?`,
    confirmLabel: 'Ship', message: 'Each order ships its picked units in one shipment; what was not picked stays held.',
    run: async () => {
      const { failed } = await shipPicked(orders.map((o) => o.number));
      await queryClient.invalidateQueries();
      if (failed.length > 0) throw new Error(`Not shipped: ${failed.join('; ')}`);
    },
  });
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">Picking and ready to ship</Title>
      <QueryState query={query} what="orders being picked">
        {(page) => {
          if (page.data.length === 0) return <Text c="dimmed" size="sm">No order is being picked.</Text>;
          const waiting = page.data.filter((o) => pickedLines(o).length > 0);
          return (
            <Stack gap="sm">
              <ul aria-label="Orders being picked" style={ROWS}>
                {page.data.map((o) => {
                  const tote = sumQuantities(pickedLines(o).map((l) => l.quantity));
                  return (
                    <li key={o.id} style={ROW}>
                      <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                        <div style={{ minWidth: 0 }}>
                          <Group gap={6}>{orderLink(o)}<StatusBadge status={o.status} /></Group>
                          <Text size="xs">{customerText(o)}</Text>
                          <Text size="xs" c="dimmed">{tote === '0' ? 'nothing picked waiting' : `${formatQuantity(tote)} picked, not shipped`}</Text>
                        </div>
                        <Button size="xs" variant="light" disabled={tote === '0'} onClick={() => ship([o])} aria-label={`Ship picked units of ${o.number}`} style={{ flexShrink: 0 }}>Ship picked</Button>
                      </Group>
                    </li>
                  );
                })}
              </ul>
              {waiting.length > 1 && <Button leftSection={<IconTruck size={16} aria-hidden />} onClick={() => ship(waiting)} style={{ alignSelf: 'flex-start' }}>Ship all picked ({waiting.length} orders)</Button>}
            </Stack>
          );
        }}
      </QueryState>
      <ConfirmModal confirmation={confirmation} onClose={() => setConfirmation(null)} />
    </Paper>
  );
}

/** Pick lists still being walked, newest first. */
function OpenPickLists() {
  const pager = useCursorPager('open');
  const query = usePickLists({ status: 'open' }, pager.cursor);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">Open pick lists</Title>
      <QueryState query={query} what="open pick lists">
        {(page) => page.data.length === 0 && pager.page === 1 ? <Text c="dimmed" size="sm">No pick list is open.</Text> : (
          <>
            <PickListsTable lists={page.data} caption="Open pick lists" />
            {(page.nextCursor !== null || pager.page > 1) && (
              <Pager label="Open pick lists" page={pager.page} hasNext={page.nextCursor !== null} onPrevious={pager.previous} onNext={() => page.nextCursor && pager.next(page.nextCursor)} />
            )}
          </>
        )}
      </QueryState>
    </Paper>
  );
}

/** The picking desk: make pick lists (one order or a wave), get back to one, and ship what was picked. */
export function PickShipPage() {
  return (
    <>
      <PageHeader title="Pick & ship" description="Pick lists walk the bins in order; picked orders ship from here or from the pick list." />
      <Stack gap="md">
        <ReadyToPick />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <ReadyToShip />
          <OpenPickLists />
        </SimpleGrid>
      </Stack>
    </>
  );
}
