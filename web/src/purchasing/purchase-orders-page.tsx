import { Anchor, Badge, Button, CloseButton, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useUrlParams } from '../lib/use-url-params';
import { usePurchaseOrders, type PurchaseOrderFilters } from '../api/purchasing-queries';
import type { PurchaseOrderSummary } from '../api/types';
import { PageHeader } from '../layout/page-header';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCursorPager } from '../lib/cursor-pager';
import { formatDateTime, formatMoney } from '../lib/format';
import { exportCsv, saveText } from './po-documents';
import { isStatus, STATUS_LABELS, STATUSES, StatusBadge } from './po-status';

const STATUS_OPTIONS = [{ value: '', label: 'Any status' }, ...STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))];

function OrdersTable({ orders }: { orders: PurchaseOrderSummary[] }) {
  if (orders.length === 0) return <Text c="dimmed" size="sm">No purchase order matches.</Text>;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing={6} fz="sm">
        <caption className="visually-hidden">Purchase orders, newest first</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Order</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Supplier</Table.Th>
            <Table.Th scope="col">Deliver to</Table.Th>
            <Table.Th scope="col">Expected</Table.Th>
            <Table.Th scope="col" ta="right">Lines</Table.Th>
            <Table.Th scope="col" ta="right">Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orders.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>
                <Anchor component={Link} to={`/purchase-orders/${encodeURIComponent(o.number)}`} fw={600} size="sm">{o.number}</Anchor>
                <Text size="xs" c="dimmed">{o.orderedAt ? `sent ${formatDateTime(o.orderedAt)}` : `created ${formatDateTime(o.createdAt)}`}</Text>
              </Table.Td>
              <Table.Td><StatusBadge status={o.status} /></Table.Td>
              <Table.Td>{o.supplier.code}<Text size="xs" c="dimmed" lineClamp={1}>{o.supplier.name}</Text></Table.Td>
              <Table.Td>{o.site.code}</Table.Td>
              <Table.Td>{o.expectedDate ?? '—'}</Table.Td>
              <Table.Td ta="right">{o.lineCount}</Table.Td>
              <Table.Td ta="right" ff="monospace" style={{ whiteSpace: 'nowrap' }}>{o.currency} {formatMoney(o.total)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Every purchase order, filtered by status, supplier or number, with a CSV export of the same selection. */
export function PurchaseOrdersPage() {
  const [params, setParam] = useUrlParams();
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : undefined;
  const supplier = params.get('supplier') ?? undefined;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const filters: PurchaseOrderFilters = { status, supplier, search: debounced || undefined };
  const pager = useCursorPager(JSON.stringify(filters));
  const query = usePurchaseOrders(filters, pager.cursor);
  const [exporting, setExporting] = useState(false);


  async function download() {
    setExporting(true);
    try {
      saveText(await exportCsv(filters), `purchase-orders${status ? `-${status}` : ''}.csv`, 'text/csv');
    } catch (e) {
      notifications.show({ color: 'red', message: `Export failed: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setExporting(false);
    }
  }

  return (
    <>
      <PageHeader
        title="Purchase orders"
        description="Drafts, orders on their way, and what has arrived."
        actions={
          <>
            <Button component={Link} to={`/purchase-orders/new${supplier ? `?supplier=${encodeURIComponent(supplier)}` : ''}`} leftSection={<IconPlus size={16} aria-hidden />}>New purchase order</Button>
            <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} loading={exporting} onClick={() => void download()}>Export CSV</Button>
          </>
        }
      />
      <Paper withBorder p="md">
        <Group align="flex-end" gap="sm" mb="sm">
          <Select label="Status" data={STATUS_OPTIONS} value={status ?? ''} onChange={(v) => setParam('status', v || null)} allowDeselect={false} w={200} />
          <TextInput label="Order number" placeholder="PO-000123" type="search" value={search} onChange={(e) => setSearch(e.currentTarget.value)} leftSection={<IconSearch size={16} aria-hidden />} w={200} />
          {supplier && (
            <Badge size="lg" variant="light" rightSection={<CloseButton size="xs" aria-label={`Show every supplier, not only ${supplier}`} onClick={() => setParam('supplier', null)} />}>
              Supplier {supplier}
            </Badge>
          )}
        </Group>
        <QueryState query={query} what="purchase orders">
          {(page) => (
            <>
              <OrdersTable orders={page.data} />
              <Pager label="Purchase orders" page={pager.page} hasNext={page.nextCursor !== null} onPrevious={pager.previous} onNext={() => page.nextCursor && pager.next(page.nextCursor)} />
            </>
          )}
        </QueryState>
      </Paper>
    </>
  );
}
