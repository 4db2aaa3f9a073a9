import { Anchor, Badge, Button, Paper, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSuppliers } from '../api/purchasing-queries';
import type { Supplier } from '../api/types';
import { PageHeader } from '../layout/page-header';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCursorPager } from '../lib/cursor-pager';
import { formatQuantity } from '../lib/format';

function SuppliersTable({ suppliers }: { suppliers: Supplier[] }) {
  if (suppliers.length === 0) return <Text c="dimmed" size="sm">No supplier matches.</Text>;
  return (
    <Table.ScrollContainer minWidth={620}>
      <Table striped highlightOnHover verticalSpacing={6} fz="sm">
        <caption className="visually-hidden">Suppliers</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Supplier</Table.Th>
            <Table.Th scope="col">Currency</Table.Th>
            <Table.Th scope="col" ta="right">Lead time</Table.Th>
            <Table.Th scope="col">Payment terms</Table.Th>
            <Table.Th scope="col" ta="right">Over-receipt</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {suppliers.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Anchor component={Link} to={`/suppliers/${encodeURIComponent(s.code)}`} fw={600} size="sm">{s.code}</Anchor>
                {s.archived && <Badge color="gray" size="xs" ml={6}>archived</Badge>}
                <Text size="xs" c="dimmed">{s.name}</Text>
              </Table.Td>
              <Table.Td>{s.currency}</Table.Td>
              <Table.Td ta="right">{s.leadTimeDays === null ? '—' : `${s.leadTimeDays} d`}</Table.Td>
              <Table.Td>{s.paymentTerms ?? '—'}</Table.Td>
              <Table.Td ta="right">{formatQuantity(s.overReceiptTolerance)} %</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Search and page through suppliers. */
export function SuppliersPage() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const pager = useCursorPager(debounced);
  const query = useSuppliers(debounced, pager.cursor);
  return (
    <>
      <PageHeader
        title="Suppliers"
        description="Who you buy from, on what terms."
        actions={<Button component={Link} to="/suppliers/new" leftSection={<IconPlus size={16} aria-hidden />}>New supplier</Button>}
      />
      <Paper withBorder p="md">
        <TextInput
          label="Search suppliers" placeholder="Code or name" value={search} onChange={(e) => setSearch(e.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden />} mb="sm" maw={360} type="search"
        />
        <QueryState query={query} what="suppliers">
          {(page) => (
            <>
              <SuppliersTable suppliers={page.data} />
              <Pager label="Suppliers" page={pager.page} hasNext={page.nextCursor !== null} onPrevious={pager.previous} onNext={() => page.nextCursor && pager.next(page.nextCursor)} />
            </>
          )}
        </QueryState>
      </Paper>
    </>
  );
}
