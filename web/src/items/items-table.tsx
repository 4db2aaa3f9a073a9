import { Anchor, Badge, Group, Select, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { Link } from 'react-router';
import type { ItemStockEntry } from '../api/types';
import { useCompact } from '../layout/use-compact';
import { formatQuantity } from '../lib/format';

export type ItemSortKey = 'sku' | 'name' | 'onHand' | 'available';
const SORTABLE = new Set<string>(['sku', 'name', 'onHand', 'available']);

const column = createColumnHelper<ItemStockEntry>();
const columns = [
  column.accessor((e) => e.item.sku, {
    id: 'sku', header: 'SKU',
    cell: (c) => <Anchor component={Link} to={`/items/${encodeURIComponent(c.getValue())}`} fw={500}>{c.getValue()}</Anchor>,
  }),
  column.accessor((e) => e.item.name, { id: 'name', header: 'Name' }),
  column.accessor((e) => e.item.category, { id: 'category', header: 'Category', cell: (c) => c.getValue() ?? <Text span c="dimmed">—</Text> }),
  column.accessor('onHand', { id: 'onHand', header: 'On hand', cell: (c) => `${formatQuantity(c.getValue())} ${c.row.original.item.unit}` }),
  column.accessor('available', {
    id: 'available', header: 'Available',
    cell: (c) => (
      <>
        {formatQuantity(c.getValue())}
        {c.row.original.belowReorder && <Badge color="red" variant="light" size="xs" ml={6}>reorder</Badge>}
      </>
    ),
  }),
  column.accessor((e) => e.item.reorderPoint, { id: 'reorderPoint', header: 'Reorder at', cell: (c) => (c.getValue() === null ? '—' : formatQuantity(c.getValue() as string)) }),
];
const NUMERIC = new Set(['onHand', 'available', 'reorderPoint']);

const SORT_CHOICES = [
  { value: 'sku:asc', label: 'SKU, A to Z' }, { value: 'sku:desc', label: 'SKU, Z to A' },
  { value: 'name:asc', label: 'Name, A to Z' }, { value: 'name:desc', label: 'Name, Z to A' },
  { value: 'onHand:desc', label: 'Most on hand' }, { value: 'onHand:asc', label: 'Least on hand' },
  { value: 'available:desc', label: 'Most available' }, { value: 'available:asc', label: 'Least available' },
];

type Props = { entries: ItemStockEntry[]; sort: ItemSortKey; order: 'asc' | 'desc'; onSort: (sort: ItemSortKey, order?: 'asc' | 'desc') => void };

/** On a handheld: a sort menu instead of column headers, and one short block per item. */
function ItemsList({ entries, sort, order, onSort }: Props) {
  return (
    <>
      <Select label="Sort by" data={SORT_CHOICES} value={`${sort}:${order}`} allowDeselect={false} mb="xs"
        onChange={(v) => v && onSort(v.split(':')[0] as ItemSortKey, v.split(':')[1] as 'asc' | 'desc')} />
      <ul aria-label="Items with their stock" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {entries.map((e) => (
          <li key={e.item.id} style={{ borderTop: '1px solid var(--mantine-color-gray-2)', padding: '6px 0' }}>
            <Group justify="space-between" wrap="nowrap" gap={6}>
              <Anchor component={Link} to={`/items/${encodeURIComponent(e.item.sku)}`} fw={600} size="sm">{e.item.sku}</Anchor>
              {e.belowReorder && <Badge color="red" variant="light" size="xs">reorder</Badge>}
            </Group>
            <Text size="xs" c="dimmed" lineClamp={1}>{e.item.name}</Text>
            <Text size="xs">On hand {formatQuantity(e.onHand)} {e.item.unit} · Available {formatQuantity(e.available)}</Text>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The items table. Sorting happens on the server (the list is paged with keyset cursors, so the
 * browser never holds more than one page); the table only says which column is sorted.
 */
export function ItemsTable({ entries, sort, order, onSort }: Props) {
  const compact = useCompact();
  const sorting: SortingState = [{ id: sort, desc: order === 'desc' }];
  const table = useReactTable({ data: entries, columns, state: { sorting }, manualSorting: true, getCoreRowModel: getCoreRowModel(), getRowId: (e) => e.item.id });
  if (compact) return <ItemsList entries={entries} sort={sort} order={order} onSort={onSort} />;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover verticalSpacing={8}>
        <caption className="visually-hidden">Items with their stock</caption>
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const label = flexRender(header.column.columnDef.header, header.getContext());
                const align = NUMERIC.has(header.id) ? 'right' : 'left';
                return (
                  <Table.Th key={header.id} scope="col" ta={align} aria-sort={sorted ? (sorted === 'desc' ? 'descending' : 'ascending') : undefined}>
                    {SORTABLE.has(header.id) ? (
                      <UnstyledButton onClick={() => onSort(header.id as ItemSortKey)} fw={700} fz="sm" style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
                        {label}
                        {sorted === 'asc' ? <IconArrowUp size={14} aria-hidden /> : sorted === 'desc' ? <IconArrowDown size={14} aria-hidden /> : <IconArrowsSort size={14} aria-hidden opacity={0.4} />}
                      </UnstyledButton>
                    ) : label}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {table.getRowModel().rows.map((row) => (
            <Table.Tr key={row.id}>
              {row.getVisibleCells().map((cell) => (
                <Table.Td key={cell.id} ta={NUMERIC.has(cell.column.id) ? 'right' : 'left'} ff={NUMERIC.has(cell.column.id) ? 'monospace' : undefined}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
