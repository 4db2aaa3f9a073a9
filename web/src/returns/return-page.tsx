import { Anchor, Button, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { post, seg } from '../api/client';
import { ConfirmModal, type Confirmation } from '../layout/confirm-modal';
import { PageHeader } from '../layout/page-header';
import { QueryState } from '../layout/query-state';
import { formatDateTime } from '../lib/format';
import { ReturnDispose } from './return-dispose';
import { useReturn } from './return-queries';
import { ReturnReceive } from './return-receive';
import { CAN, StatusBadge } from './return-status';
import { ReturnHistory, ReturnLinesTable } from './return-tables';
import type { Return, ReturnLine } from './return-types';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="group" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>{children}</Text>
    </div>
  );
}

function ReturnDetails({ ret }: { ret: Return }) {
  const queryClient = useQueryClient();
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [disposing, setDisposing] = useState<ReturnLine | null>(null);

  async function changed(message: string) {
    await queryClient.invalidateQueries();
    notifications.show({ color: 'green', message });
  }
  const act = (action: 'cancel' | 'close', done: string) => async (note: string) => {
    await post(`/api/v1/returns/${seg(ret.id)}/${action}`, note ? { note } : {});
    await changed(`${ret.number} ${done}`);
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={ret.number}
        description={ret.order ? `Return against ${ret.order.number}` : `Return at ${ret.channel?.code ?? 'the till'} without an order`}
        actions={
          <>
            {CAN.close(ret.status) && (
              <Button variant="default" onClick={() => setConfirmation({
                title: `Close ${ret.number}?`, confirmLabel: 'Close return', withNote: true,
                message: 'Whatever has not arrived is no longer expected; only what came back counts against the order from now on.', run: act('close', 'closed'),
              })}>Close return</Button>
            )}
            {CAN.cancel(ret.status) && (
              <Button variant="default" color="red" onClick={() => setConfirmation({
                title: `Cancel ${ret.number}?`, confirmLabel: 'Cancel return', danger: true, withNote: true,
                message: 'Nothing has arrived; the authorisation is withdrawn and the units may be returned on another RMA.', run: act('cancel', 'cancelled'),
              })}>Cancel return</Button>
            )}
          </>
        }
      />
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="xs">
          <Fact label="Status"><StatusBadge status={ret.status} /></Fact>
          <Fact label="Order">{ret.order ? <Anchor component={Link} to={`/sales-orders/${encodeURIComponent(ret.order.number)}`} size="sm">{ret.order.number}</Anchor> : 'none'}</Fact>
          <Fact label="Channel">{ret.channel?.code ?? '—'}</Fact>
          <Fact label="Customer">{ret.customerName ?? '—'}</Fact>
          <Fact label="Authorised">{formatDateTime(ret.createdAt)} by {ret.createdBy.name}</Fact>
          <Fact label="Closed">{ret.closedAt ? formatDateTime(ret.closedAt) : 'not yet'}</Fact>
        </SimpleGrid>
        {ret.notes && <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>{ret.notes}</Text>}
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">Lines</Title>
        <ReturnLinesTable ret={ret} onDispose={CAN.dispose(ret.status) ? setDisposing : null} />
      </Paper>
      {CAN.receive(ret.status) && <ReturnReceive ret={ret} />}
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">History</Title>
        <ReturnHistory ret={ret} />
      </Paper>
      <ConfirmModal confirmation={confirmation} onClose={() => setConfirmation(null)} />
      <ReturnDispose ret={ret} line={disposing} onClose={() => setDisposing(null)} onDone={changed} />
    </Stack>
  );
}

/** One return: its lines and history, receiving into quality control, and restock or scrap per line. */
export function ReturnPage() {
  const { ref = '' } = useParams();
  const ret = useReturn(ref);
  return <QueryState query={ret} what={`return ${ref}`}>{(r) => <ReturnDetails ret={r} />}</QueryState>;
}
