import { Paper, Text, Title } from '@mantine/core';
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StockHistory } from '../api/types';
import { formatDay, formatQuantity, plotValue } from '../lib/format';

/** On hand at the end of each day: a line a manager reads at a glance. */
export function StockHistoryChart({ history, title, unit }: { history: StockHistory; title: string; unit?: string }) {
  const points = history.points.map((p) => ({ date: p.date, onHand: plotValue(p.onHand), text: p.onHand }));
  const last = history.points[history.points.length - 1];
  const first = history.points[0];
  const summary = last && first ? `${title}: ${formatQuantity(first.onHand)} on ${formatDay(first.date)}, ${formatQuantity(last.onHand)} on ${formatDay(last.date)}` : title;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">{title}</Title>
      <div role="img" aria-label={summary} style={{ width: '100%', height: 220 }}>
        <ResponsiveContainer>
          <AreaChart data={points} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="date" tickFormatter={formatDay} minTickGap={24} fontSize={12} />
            <YAxis width={56} fontSize={12} tickFormatter={(v: number) => formatQuantity(String(v))} />
            <Tooltip
              labelFormatter={(label) => formatDay(String(label))}
              formatter={(_value, _name, entry) => [`${formatQuantity((entry.payload as { text: string }).text)}${unit ? ` ${unit}` : ''}`, 'On hand']}
            />
            <Area type="stepAfter" dataKey="onHand" stroke="var(--mantine-color-blue-6)" fill="var(--mantine-color-blue-1)" isAnimationActive={false} />
          </AreaChart>
        </ResponsiveContainer>
      </div>
      {last && <Text size="xs" c="dimmed" mt={4}>End of each UTC day; today so far: {formatQuantity(last.onHand)}{unit ? ` ${unit}` : ''}.</Text>}
    </Paper>
  );
}
