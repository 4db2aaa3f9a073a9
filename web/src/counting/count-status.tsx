import { Badge } from '@mantine/core';
import type { CountStatus } from './count-queries';

export const COUNT_STATUS_LABELS: Record<CountStatus, string> = {
  draft: 'Draft', counting: 'Counting', review: 'In review', approved: 'Approved', cancelled: 'Cancelled',
};

const COLORS: Record<CountStatus, string> = { draft: 'gray', counting: 'blue', review: 'yellow', approved: 'green', cancelled: 'red' };

export const COUNT_STATUSES = Object.keys(COUNT_STATUS_LABELS) as CountStatus[];

export function isCountStatus(value: string | null): value is CountStatus {
  return value !== null && (COUNT_STATUSES as string[]).includes(value);
}

export const SCOPE_LABELS = { selection: 'Chosen bins or items', site: 'Whole site', 'not-counted': 'Not counted recently', abc: 'ABC due' } as const;

export function CountStatusBadge({ status }: { status: CountStatus }) {
  return <Badge component="span" color={COLORS[status]} variant="light" tt="none">{COUNT_STATUS_LABELS[status]}</Badge>;
}
