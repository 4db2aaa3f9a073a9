import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney, plotValue } from '../lib/format';
import type { ShrinkageReport } from './count-queries';

/** Value lost and found per reason, side by side. */
export function ShrinkageChart({ report }: { report: ShrinkageReport }) {
  const data = report.groups.map((g) => ({ label: g.label, lost: plotValue(g.lostValue), found: plotValue(g.foundValue) }));
  return (
    <div role="img" aria-label={`Shrinkage by ${report.groupBy}: ${formatMoney(report.totals.lostValue)} lost, ${formatMoney(report.totals.foundValue)} found`} style={{ width: '100%', height: 240 }}>
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" fontSize={12} interval={0} />
          <YAxis width={56} fontSize={12} />
          <Tooltip formatter={(value) => formatMoney(String(value))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="lost" name="Lost (value)" fill="var(--mantine-color-red-6)" isAnimationActive={false} />
          <Bar dataKey="found" name="Found (value)" fill="var(--mantine-color-teal-6)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
