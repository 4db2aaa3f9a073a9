import { Anchor, Group, Paper, Text } from '@mantine/core';
import { IconCalendarTime } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useExpiringLots } from '../api/tracking-queries';

/**
 * On the dashboard, beside the low-stock line: how many lots in stock expire within a week or have
 * expired, linked to the list. Nothing while there are none, or when the lots cannot be read (the list says why).
 */
export function ExpiryAlertBanner() {
  const query = useExpiringLots(7, undefined);
  const lots = query.data?.data ?? [];
  if (lots.length === 0) return null;
  const expired = lots.filter((l) => l.expired).length;
  const color = expired > 0 ? 'red.7' : 'orange.7';
  return (
    <Paper withBorder p="sm" component="section" aria-label="Expiry alerts">
      <Group gap="xs" wrap="nowrap">
        <IconCalendarTime size={18} color={`var(--mantine-color-${color.replace('.', '-')})`} aria-hidden />
        <Text size="sm">
          <Text span fw={700} c={color}>{lots.length}{query.data?.nextCursor ? '+' : ''}</Text> {lots.length === 1 ? 'lot in stock expires' : 'lots in stock expire'} within 7 days
          {expired > 0 && <>, <Text span fw={700} c="red.7">{expired}</Text> already expired</>}.{' '}
          <Anchor component={Link} to="/lots/expiring" size="sm">See the expiring lots</Anchor>
        </Text>
      </Group>
    </Paper>
  );
}
