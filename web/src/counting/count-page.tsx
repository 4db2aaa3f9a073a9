import { Alert, Anchor, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconBarcode } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { post, seg } from '../api/client';
import { useReasonCodes } from '../api/queries';
import { ConfirmModal, type Confirmation } from '../layout/confirm-modal';
import { PageHeader } from '../layout/page-header';
import { QueryState } from '../layout/query-state';
import { formatDateTime, formatQuantity } from '../lib/format';
import { newIdempotencyKey } from '../lib/idempotency';
import { CountLinesTable } from './count-lines-table';
import { useCount, type Count } from './count-queries';
import { CountStatusBadge, SCOPE_LABELS } from './count-status';

function Facts({ count }: { count: Count }) {
  const scope = [SCOPE_LABELS[count.scope.type], ...count.scope.bins, ...count.scope.items, ...(count.scope.days === null ? [] : [`${count.scope.days} days`])].join(' · ');
  const facts: Array<[string, string]> = [
    ['Site', `${count.site.name} (${count.site.code})`], ['Scope', scope], ['Blind', count.blind ? 'Yes: counters do not see expected figures' : 'No'],
    ['Manager approval above', [count.thresholds.units && `${formatQuantity(count.thresholds.units)} units`, count.thresholds.value && `value ${count.thresholds.value}`].filter(Boolean).join(' or ') || 'no limit'],
    ['Lines', `${count.totals.counted} of ${count.totals.lines} counted${count.totals.needingApproval ? ` · ${count.totals.needingApproval} over threshold` : ''}`],
    ['Created', `${formatDateTime(count.createdAt)} by ${count.createdBy.name}`],
  ];
  if (count.approvedAt) facts.push(['Approved', `${formatDateTime(count.approvedAt)} by ${count.approvedBy ?? ''}`]);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" component="dl" m={0}>
      {facts.map(([k, v]) => (
        <div key={k}><Text component="dt" size="xs" c="dimmed">{k}</Text><Text component="dd" size="sm" m={0}>{v}</Text></div>
      ))}
    </SimpleGrid>
  );
}

/** One count: start it, count, send to review, recount chosen lines or approve the adjustments. */
export function CountPage() {
  const { ref = '' } = useParams();
  const query = useCount(ref);
  const queryClient = useQueryClient();
  const reasons = useReasonCodes();
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState<string | null>('count');
  const [zeroRest, setZeroRest] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function act(count: Count, action: string, body: unknown, message: string) {
    await post<Count>(`/api/v1/counts/${seg(count.id)}/${action}`, body, newIdempotencyKey());
    notifications.show({ color: 'green', message });
    setSelected(new Set());
    await queryClient.invalidateQueries();
  }
  const run = (count: Count, action: string, body: unknown, message: string) => () => {
    setError(null);
    act(count, action, body, message).catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };

  return (
    <QueryState query={query} what="the count">
      {(count) => (
        <>
          <PageHeader title={`Count ${count.number}`} description={<Group gap="xs" component="span" role="group" aria-label="Status"><CountStatusBadge status={count.status} />{count.note && <Text span size="sm">{count.note}</Text>}</Group>} />
          <Stack gap="md">
            <Paper withBorder p="md"><Facts count={count} /></Paper>
            {error && <Alert color="red" role="alert" title="Not done" withCloseButton onClose={() => setError(null)}>{error}</Alert>}
            <Paper withBorder p="md">
              <Group gap="sm" align="flex-end">
                {count.status === 'draft' && <Button onClick={run(count, 'start', {}, `Counting started on ${count.number}`)}>Start counting</Button>}
                {count.status === 'counting' && (
                  <>
                    <Button component={Link} to={`/counts/${encodeURIComponent(count.number)}/count`} leftSection={<IconBarcode size={16} aria-hidden />}>Count by scanning</Button>
                    <Checkbox label="Lines nobody counted are empty" checked={zeroRest} onChange={(e) => setZeroRest(e.currentTarget.checked)} />
                    <Button variant="light" onClick={run(count, 'submit', { uncounted: zeroRest ? 'zero' : 'skip' }, `${count.number} is ready for review`)}>Submit for review</Button>
                  </>
                )}
                {count.status === 'review' && (
                  <>
                    <Button variant="light" disabled={selected.size === 0} onClick={run(count, 'recount', { lines: [...selected] }, `Recount asked for ${selected.size} line(s)`)}>Recount selected ({selected.size})</Button>
                    <Select label="Reason for the adjustments" data={(reasons.data?.data ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))} value={reason} onChange={setReason} allowDeselect={false} w={240} />
                    <Button color="green" onClick={() => setConfirmation({
                      title: `Approve ${count.number}?`, confirmLabel: 'Approve and post', withNote: true,
                      message: `Each counted line's variance is posted to or from the loss location with the reason "${reason ?? 'count'}". This cannot be undone.`,
                      run: (note) => act(count, 'approve', { reason: reason ?? 'count', ...(note && { note }) }, `${count.number} approved`),
                    })}>Approve</Button>
                  </>
                )}
                {(count.status === 'draft' || count.status === 'counting' || count.status === 'review') && (
                  <Button variant="default" color="red" onClick={() => setConfirmation({
                    title: `Cancel ${count.number}?`, confirmLabel: 'Cancel the count', danger: true, withNote: true,
                    message: 'Nothing is posted; the entries stay on record.', run: (note) => act(count, 'cancel', note ? { note } : {}, `${count.number} cancelled`),
                  })}>Cancel count</Button>
                )}
                {count.postingId && <Anchor component={Link} to={`/movements?postingId=${encodeURIComponent(count.postingId)}`} size="sm">See the adjustments</Anchor>}
              </Group>
              {count.status === 'review' && !count.figuresVisible && <Text size="sm" c="dimmed" mt="xs">This is a blind count: a manager's key shows the expected figures and variances.</Text>}
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">Lines</Title>
              <CountLinesTable lines={count.lines} figures={count.figuresVisible && count.status !== 'draft'} selectable={count.status === 'review'} selected={selected}
                onToggle={(id) => setSelected((s) => { const next = new Set(s); if (next.has(id)) next.delete(id); else next.add(id); return next; })} />
            </Paper>
          </Stack>
          <ConfirmModal confirmation={confirmation} onClose={() => setConfirmation(null)} />
        </>
      )}
    </QueryState>
  );
}
