import { Anchor, Button, Code, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAudit, type AuditFilters } from '../api/queries';
import type { AuditEntry } from '../api/types';
import { PageHeader } from '../layout/page-header';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCursorPager } from '../lib/cursor-pager';
import { formatDateTime } from '../lib/format';

const NAMES = ['actor', 'entityType', 'entityId', 'action'] as const;

function EntityLink({ entry }: { entry: AuditEntry }) {
  const { type, id } = entry.entity;
  if (type === 'item') return <Anchor component={Link} to={`/items/${encodeURIComponent(id)}`}>item …{id.slice(-6)}</Anchor>;
  if (type === 'posting') return <Anchor component={Link} to={`/movements?postingId=${encodeURIComponent(id)}`}>posting …{id.slice(-6)}</Anchor>;
  if (type === 'transfer') return <Anchor component={Link} to={`/movements?documentType=transfer&documentId=${encodeURIComponent(id)}`}>transfer …{id.slice(-6)}</Anchor>;
  return <span>{type} …{id.slice(-6)}</span>;
}

/** Who did what, when and why: every change the API made, newest first. */
export function AuditPage() {
  const [params, setParams] = useSearchParams();
  const applied: AuditFilters = Object.fromEntries(NAMES.flatMap((n) => (params.get(n) ? [[n, params.get(n) as string]] : [])));
  const [draft, setDraft] = useState<Record<string, string>>({});
  const key = JSON.stringify(applied);
  useEffect(() => setDraft(JSON.parse(key) as Record<string, string>), [key]);
  const pager = useCursorPager(key);
  const query = useAudit(applied, pager.cursor);

  function submit(event: FormEvent) {
    event.preventDefault();
    setParams(Object.fromEntries(Object.entries(draft).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()])));
  }

  return (
    <Stack gap="md">
      <PageHeader title="Audit log" description="Every change, with who made it and why." />
      <Paper withBorder p="sm">
        <form onSubmit={submit} aria-label="Filter the audit log">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs">
            <TextInput label="Actor (key id)" value={draft.actor ?? ''} onChange={(e) => setDraft({ ...draft, actor: e.currentTarget.value })} />
            <TextInput label="Action" placeholder="e.g. stock.receipt" value={draft.action ?? ''} onChange={(e) => setDraft({ ...draft, action: e.currentTarget.value })} />
            <TextInput label="Entity type" placeholder="e.g. item" value={draft.entityType ?? ''} onChange={(e) => setDraft({ ...draft, entityType: e.currentTarget.value })} />
            <TextInput label="Entity id" value={draft.entityId ?? ''} onChange={(e) => setDraft({ ...draft, entityId: e.currentTarget.value })} />
          </SimpleGrid>
          <Group mt="xs" gap="xs">
            <Button type="submit" size="xs">Apply filters</Button>
            <Button size="xs" variant="default" onClick={() => setParams({})}>Clear filters</Button>
          </Group>
        </form>
      </Paper>
      <Paper withBorder p="sm">
        <QueryState query={query} what="the audit log">
          {(page) => (
            <>
              {page.data.length === 0 ? <Text c="dimmed" size="sm">No entries.</Text> : (
                <Table.ScrollContainer minWidth={720}>
                  <Table fz="sm" striped verticalSpacing={6}>
                    <caption className="visually-hidden">Audit log, newest first</caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">When</Table.Th>
                        <Table.Th scope="col">Who</Table.Th>
                        <Table.Th scope="col">Action</Table.Th>
                        <Table.Th scope="col">On</Table.Th>
                        <Table.Th scope="col">Why and details</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {page.data.map((e) => (
                        <Table.Tr key={e.id}>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.at)}</Table.Td>
                          <Table.Td><Anchor component={Link} to={`/audit?actor=${encodeURIComponent(e.actor.id)}`}>{e.actor.name}</Anchor></Table.Td>
                          <Table.Td><Code>{e.action}</Code></Table.Td>
                          <Table.Td><EntityLink entry={e} /></Table.Td>
                          <Table.Td>
                            {e.reason && <Text size="sm">{e.reason}</Text>}
                            {e.details !== null && e.details !== undefined && (
                              <details><summary style={{ cursor: 'pointer', fontSize: 12 }}>Details</summary><Code block fz="xs">{JSON.stringify(e.details, null, 2)}</Code></details>
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              <Pager label="Audit log" page={pager.page} hasNext={page.nextCursor !== null} onPrevious={pager.previous} onNext={() => page.nextCursor && pager.next(page.nextCursor)} />
            </>
          )}
        </QueryState>
      </Paper>
    </Stack>
  );
}
