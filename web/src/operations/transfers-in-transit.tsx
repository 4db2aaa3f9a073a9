import { Alert, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, post, seg } from '../api/client';
import { useTransfersInTransit } from '../api/queries';
import type { Transfer } from '../api/types';
import { QueryState } from '../layout/query-state';
import { formatDateTime, formatQuantity } from '../lib/format';
import { newIdempotencyKey } from '../lib/idempotency';
import { beep } from '../lib/sound';

/** Two-step transfers on their way: the destination receives them here (or the origin takes them back). */
export function TransfersInTransit() {
  const query = useTransfersInTransit();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function act(transfer: Transfer, action: 'receive' | 'cancel') {
    setBusy(transfer.id);
    setError(null);
    try {
      await post(`/api/v1/transfers/${seg(transfer.id)}/${action}`, {}, newIdempotencyKey());
      beep('ok');
      notifications.show({ color: 'green', message: action === 'receive' ? `Received at ${transfer.to.code}` : `Returned to ${transfer.from.code}` });
      await queryClient.invalidateQueries();
    } catch (e) {
      beep('error');
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Paper withBorder p="md" mt="md">
      <Title order={2} size="h4" mb="xs">In transit</Title>
      {error && <Alert color="red" role="alert" mb="sm">{error}</Alert>}
      <QueryState query={query} what="transfers in transit">
        {(page) =>
          page.data.length === 0 ? (
            <Text c="dimmed" size="sm">No two-step transfers are on their way.</Text>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table fz="sm" verticalSpacing={6}>
                <caption className="visually-hidden">Transfers in transit</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Sent</Table.Th>
                    <Table.Th scope="col">From → to</Table.Th>
                    <Table.Th scope="col">Lines</Table.Th>
                    <Table.Th scope="col"><span className="visually-hidden">Actions</span></Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {page.data.map((t) => (
                    <Table.Tr key={t.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(t.createdAt)}{t.reference && <Text size="xs" c="dimmed">{t.reference}</Text>}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{t.from.code} → {t.to.code}</Table.Td>
                      <Table.Td>
                        <Stack gap={0}>{t.lines.map((l) => <span key={l.item.id}>{formatQuantity(l.quantity)} × {l.item.sku}</span>)}</Stack>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <Button size="xs" loading={busy === t.id} onClick={() => act(t, 'receive')} aria-label={`Receive transfer from ${t.from.code} at ${t.to.code}`}>Receive</Button>
                          <Button size="xs" variant="default" disabled={busy === t.id} onClick={() => act(t, 'cancel')} aria-label={`Cancel transfer from ${t.from.code} to ${t.to.code}`}>Cancel</Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
    </Paper>
  );
}
