import { Anchor, Paper, SimpleGrid, Stack, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useMovements, useMovementsPerDay, useStockHistory, useStockSummary } from '../api/queries';
import { ActivityChart } from '../charts/activity-chart';
import { StockHistoryChart } from '../charts/stock-history-chart';
import { PageHeader } from '../layout/page-header';
import { QueryState } from '../layout/query-state';
import { MovementsTable } from '../movements/movements-table';
import { ExpiryAlertBanner } from '../tracking/expiry-alert-banner';
import { LowStockAlerts } from './low-stock-alerts';
import { ReorderList } from './reorder-list';
import { StockBySite } from './stock-by-site';
import { SummaryCards } from './summary-cards';

/** The manager's overview; every panel refreshes itself while the page is open. */
export function DashboardPage() {
  const summary = useStockSummary();
  const history = useStockHistory(undefined, 90);
  const activity = useMovementsPerDay(30);
  const recent = useMovements({}, undefined, 8, true);
  return (
    <Stack gap="md">
      <PageHeader title="Dashboard" description="Updates by itself every few seconds." />
      <QueryState query={summary} what="the stock summary">{(s) => <SummaryCards summary={s} />}</QueryState>
      <LowStockAlerts />
      <ExpiryAlertBanner />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <QueryState query={history} what="stock over time">{(h) => <StockHistoryChart history={h} title="Units on hand, last 90 days" />}</QueryState>
        <QueryState query={activity} what="movements per day">{(a) => <ActivityChart days={a.days} title="Movements per day, last 30 days" />}</QueryState>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ReorderList />
        <QueryState query={summary} what="stock by site">{(s) => <StockBySite summary={s} />}</QueryState>
      </SimpleGrid>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">Recent movements</Title>
        <QueryState query={recent} what="recent movements">{(page) => <MovementsTable movements={page.data} caption="Recent movements" />}</QueryState>
        <Anchor component={Link} to="/movements" size="sm">Open the movements ledger</Anchor>
      </Paper>
    </Stack>
  );
}
