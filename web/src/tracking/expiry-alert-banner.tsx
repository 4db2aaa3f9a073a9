import { Alert, Anchor } from '@mantine/core';
import { IconCalendarTime } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useExpiringLots } from '../api/tracking-queries';

/**
 * On the dashboard: how many lots in stock expire within a week or have expired, linked to the
 * list. Says nothing while there are none, or when the lots cannot be read (the list says why).
 */
export function ExpiryAlertBanner() {
  const query = useExpiringLots(7, undefined);
  const lots = query.data?.data ?? [];
  if (lots.length === 0) return null;
  const expired = lots.filter((l) => l.expired).length;
  const more = query.data?.nextCursor ? '+' : '';
  return (
    <Alert color={expired > 0 ? 'red' : 'orange'} icon={<IconCalendarTime aria-hidden />} title={`${lots.length}${more} lot${lots.length === 1 ? '' : 's'} expiring within 7 days${expired > 0 ? `, ${expired} already expired` : ''}`} py="xs">
      <Anchor component={Link} to="/lots/expiring" size="sm">See the expiring lots</Anchor>
    </Alert>
  );
}
