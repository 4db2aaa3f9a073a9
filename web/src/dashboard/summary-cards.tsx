import { Anchor, Paper, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { StockSummary } from '../api/types';
import { formatMoney, formatQuantity } from '../lib/format';

function Figure({ label, value, note }: { label: string; value: ReactNode; note?: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={label}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text fz={26} fw={700} lh={1.3}>{value}</Text>
      {note && <Text size="xs" c="dimmed">{note}</Text>}
    </Paper>
  );
}

/** The four numbers a manager looks at first. Value uses each item's last unit cost; units stand in until costs exist. */
export function SummaryCards({ summary }: { summary: StockSummary }) {
  const valueNote = summary.value === null
    ? 'No unit costs recorded yet: showing units on hand'
    : summary.itemsWithoutCost > 0 ? `${summary.itemsWithoutCost} item(s) in stock have no cost yet` : 'On hand × last unit cost';
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
      <Figure label={summary.value === null ? 'Units on hand' : 'Stock value'} value={summary.value === null ? formatQuantity(summary.units) : formatMoney(summary.value)} note={valueNote} />
      <Figure label="Items in stock" value={summary.itemsInStock} note="With stock in any location" />
      <Figure
        label="Below reorder point"
        value={<Text span inherit c={summary.belowReorder > 0 ? 'red.7' : undefined}>{summary.belowReorder}</Text>}
        note={<Anchor component={Link} to="/items?belowReorder=true" size="xs">See the items</Anchor>}
      />
      {summary.value === null
        ? <Figure label="Sites with stock" value={summary.sites.length} note="Warehouses and stores" />
        : <Figure label="Units on hand" value={formatQuantity(summary.units)} note="All items, each in its own unit" />}
    </SimpleGrid>
  );
}
