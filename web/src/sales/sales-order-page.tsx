import { Alert, Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { usePickLists, useSalesOrder } from '../api/sales-order-queries';
import type { DeliveryAddress, SalesOrder } from '../api/types';
import { ConfirmModal, type Confirmation } from '../layout/confirm-modal';
import { PageHeader } from '../layout/page-header';
import { QueryState } from '../layout/query-state';
import { formatDateTime } from '../lib/format';
import { OrderActions } from './order-actions';
import { OrderHistory } from './order-history';
import { OrderLinesTable } from './order-lines-table';
import { PickListsTable } from './pick-lists-table';
import { StatusBadge } from './order-status';
import { ShipForm } from './ship-form';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>{children}</Text>
    </div>
  );
}

function addressText(a: DeliveryAddress | null): string {
  if (!a) return 'none given';
  const place = [a.postalCode, a.city].filter(Boolean).join(' ');
  const where = [a.line1, a.line2, place, a.country].filter(Boolean).join(', ');
  const extra = [a.region && `region ${a.region}`, a.latitude != null && a.longitude != null && `${a.latitude}, ${a.longitude}`].filter(Boolean).join(' · ');
  return [where, extra].filter(Boolean).join(' · ') || 'none given';
}

/** The order's pick lists (open and done), shown once it has any. */
function OrderPickLists({ orderId }: { orderId: string }) {
  const query = usePickLists({ order: orderId }, undefined, 20);
  const lists = query.data?.data ?? [];
  if (lists.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">Pick lists</Title>
      <PickListsTable lists={lists} caption="Pick lists of this order" />
    </Paper>
  );
}

function OrderDetails({ order }: { order: SalesOrder }) {
  const queryClient = useQueryClient();
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [shipping, setShipping] = useState(false);

  async function changed(message: string) {
    await queryClient.invalidateQueries();
    notifications.show({ color: 'green', message });
  }

  return (
    <Stack gap="md">
      <PageHeader
        title={order.number}
        description={`${order.channel.code}${order.externalId ? ` · ${order.externalId}` : ''}${order.customerName ? ` · ${order.customerName}` : ''}`}
        actions={<OrderActions order={order} confirm={setConfirmation} onChanged={changed} onShip={() => setShipping(true)} />}
      />
      {order.expiresAt && (
        <Alert color="yellow" title="Checkout hold">
          The stock is held until {formatDateTime(order.expiresAt)}; unless the order is confirmed, picked or shipped by then it expires and the stock is released.
        </Alert>
      )}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="xs">
          <Fact label="Status"><StatusBadge status={order.status} /></Fact>
          <Fact label="Channel">{order.channel.code}</Fact>
          <Fact label="Customer">{order.customerName ?? '—'}</Fact>
          <Fact label="Created">{formatDateTime(order.createdAt)} by {order.createdBy.name}</Fact>
          <Fact label="Hold expires">{order.expiresAt ? formatDateTime(order.expiresAt) : 'no expiry'}</Fact>
          <Fact label={order.closedAt ? 'Closed' : 'Updated'}>{formatDateTime(order.closedAt ?? order.updatedAt)}</Fact>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="sm">
          <Fact label="Deliver to">{addressText(order.address)}</Fact>
          <Fact label="Ships from">
            {order.routing ? <><b>{order.routing.locations.map((l) => l.code).join(', ') || 'nowhere yet'}</b> — {order.routing.reason}</> : 'not routed (nothing reserved yet)'}
          </Fact>
        </SimpleGrid>
        {order.notes && <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>{order.notes}</Text>}
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">Lines</Title>
        <OrderLinesTable order={order} />
        {order.lines.some((l) => l.shipped !== '0') && (
          <Anchor component={Link} to={`/movements?documentType=sales_order&documentId=${encodeURIComponent(order.id)}`} size="sm" mt="xs" display="inline-block">
            Shipments of {order.number} in the ledger
          </Anchor>
        )}
      </Paper>
      <OrderPickLists orderId={order.id} />
      <OrderHistory orderId={order.id} />
      <ConfirmModal confirmation={confirmation} onClose={() => setConfirmation(null)} />
      <ShipForm order={order} opened={shipping} onClose={() => setShipping(false)} onDone={changed} />
    </Stack>
  );
}

/** One sales order: its lines and where they stand, where it ships from and why, its actions and history. */
export function SalesOrderPage() {
  const { ref = '' } = useParams();
  const order = useSalesOrder(ref);
  return <QueryState query={order} what={`sales order ${ref}`}>{(o) => <OrderDetails order={o} />}</QueryState>;
}
