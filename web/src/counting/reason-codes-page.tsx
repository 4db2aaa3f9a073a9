import { Alert, Badge, Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { get, patch, post, seg } from '../api/client';
import { PageHeader } from '../layout/page-header';
import { QueryState } from '../layout/query-state';
import { newIdempotencyKey } from '../lib/idempotency';
import { useApiForm } from '../lib/use-api-form';
import type { ReasonCodeView } from '../../../src/counting/reason-codes';

function useReasonCodeList(includeArchived: boolean) {
  return useQuery({ queryKey: ['reason-codes', 'settings', includeArchived], queryFn: () => get<{ data: ReasonCodeView[] }>('/api/v1/reason-codes', { includeArchived }) });
}

function CodeRow({ code, onDone }: { code: ReasonCodeView; onDone: (message: string) => Promise<void> }) {
  const [name, setName] = useState(code.name);
  const [error, setError] = useState<string | null>(null);
  const run = (work: () => Promise<unknown>, message: string) => () => {
    setError(null);
    work().then(() => onDone(message), (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <Table.Tr>
      <Table.Td ff="monospace">{code.code}{code.archived && <Badge ml="xs" color="gray" variant="light" tt="none">archived</Badge>}</Table.Td>
      <Table.Td>
        <TextInput aria-label={`Name of ${code.code}`} value={name} onChange={(e) => setName(e.currentTarget.value)} error={error} size="xs" />
      </Table.Td>
      <Table.Td>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" variant="default" disabled={name.trim() === code.name || name.trim() === ''} aria-label={`Rename ${code.code}`}
            onClick={run(() => patch(`/api/v1/reason-codes/${seg(code.code)}`, { name: name.trim() }), `Renamed ${code.code}`)}>Rename</Button>
          <Button size="xs" variant="subtle" aria-label={`${code.archived ? 'Restore' : 'Archive'} ${code.code}`}
            onClick={run(() => post(`/api/v1/reason-codes/${seg(code.code)}/${code.archived ? 'restore' : 'archive'}`, {}), `${code.archived ? 'Restored' : 'Archived'} ${code.code}`)}>
            {code.archived ? 'Restore' : 'Archive'}
          </Button>
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** Why stock was adjusted: add a code, rename one, archive one no longer used (past movements keep it). Admin keys only. */
export function ReasonCodesPage() {
  const [showArchived, setShowArchived] = useState(false);
  const query = useReasonCodeList(showArchived);
  const queryClient = useQueryClient();
  const form = useApiForm({ code: '', name: '' });

  async function refresh(message: string) {
    notifications.show({ color: 'green', message });
    await queryClient.invalidateQueries({ queryKey: ['reason-codes'] });
  }

  async function add() {
    const created = await form.submit((v) => post<ReasonCodeView>('/api/v1/reason-codes', { code: v.code.trim(), name: v.name.trim() }, newIdempotencyKey()));
    if (created) {
      form.setValues({ code: '', name: '' });
      await refresh(`Added ${created.code}`);
    }
  }

  return (
    <>
      <PageHeader title="Reason codes" description="Every adjustment names one. The code is kept on the movements; only its name can change." />
      <Stack gap="md" maw={860}>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="xs">Add a reason code</Title>
          <Group align="flex-start" gap="sm">
            <TextInput label="Code" description="lower-case letters, digits and dashes" {...form.field('code')} />
            <TextInput label="Name" {...form.field('name')} />
            <Button mt={42} onClick={() => void add()} loading={form.submitting}>Add</Button>
          </Group>
          {form.formError && <Alert color="red" role="alert" mt="sm" title="Not added">{form.formError}</Alert>}
        </Paper>
        <Paper withBorder p="md">
          <Checkbox label="Show archived codes" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} mb="sm" />
          <QueryState query={query} what="reason codes">
            {(list) => list.data.length === 0 ? <Text size="sm" c="dimmed">No reason codes.</Text> : (
              <Table.ScrollContainer minWidth={520}>
                <Table verticalSpacing={6} fz="sm">
                  <caption className="visually-hidden">Reason codes</caption>
                  <Table.Thead><Table.Tr><Table.Th scope="col">Code</Table.Th><Table.Th scope="col">Name</Table.Th><Table.Th scope="col">Actions</Table.Th></Table.Tr></Table.Thead>
                  <Table.Tbody>{list.data.map((c) => <CodeRow key={`${c.code}-${c.name}-${c.archived}`} code={c} onDone={refresh} />)}</Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </QueryState>
        </Paper>
      </Stack>
    </>
  );
}
