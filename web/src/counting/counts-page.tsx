import { Anchor, Button, Group, Paper, Select, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../layout/page-header';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCursorPager } from '../lib/cursor-pager';
import { formatDateTime } from '../lib/format';
import { useCounts, type CountSummary } from './count-queries';
import { COUNT_STATUS_LABELS, COUNT_STATUSES, CountStatusBadge, isCountStatus, SCOPE_LABELS } from './count-status';

const STATUS_OPTIONS = [{ value: '', label: 'Any status' }, ...COUNT_STATUSES.map((s) => ({ value: s, label: COUNT_STATUS_LABELS[s] }))];

function scopeText(c: CountSummary): string {
  const parts: string[] = [SCOPE_LABELS[c.scope.type]];
  if (c.scope.bins.length) parts.push(`bins ${c.scope.bins.join(', ')}`);
  if (c.scope.items.length) parts.push(`items ${c.scope.items.join(', ')}`);
  if (c.scope.days !== null) parts.push(`${c.scope.days} days`);
  return parts.join(' · ');
}

function CountsTable({ counts }: { counts: CountSummary[] }) {
  if (counts.length === 0) return <Text c="dimmed" size="sm">No count matches.</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing={6} fz="sm">
        <caption className="visually-hidden">Cycle counts, newest first</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Count</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Site</Table.Th>
            <Table.Th scope="col">Scope</Table.Th>
            <Table.Th scope="col">Blind</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {counts.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/counts/${encodeURIComponent(c.number)}`} fw={600} size="sm">{c.number}</Anchor>
                <Text size="xs" c="dimmed">created {formatDateTime(c.createdAt)}</Text>
              </Table.Td>
              <Table.Td><CountStatusBadge status={c.status} /></Table.Td>
              <Table.Td>{c.site.code}</Table.Td>
              <Table.Td>{scopeText(c)}</Table.Td>
              <Table.Td>{c.blind ? 'Yes' : 'No'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Every cycle count, newest first, by status. */
export function CountsPage() {
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const status = isCountStatus(statusParam) ? statusParam : undefined;
  const pager = useCursorPager(status ?? '');
  const query = useCounts(status, pager.cursor);
  return (
    <>
      <PageHeader
        title="Cycle counts"
        description="Count bins, items or a whole site; variances beyond the thresholds wait for a manager."
        actions={<Button component={Link} to="/counts/new" leftSection={<IconPlus size={16} aria-hidden />}>New count</Button>}
      />
      <Paper withBorder p="md">
        <Group align="flex-end" gap="sm" mb="sm">
          <Select label="Status" data={STATUS_OPTIONS} value={status ?? ''} allowDeselect={false} w={200}
            onChange={(v) => setParams((p) => { if (v) p.set('status', v); else p.delete('status'); return p; }, { replace: true })} />
        </Group>
        <QueryState query={query} what="counts">
          {(page) => (
            <>
              <CountsTable counts={page.data} />
              <Pager label="Counts" page={pager.page} hasNext={page.nextCursor !== null} onPrevious={pager.previous} onNext={() => page.nextCursor && pager.next(page.nextCursor)} />
            </>
          )}
        </QueryState>
      </Paper>
    </>
  );
}
