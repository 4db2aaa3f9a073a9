import { Anchor, Button, Group, MultiSelect, Paper, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconListCheck, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useUrlParams } from '../lib/use-url-params';
import { useSalesOrders, type SalesOrderFilters } from '../api/sales-order-queries';
import type { SalesOrder } from '../api/types';
import { PageHeader } from '../layout/page-header';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCompact } from '../layout/use-compact';
import { useCursorPager } from '../lib/cursor-pager';
import { formatDateTime, formatQuantity } from '../lib/format';
import { ChannelSelect } from './channel-select';
import { customerText, unitsOf } from './order-figures';
import { isStatus, STATUS_LABELS, STATUSES, StatusBadge } from './order-status';

const STATUS_OPTIONS = STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));
const orderPath = (o: SalesOrder) => `/sales-orders/${encodeURIComponent(o.number)}`;

function OrderList({ orders }: { orders: SalesOrder[] }) {
  return (
    <ul aria-label="Sales orders, newest first" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {orders.map((o) => (
        <li key={o.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
          <Group justify="space-between" wrap="nowrap">
            <Anchor component={Link} to={orderPath(o)} fw={600} size="sm">{o.number}</Anchor>
            <StatusBadge status={o.status} />
          </Group>
          <Text size="xs">{o.channel.code}{o.externalId ? ` · ${o.externalId}` : ''} · {customerText(o)}</Text>
          <Text size="xs" c="dimmed">{o.lines.length} line(s), {formatQuantity(unitsOf(o))} units · {formatDateTime(o.createdAt)}</Text>
        </li>
      ))}
    </ul>
  );
}

function OrdersTable({ orders }: { orders: SalesOrder[] }) {
  const compact = useCompact();
  if (orders.length === 0) return <Text c="dimmed" size="sm">No sales order matches.</Text>;
  if (compact) return <OrderList orders={orders} />;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing={6} fz="sm">
        <caption className="visually-hidden">Sales orders, newest first</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Order</Table.Th>
            <Table.Th scope="col">Channel</Table.Th>
            <Table.Th scope="col">Customer</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col" ta="right">Lines</Table.Th>
            <Table.Th scope="col" ta="right">Units</Table.Th>
            <Table.Th scope="col">Created</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orders.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={orderPath(o)} fw={600} size="sm">{o.number}</Anchor>
                {o.externalId && <Text size="xs" c="dimmed">{o.externalId}</Text>}
              </Table.Th>
              <Table.Td>{o.channel.code}</Table.Td>
              <Table.Td>{customerText(o)}</Table.Td>
              <Table.Td><StatusBadge status={o.status} /></Table.Td>
              <Table.Td ta="right">{o.lines.length}</Table.Td>
              <Table.Td ta="right" ff="monospace">{formatQuantity(unitsOf(o))}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(o.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Opens one order by its number (or id): the list itself cannot be searched by number on the server. */
function GoToOrder() {
  const navigate = useNavigate();
  const [number, setNumber] = useState('');
  function open(event: FormEvent) {
    event.preventDefault();
    if (number.trim()) navigate(`/sales-orders/${encodeURIComponent(number.trim().toUpperCase())}`);
  }
  return (
    <form onSubmit={open} aria-label="Open an order by number">
      <Group gap="xs" align="flex-end" wrap="nowrap">
        <TextInput label="Order number" placeholder="SO-000123" value={number} onChange={(e) => setNumber(e.currentTarget.value)} w={160} />
        <Button type="submit" variant="default">Open</Button>
      </Group>
    </form>
  );
}

/** Every sales order from every channel, newest first, filtered by channel, status or item. */
export function SalesOrdersPage() {
  const [params, setParam] = useUrlParams();
  const channel = params.get('channel') ?? undefined;
  const status = (params.get('status') ?? '').split(',').filter(isStatus);
  const [item, setItem] = useState(params.get('item') ?? '');
  const [debouncedItem] = useDebouncedValue(item.trim(), 300);
  const filters: SalesOrderFilters = { channel, status: status.length > 0 ? status : undefined, item: debouncedItem || undefined };
  const pager = useCursorPager(JSON.stringify(filters));
  const query = useSalesOrders(filters, pager.cursor);


  return (
    <>
      <PageHeader
        title="Sales orders"
        description="Orders from every channel; stock is reserved as soon as an order arrives."
        actions={
          <>
            <Button component={Link} to="/sales-orders/new" leftSection={<IconPlus size={16} aria-hidden />}>New order</Button>
            <Button component={Link} to="/pick-ship" variant="default" leftSection={<IconListCheck size={16} aria-hidden />}>Pick & ship</Button>
          </>
        }
      />
      <Paper withBorder p="md">
        <Group align="flex-end" gap="sm" mb="sm">
          <ChannelSelect label="Channel" placeholder="Every channel" value={channel ?? null} onChange={(v) => setParam('channel', v)} withArchived clearable w={220} />
          <MultiSelect label="Status" placeholder={status.length ? undefined : 'Any status'} data={STATUS_OPTIONS} value={status} onChange={(v) => setParam('status', v.join(','))}
            clearable w={300} comboboxProps={{ withinPortal: true }} />
          <TextInput label="Item" placeholder="SKU" type="search" value={item} onChange={(e) => { setItem(e.currentTarget.value); setParam('item', e.currentTarget.value.trim() || null); }}
            leftSection={<IconSearch size={16} aria-hidden />} w={180} />
          <GoToOrder />
        </Group>
        <QueryState query={query} what="sales orders">
          {(page) => (
            <>
              <OrdersTable orders={page.data} />
              <Pager label="Sales orders" page={pager.page} hasNext={page.nextCursor !== null} onPrevious={pager.previous} onNext={() => page.nextCursor && pager.next(page.nextCursor)} />
            </>
          )}
        </QueryState>
      </Paper>
    </>
  );
}
