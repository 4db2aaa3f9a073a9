import { Badge, Text } from '@mantine/core';

export function daysLeftText(days: number): string {
  if (days < 0) return `expired ${-days} day${days === -1 ? '' : 's'} ago`;
  if (days === 0) return 'expires today';
  return `${days} day${days === 1 ? '' : 's'} left`;
}

/** A lot's expiry as a person scans for it: red once expired, orange within a week, plain otherwise. */
export function ExpiryBadge({ lot }: { lot: { expiresOn: string | null; expired: boolean; daysLeft: number | null } }) {
  const { expiresOn, expired, daysLeft } = lot;
  if (!expiresOn) return <Text span size="sm" c="dimmed">no expiry</Text>;
  const color = expired ? 'red' : daysLeft !== null && daysLeft <= 7 ? 'orange' : 'gray';
  return (
    <Badge color={color} variant={expired ? 'filled' : 'light'} tt="none" size="md">
      {expired ? `Expired ${expiresOn}` : `Expires ${expiresOn}`}
    </Badge>
  );
}
