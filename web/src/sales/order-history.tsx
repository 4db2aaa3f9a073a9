import { Anchor, Paper, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useSalesOrderHistory } from '../api/sales-order-queries';
import type { AuditEntry } from '../api/types';
import { QueryState } from '../layout/query-state';
import { useCompact } from '../layout/use-compact';
import { formatDateTime } from '../lib/format';

const ACTIONS: Record<string, string> = {
  created: 'Created', allocated: 'Backorders allocated', confirmed: 'Hold confirmed', picking: 'Picking started', shipped: 'Shipped',
  delivered: 'Delivered', cancelled: 'Cancelled', expired: 'Expired',
};

/** The pick list an audit entry names (the server records it on `sales_order.picking`). */
function pickListOf(entry: AuditEntry): string | null {
  const details = entry.details;
  if (typeof details !== 'object' || details === null || !('pickList' in details)) return null;
  return typeof details.pickList === 'string' ? details.pickList : null;
}

function What({ entry }: { entry: AuditEntry }) {
  const action = entry.action.replace(/^sales_order\./, '');
  const list = pickListOf(entry);
  return (
    <>
      <Text size="sm" span>{ACTIONS[action] ?? action}</Text>
      {list && <> · <Anchor component={Link} to={`/pick-lists/${encodeURIComponent(list)}`} size="sm">{list}</Anchor></>}
      {entry.reason && <Text size="xs" c="dimmed">{entry.reason}</Text>}
    </>
  );
}

/** Everything done to the order, newest first, from the audit log. */
export function OrderHistory({ orderId }: { orderId: string }) {
  const compact = useCompact();
  const query = useSalesOrderHistory(orderId);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">History</Title>
      <QueryState query={query} what="the order's history">
        {(page) => compact ? (
          <ul aria-label="Order history" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {page.data.map((e) => (
              <li key={e.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
                <Text size="xs" c="dimmed">{formatDateTime(e.at)} · {e.actor.name}</Text>
                <What entry={e} />
              </li>
            ))}
          </ul>
        ) : (
          <Table fz="sm" verticalSpacing={4}>
            <caption className="visually-hidden">Order history</caption>
            <Table.Thead>
              <Table.Tr><Table.Th scope="col">When</Table.Th><Table.Th scope="col">What</Table.Th><Table.Th scope="col">By</Table.Th></Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.data.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                  <Table.Td><What entry={e} /></Table.Td>
                  <Table.Td>{e.actor.name}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Paper>
  );
}
