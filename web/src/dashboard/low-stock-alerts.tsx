import { Anchor, Group, Paper, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useReorderStatus } from '../api/purchasing-queries';

/** How many item × site pairs are below their reorder point (by their reorder policies), linking to planning. */
export function LowStockAlerts() {
  const query = useReorderStatus({ low: true }, undefined, 100);
  if (!query.data) return null;
  const count = query.data.data.length;
  if (count === 0) return null;
  const text = `${count}${query.data.nextCursor ? '+' : ''}`;
  return (
    <Paper withBorder p="sm" component="section" aria-label="Low-stock alerts">
      <Group gap="xs" wrap="nowrap">
        <IconAlertTriangle size={18} color="var(--mantine-color-red-7)" aria-hidden />
        <Text size="sm">
          <Text span fw={700} c="red.7">{text}</Text> {count === 1 ? 'item is' : 'items are'} below the reorder point at their site.{' '}
          <Anchor component={Link} to="/planning" size="sm">Plan purchases</Anchor>
        </Text>
      </Group>
    </Paper>
  );
}
