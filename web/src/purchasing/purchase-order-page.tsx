import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { post, seg } from '../api/client';
import { usePurchaseOrder } from '../api/purchasing-queries';
import type { PurchaseOrder } from '../api/types';
import { ConfirmModal, type Confirmation } from '../layout/confirm-modal';
import { PageHeader } from '../layout/page-header';
import { QueryState } from '../layout/query-state';
import { formatDateTime, formatMoney } from '../lib/format';
import { PoActions } from './po-actions';
import { PoHeaderForm } from './po-header-form';
import { PoDiscrepancies, PoReceipts } from './po-history';
import { PoLineForm } from './po-line-form';
import { PoLines } from './po-lines';
import { PoReturnForm } from './po-return-form';
import { CAN, StatusBadge } from './po-status';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>{children}</Text>
    </div>
  );
}

function OrderDetails({ order }: { order: PurchaseOrder }) {
  const queryClient = useQueryClient();
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [returning, setReturning] = useState(false);
  const [editing, setEditing] = useState(false);

  async function changed(message: string) {
    await queryClient.invalidateQueries();
    notifications.show({ color: 'green', message });
  }

  return (
    <Stack gap="md">
      <PageHeader
        title={order.number}
        description={`${order.supplier.name} → ${order.site.name}`}
        actions={<PoActions order={order} confirm={setConfirmation} onChanged={changed} onReturn={() => setReturning(true)} />}
      />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 4, md: 7 }} spacing="xs">
          <Fact label="Status"><StatusBadge status={order.status} /></Fact>
          <Fact label="Supplier"><Anchor component={Link} to={`/suppliers/${encodeURIComponent(order.supplier.code)}`} size="sm">{order.supplier.code}</Anchor></Fact>
          <Fact label="Deliver to">{order.site.code}</Fact>
          <Fact label="Expected">{order.expectedDate ?? 'not set'}</Fact>
          <Fact label="Total">{order.currency} {formatMoney(order.total)}</Fact>
          <Fact label="Created">{formatDateTime(order.createdAt)} by {order.createdBy.name}</Fact>
          <Fact label={order.closedAt ? 'Closed' : 'Ordered'}>{order.closedAt ? formatDateTime(order.closedAt) : order.orderedAt ? formatDateTime(order.orderedAt) : 'not yet'}</Fact>
        </SimpleGrid>
        {order.notes && <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>{order.notes}</Text>}
        {CAN.edit(order.status) && <Button size="xs" variant="default" mt="sm" onClick={() => setEditing(true)}>Edit details</Button>}
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">Lines</Title>
        <PoLines order={order} onChanged={changed} confirm={setConfirmation} />
        {CAN.edit(order.status) && (
          <Group mt="md" align="flex-start">
            <PoLineForm
              initial={{ item: '', quantity: '', unitPrice: '' }} withItem submitLabel="Add line"
              onSubmit={async (v) => {
                const price = v.unitPrice.trim().replace(',', '.');
                await post(`/api/v1/purchase-orders/${seg(order.id)}/lines`, { item: v.item.trim(), quantity: v.quantity.trim().replace(',', '.'), ...(price && { unitPrice: price }) });
                await changed(`${v.item.trim()} added`);
              }}
            />
          </Group>
        )}
      </Paper>
      <PoDiscrepancies order={order} />
      {order.status !== 'draft' && <PoReceipts order={order} />}
      <ConfirmModal confirmation={confirmation} onClose={() => setConfirmation(null)} />
      {CAN.edit(order.status) && <PoHeaderForm key={order.updatedAt} order={order} opened={editing} onClose={() => setEditing(false)} onDone={changed} />}
      {CAN.return(order.status) && <PoReturnForm order={order} opened={returning} onClose={() => setReturning(false)} onDone={changed} />}
    </Stack>
  );
}

/** One purchase order: its lines with what arrived, its actions, discrepancies and receipts. */
export function PurchaseOrderPage() {
  const { ref = '' } = useParams();
  const order = usePurchaseOrder(ref);
  return <QueryState query={order} what={`purchase order ${ref}`}>{(o) => <OrderDetails order={o} />}</QueryState>;
}
