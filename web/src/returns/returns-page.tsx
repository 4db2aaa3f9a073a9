import { Anchor, Button, Group, MultiSelect, Paper, Table, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useUrlParams } from '../lib/use-url-params';
import { PageHeader } from '../layout/page-header';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCompact } from '../layout/use-compact';
import { useCursorPager } from '../lib/cursor-pager';
import { formatDateTime, formatQuantity } from '../lib/format';
import { sumQuantities } from '../lib/quantity';
import { useReturns, type ReturnFilters } from './return-queries';
import { isStatus, STATUS_LABELS, STATUSES, StatusBadge } from './return-status';
import type { ReturnSummary } from './return-types';

const STATUS_OPTIONS = STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));
const returnPath = (r: ReturnSummary) => `/returns/${encodeURIComponent(r.number)}`;
const units = (r: ReturnSummary, figure: 'authorised' | 'inQc') => formatQuantity(sumQuantities(r.lines.map((l) => l[figure])));
const source = (r: ReturnSummary) => r.order?.number ?? `${r.channel?.code ?? ''} (no order)`;

function ReturnList({ returns }: { returns: ReturnSummary[] }) {
  return (
    <ul aria-label="Returns, newest first" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {returns.map((r) => (
        <li key={r.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
          <Group justify="space-between" wrap="nowrap">
            <Anchor component={Link} to={returnPath(r)} fw={600} size="sm">{r.number}</Anchor>
            <StatusBadge status={r.status} />
          </Group>
          <Text size="xs">{source(r)} · {r.customerName ?? 'no name'}</Text>
          <Text size="xs" c="dimmed">{units(r, 'authorised')} units authorised, {units(r, 'inQc')} in QC · {formatDateTime(r.createdAt)}</Text>
        </li>
      ))}
    </ul>
  );
}

function ReturnsTable({ returns }: { returns: ReturnSummary[] }) {
  const compact = useCompact();
  if (returns.length === 0) return <Text c="dimmed" size="sm">No return matches.</Text>;
  if (compact) return <ReturnList returns={returns} />;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing={6} fz="sm">
        <caption className="visually-hidden">Returns, newest first</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Return</Table.Th>
            <Table.Th scope="col">Order</Table.Th>
            <Table.Th scope="col">Customer</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col" ta="right">Authorised</Table.Th>
            <Table.Th scope="col" ta="right">In QC</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {returns.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Th scope="row" fw={400}><Anchor component={Link} to={returnPath(r)} fw={600} size="sm">{r.number}</Anchor></Table.Th>
              <Table.Td>{source(r)}</Table.Td>
              <Table.Td>{r.customerName ?? '—'}</Table.Td>
              <Table.Td><StatusBadge status={r.status} /></Table.Td>
              <Table.Td ta="right" ff="monospace">{units(r, 'authorised')}</Table.Td>
              <Table.Td ta="right" ff="monospace">{units(r, 'inQc')}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Every customer return, newest first, by status or order. */
export function ReturnsPage() {
  const [params, setParam] = useUrlParams();
  const status = (params.get('status') ?? '').split(',').filter(isStatus);
  const order = params.get('order') ?? '';
  const filters: ReturnFilters = { status: status.length > 0 ? status : undefined, order: order.trim() || undefined };
  const pager = useCursorPager(JSON.stringify(filters));
  const query = useReturns(filters, pager.cursor);


  return (
    <>
      <PageHeader
        title="Returns"
        description="Goods customers send back: received into quality control, then restocked or scrapped."
        actions={<Button component={Link} to="/returns/new" leftSection={<IconPlus size={16} aria-hidden />}>New return</Button>}
      />
      <Paper withBorder p="md">
        <Group align="flex-end" gap="sm" mb="sm">
          <MultiSelect label="Status" placeholder={status.length ? undefined : 'Any status'} data={STATUS_OPTIONS} value={status} onChange={(v) => setParam('status', v.join(','))}
            clearable w={300} comboboxProps={{ withinPortal: true }} />
          <TextInput label="Sales order" placeholder="SO-000123" type="search" value={order} onChange={(e) => setParam('order', e.currentTarget.value.trim().toUpperCase() || null)} w={180} />
        </Group>
        <QueryState query={query} what="returns">
          {(page) => (
            <>
              <ReturnsTable returns={page.data} />
              <Pager label="Returns" page={pager.page} hasNext={page.nextCursor !== null} onPrevious={pager.previous} onNext={() => page.nextCursor && pager.next(page.nextCursor)} />
            </>
          )}
        </QueryState>
      </Paper>
    </>
  );
}
