import { Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { PageHeader } from '../layout/page-header';
import { QueryState } from '../layout/query-state';
import { formatMoney, formatQuantity } from '../lib/format';
import { useShrinkage, type ShrinkageReport } from './count-queries';
import { ShrinkageChart } from './shrinkage-chart';

const GROUPS = [
  { value: 'reason', label: 'Reason' }, { value: 'location', label: 'Location' }, { value: 'item', label: 'Item' }, { value: 'day', label: 'Day' },
];
const DAY_MS = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const daysAgo = (n: number) => new Date(Date.now() - n * DAY_MS).toISOString().slice(0, 10);

function ShrinkageTable({ report }: { report: ShrinkageReport }) {
  if (report.groups.length === 0) return <Text c="dimmed" size="sm">Nothing was lost or found in this period.</Text>;
  const rows = [...report.groups.map((g) => ({ ...g, total: false })), { ...report.totals, key: 'total', label: 'Total', total: true }];
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing={6} fz="sm">
        <caption className="visually-hidden">Shrinkage by {report.groupBy}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{GROUPS.find((g) => g.value === report.groupBy)?.label}</Table.Th>
            <Table.Th scope="col" ta="right">Lost</Table.Th>
            <Table.Th scope="col" ta="right">Found</Table.Th>
            <Table.Th scope="col" ta="right">Net units</Table.Th>
            <Table.Th scope="col" ta="right">Lost value</Table.Th>
            <Table.Th scope="col" ta="right">Found value</Table.Th>
            <Table.Th scope="col" ta="right">Net value</Table.Th>
            <Table.Th scope="col" ta="right">Movements</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key} fw={r.total ? 700 : undefined}>
              <Table.Td>{r.total ? <Text fw={700} size="sm">Total</Text> : r.label}</Table.Td>
              <Table.Td ta="right" ff="monospace">{formatQuantity(r.lostUnits)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{formatQuantity(r.foundUnits)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{formatQuantity(r.netUnits)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{formatMoney(r.lostValue)}</Table.Td>
              <Table.Td ta="right" ff="monospace">{formatMoney(r.foundValue)}</Table.Td>
              <Table.Td ta="right" ff="monospace" c={r.netValue.startsWith('-') ? 'red' : undefined}>{formatMoney(r.netValue)}</Table.Td>
              <Table.Td ta="right">{r.movements}{r.unvaluedMovements > 0 ? ` (${r.unvaluedMovements} without cost)` : ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Stock lost to loss or scrap and found again, by reason, location, item or day, for a period of UTC days. */
export function ShrinkagePage() {
  const [from, setFrom] = useState(daysAgo(29));
  const [to, setTo] = useState(today());
  const [groupBy, setGroupBy] = useState('reason');
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && from <= to;
  const range = valid ? { from: `${from}T00:00:00Z`, to: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS).toISOString() } : { from: `${daysAgo(29)}T00:00:00Z`, to: new Date(Date.now() + DAY_MS).toISOString() };
  const query = useShrinkage({ ...range, groupBy });
  const byReason = useShrinkage({ ...range, groupBy: 'reason' });
  return (
    <>
      <PageHeader title="Shrinkage" description="Adjustments to and from the loss location (and scrap), in units and value at the last unit cost." />
      <Stack gap="md">
        <Paper withBorder p="md">
          <Group align="flex-end" gap="sm">
            <TextInput type="date" label="From" value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={valid ? undefined : 'From must be a day on or before To'} />
            <TextInput type="date" label="To (inclusive)" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
            <Select label="Group by" data={GROUPS} value={groupBy} onChange={(v) => setGroupBy(v ?? 'reason')} allowDeselect={false} w={160} />
          </Group>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">By reason</Title>
          <QueryState query={byReason} what="shrinkage by reason">{(report) => <ShrinkageChart report={report} />}</QueryState>
        </Paper>
        <Paper withBorder p="md">
          <QueryState query={query} what="the shrinkage report">{(report) => <ShrinkageTable report={report} />}</QueryState>
        </Paper>
      </Stack>
    </>
  );
}
