import { Button, Checkbox, Group, Paper, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useItemStockPage } from '../api/queries';
import { PageHeader } from '../layout/page-header';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCursorPager } from '../lib/cursor-pager';
import { ItemsTable, type ItemSortKey } from './items-table';

const SORTS: ItemSortKey[] = ['sku', 'name', 'onHand', 'available'];
const PAGE_SIZE = 50;

/** Search, sort and page through items; the filters live in the address so a view can be shared. */
export function ItemsPage() {
  const [params, setParams] = useSearchParams();
  const sort = (SORTS as string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as ItemSortKey) : 'sku';
  const order = params.get('order') === 'desc' ? 'desc' : 'asc';
  const belowReorder = params.get('belowReorder') === 'true';
  const [search, setSearch] = useState(params.get('search') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 250);

  useEffect(() => {
    setParams((p) => {
      if (debounced) p.set('search', debounced);
      else p.delete('search');
      return p;
    }, { replace: true });
  }, [debounced, setParams]);

  const pager = useCursorPager(`${debounced}|${sort}|${order}|${belowReorder}`);
  const query = useItemStockPage({ search: debounced, belowReorder, sort, order, cursor: pager.cursor, limit: PAGE_SIZE });

  function update(changes: Record<string, string | null>) {
    setParams((p) => {
      for (const [name, value] of Object.entries(changes)) {
        if (value === null) p.delete(name);
        else p.set(name, value);
      }
      return p;
    });
  }

  function changeSort(column: ItemSortKey, explicitOrder?: 'asc' | 'desc') {
    const nextOrder = explicitOrder ?? (column === sort && order === 'asc' ? 'desc' : 'asc');
    update({ sort: column, order: nextOrder });
  }

  return (
    <>
      <PageHeader title="Items" actions={<Button component={Link} to="/items/new" leftSection={<IconPlus size={16} aria-hidden />}>New item</Button>} />
      <Paper withBorder p="sm">
        <Group gap="sm" mb="sm" align="flex-end">
          <TextInput
            type="search" label="Search items" placeholder="SKU, name or barcode" value={search} onChange={(e) => setSearch(e.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden />} style={{ flex: '1 1 240px' }}
          />
          <Checkbox label="Only below reorder point" checked={belowReorder} onChange={(e) => update({ belowReorder: e.currentTarget.checked ? 'true' : null })} mb={8} />
        </Group>
        <QueryState query={query} what="items">
          {(page) => (
            <>
              {page.data.length === 0 ? (
                <Text c="dimmed" p="md">{debounced || belowReorder ? 'No items match.' : 'No items yet. Create the first one with “New item”.'}</Text>
              ) : (
                <ItemsTable entries={page.data} sort={sort} order={order} onSort={changeSort} />
              )}
              <Pager label="Items" page={pager.page} hasNext={page.nextCursor !== null} onPrevious={pager.previous} onNext={() => page.nextCursor && pager.next(page.nextCursor)} />
            </>
          )}
        </QueryState>
      </Paper>
    </>
  );
}
