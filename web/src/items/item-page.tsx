import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useItem, useItemStock, useMovements, useStockHistory } from '../api/queries';
import type { Item } from '../api/types';
import { ItemChannelAvailability } from '../channels/item-channel-availability';
import { StockHistoryChart } from '../charts/stock-history-chart';
import { PageHeader } from '../layout/page-header';
import { Pager } from '../layout/pager';
import { QueryState } from '../layout/query-state';
import { useCursorPager } from '../lib/cursor-pager';
import { MovementsTable } from '../movements/movements-table';
import { ItemTracking } from '../tracking/item-tracking';
import { ItemBarcodes } from './item-barcodes';
import { ItemEditForm } from './item-edit-form';
import { ItemStockTable } from './item-stock-table';
import { ItemSuppliers } from './item-suppliers';

function ItemMovements({ item }: { item: Item }) {
  const pager = useCursorPager(item.id);
  const query = useMovements({ item: item.id }, pager.cursor, 20, pager.page === 1);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">Movement history</Title>
      <QueryState query={query} what="movements">
        {(page) => (
          <>
            <MovementsTable movements={page.data} caption={`Movements of ${item.sku}`} showItem={false} />
            <Pager label="Movement history" page={pager.page} hasNext={page.nextCursor !== null} onPrevious={pager.previous} onNext={() => page.nextCursor && pager.next(page.nextCursor)} />
          </>
        )}
      </QueryState>
    </Paper>
  );
}

function ItemDetails({ item }: { item: Item }) {
  const stock = useItemStock(item.sku);
  const history = useStockHistory(item.id, 90);
  return (
    <Stack gap="md">
      <PageHeader
        title={item.sku}
        description={
          <Group gap={6} component="span">
            <Text span inherit>{item.name}</Text>
            {item.category && <Badge variant="light" size="sm">{item.category}</Badge>}
            {item.archived && <Badge color="gray" size="sm">archived</Badge>}
          </Group>
        }
      />
      <QueryState query={stock} what="stock">{(s) => <ItemStockTable stock={s} />}</QueryState>
      <ItemTracking item={item} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <QueryState query={history} what="stock over time">{(h) => <StockHistoryChart history={h} title="On hand, last 90 days" unit={item.unit} />}</QueryState>
        <ItemBarcodes item={item} />
      </SimpleGrid>
      <ItemChannelAvailability sku={item.sku} />
      <ItemSuppliers sku={item.sku} />
      <ItemMovements item={item} />
      <ItemEditForm key={item.updatedAt} item={item} />
    </Stack>
  );
}

/** One item: stock per location, its history and chart, barcodes and details. Refreshes itself. */
export function ItemPage() {
  const { ref = '' } = useParams();
  const item = useItem(ref);
  return <QueryState query={item} what={`item ${ref}`}>{(i) => <ItemDetails item={i} />}</QueryState>;
}
