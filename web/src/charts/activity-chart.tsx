import { Paper, Title } from '@mantine/core';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DayActivity } from '../api/types';
import { formatDay } from '../lib/format';

const SERIES = [
  { key: 'receipts', name: 'Receipts', color: 'var(--mantine-color-teal-6)' },
  { key: 'shipments', name: 'Shipments', color: 'var(--mantine-color-blue-6)' },
  { key: 'transfers', name: 'Transfers', color: 'var(--mantine-color-violet-5)' },
  { key: 'adjustments', name: 'Adjustments', color: 'var(--mantine-color-orange-5)' },
  { key: 'other', name: 'Other', color: 'var(--mantine-color-gray-5)' },
] as const;

/** Movements per day, stacked by kind. */
export function ActivityChart({ days, title }: { days: DayActivity[]; title: string }) {
  const total = days.reduce((sum, d) => sum + d.receipts + d.shipments + d.transfers + d.adjustments + d.other, 0);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">{title}</Title>
      <div role="img" aria-label={`${title}: ${total} movements in ${days.length} days`} style={{ width: '100%', height: 220 }}>
        <ResponsiveContainer>
          <BarChart data={days} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="date" tickFormatter={formatDay} minTickGap={24} fontSize={12} />
            <YAxis width={40} allowDecimals={false} fontSize={12} />
            <Tooltip labelFormatter={(label) => formatDay(String(label))} />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {SERIES.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.name} stackId="kind" fill={s.color} isAnimationActive={false} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Paper>
  );
}
