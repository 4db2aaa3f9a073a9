import { Anchor, Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import type { Receipt } from '../api/types';
import { usePurchaseReceipts } from '../api/purchasing-queries';
import type { PurchaseOrder } from '../api/types';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCompact } from '../layout/use-compact';
import { useCursorPager } from '../lib/cursor-pager';
import { formatDateTime, formatQuantity } from '../lib/format';

const KIND_TEXT = { short: 'short', over: 'over', unplanned: 'not ordered' } as const;

/** Lines that differ from the order: short, over, or never ordered. */
export function PoDiscrepancies({ order }: { order: PurchaseOrder }) {
  if (order.discrepancies.length === 0) return null;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">Discrepancies</Title>
      <Table.ScrollContainer minWidth={440}>
        <Table fz="sm" verticalSpacing={6}>
          <caption className="visually-hidden">Discrepancies</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Line</Table.Th>
              <Table.Th scope="col">Kind</Table.Th>
              <Table.Th scope="col" ta="right">Ordered</Table.Th>
              <Table.Th scope="col" ta="right">Received</Table.Th>
              <Table.Th scope="col" ta="right">Difference</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.discrepancies.map((d) => (
              <Table.Tr key={d.line.id}>
                <Table.Td>{d.line.lineNo} · {d.item.sku}</Table.Td>
                <Table.Td><Badge component="span" size="sm" variant="light" color={d.kind === 'short' ? 'red' : d.kind === 'over' ? 'orange' : 'grape'}>{KIND_TEXT[d.kind]}</Badge></Table.Td>
                <Table.Td ta="right" ff="monospace">{formatQuantity(d.ordered)}</Table.Td>
                <Table.Td ta="right" ff="monospace">{formatQuantity(d.received)}</Table.Td>
                <Table.Td ta="right" ff="monospace">{formatQuantity(d.difference)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function KindCell({ r }: { r: Receipt }) {
  return (
    <>
      <Badge component="span" size="sm" variant="light" color={r.kind === 'return' ? 'orange' : 'green'}>{r.kind === 'return' ? 'Return' : 'Receipt'}</Badge>
      {r.reference && <Text size="xs" c="dimmed">{r.reference}</Text>}
      {r.note && <Text size="xs" c="dimmed">{r.note}</Text>}
    </>
  );
}

function LinesCell({ r }: { r: Receipt }) {
  return (
    <>
      <Stack gap={0}>
        {r.lines.map((l) => <Text key={l.movementId} size="sm">{formatQuantity(l.quantity)} × {l.item.sku} {r.kind === 'return' ? 'from' : 'into'} {l.location.code}</Text>)}
      </Stack>
      <Anchor component={Link} to={`/movements?postingId=${encodeURIComponent(r.postingId)}`} size="xs" aria-label={`Movements of the ${r.kind} of ${formatDateTime(r.receivedAt)}`}>Movements</Anchor>
    </>
  );
}

function ReceiptList({ receipts }: { receipts: Receipt[] }) {
  return (
    <ul aria-label="Receipts and returns" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {receipts.map((r) => (
        <li key={r.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
          <Text size="xs" c="dimmed">{formatDateTime(r.receivedAt)} · {r.receivedBy.name}</Text>
          <KindCell r={r} />
          <LinesCell r={r} />
        </li>
      ))}
    </ul>
  );
}

/** Every receipt and return against the order: when, who, what went where. */
export function PoReceipts({ order }: { order: PurchaseOrder }) {
  const compact = useCompact();
  const pager = useCursorPager(order.id);
  const query = usePurchaseReceipts(order.id, pager.cursor);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">Receipts and returns</Title>
      <QueryState query={query} what="receipts">
        {(page) =>
          page.data.length === 0 && pager.page === 1 ? (
            <Text c="dimmed" size="sm">Nothing received yet.</Text>
          ) : (
            <>
              {compact ? <ReceiptList receipts={page.data} /> : <Table.ScrollContainer minWidth={560}>
                <Table fz="sm" verticalSpacing={6} striped>
                  <caption className="visually-hidden">Receipts and returns</caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">When</Table.Th>
                      <Table.Th scope="col">What</Table.Th>
                      <Table.Th scope="col">Lines</Table.Th>
                      <Table.Th scope="col">By</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {page.data.map((r) => (
                      <Table.Tr key={r.id}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.receivedAt)}</Table.Td>
                        <Table.Td><KindCell r={r} /></Table.Td>
                        <Table.Td><LinesCell r={r} /></Table.Td>
                        <Table.Td>{r.receivedBy.name}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>}
              {(page.nextCursor !== null || pager.page > 1) && (
                <Pager label="Receipts" page={pager.page} hasNext={page.nextCursor !== null} onPrevious={pager.previous} onNext={() => page.nextCursor && pager.next(page.nextCursor)} />
              )}
            </>
          )
        }
      </QueryState>
    </Paper>
  );
}
