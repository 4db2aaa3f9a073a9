import { Center, createTheme, Loader, MantineProvider, Modal } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, type ComponentType } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ApiError } from './api/client';
import { useApiKey } from './api/session';
import { AppLayout } from './layout/app-layout';
import { SignInPage } from './sign-in/sign-in-page';

/** Each screen loads on first visit, so a handheld opening Receive does not download the charts. */
const page = <K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) => lazy(async () => ({ default: (await load())[name] }));
const DashboardPage = page(() => import('./dashboard/dashboard-page'), 'DashboardPage');
const ItemsPage = page(() => import('./items/items-page'), 'ItemsPage');
const NewItemPage = page(() => import('./items/new-item-page'), 'NewItemPage');
const ItemPage = page(() => import('./items/item-page'), 'ItemPage');
const LocationsPage = page(() => import('./locations/locations-page'), 'LocationsPage');
const ReceivePage = page(() => import('./operations/receive-page'), 'ReceivePage');
const ShipPage = page(() => import('./operations/ship-page'), 'ShipPage');
const TransferPage = page(() => import('./operations/transfer-page'), 'TransferPage');
const AdjustPage = page(() => import('./operations/adjust-page'), 'AdjustPage');
const MovementsPage = page(() => import('./movements/movements-page'), 'MovementsPage');
const AuditPage = page(() => import('./audit/audit-page'), 'AuditPage');
const SuppliersPage = page(() => import('./suppliers/suppliers-page'), 'SuppliersPage');
const NewSupplierPage = page(() => import('./suppliers/new-supplier-page'), 'NewSupplierPage');
const SupplierPage = page(() => import('./suppliers/supplier-page'), 'SupplierPage');
const PurchaseOrdersPage = page(() => import('./purchasing/purchase-orders-page'), 'PurchaseOrdersPage');
const NewPurchaseOrderPage = page(() => import('./purchasing/new-purchase-order-page'), 'NewPurchaseOrderPage');
const PurchaseOrderPage = page(() => import('./purchasing/purchase-order-page'), 'PurchaseOrderPage');
const ReceivePoPage = page(() => import('./purchasing/receive-po-page'), 'ReceivePoPage');
const PlanningPage = page(() => import('./planning/planning-page'), 'PlanningPage');
const ChannelsPage = page(() => import('./channels/channels-page'), 'ChannelsPage');
const NewChannelPage = page(() => import('./channels/new-channel-page'), 'NewChannelPage');
const ChannelPage = page(() => import('./channels/channel-page'), 'ChannelPage');
const WebhooksPage = page(() => import('./webhooks/webhooks-page'), 'WebhooksPage');
const WebhookPage = page(() => import('./webhooks/webhook-page'), 'WebhookPage');
const CountsPage = page(() => import('./counting/counts-page'), 'CountsPage');
const NewCountPage = page(() => import('./counting/new-count-page'), 'NewCountPage');
const CountPage = page(() => import('./counting/count-page'), 'CountPage');
const CountingPage = page(() => import('./counting/counting-page'), 'CountingPage');
const ShrinkagePage = page(() => import('./counting/shrinkage-page'), 'ShrinkagePage');
const ReasonCodesPage = page(() => import('./counting/reason-codes-page'), 'ReasonCodesPage');
const SalesOrdersPage = page(() => import('./sales/sales-orders-page'), 'SalesOrdersPage');
const NewSalesOrderPage = page(() => import('./sales/new-sales-order-page'), 'NewSalesOrderPage');
const SalesOrderPage = page(() => import('./sales/sales-order-page'), 'SalesOrderPage');
const PickShipPage = page(() => import('./sales/pick-ship-page'), 'PickShipPage');
const PickListPage = page(() => import('./sales/pick-list-page'), 'PickListPage');
const ReturnsPage = page(() => import('./returns/returns-page'), 'ReturnsPage');
const NewReturnPage = page(() => import('./returns/new-return-page'), 'NewReturnPage');
const ReturnPage = page(() => import('./returns/return-page'), 'ReturnPage');
const ExpiringLotsPage = page(() => import('./tracking/expiring-lots-page'), 'ExpiringLotsPage');
const LotPage = page(() => import('./tracking/lot-page'), 'LotPage');
const SerialLookupPage = page(() => import('./tracking/serial-lookup-page'), 'SerialLookupPage');

const theme = createTheme({
  primaryColor: 'blue', defaultRadius: 'md', fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  // A dialog's × button has no text: give it a name screen readers can say.
  components: { Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close dialog' } } }) },
});

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A missing record or a refused key will not change by asking again.
      retry: (failures, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: true,
    },
  },
});

function SignedInRoutes() {
  return (
    <AppLayout>
      <Suspense fallback={<Center p="xl"><Loader size="sm" aria-label="Loading the page" /></Center>}>
        <Routes>
          <Route path="/" element={<DashboardPage />} />
          <Route path="/items" element={<ItemsPage />} />
          <Route path="/items/new" element={<NewItemPage />} />
          <Route path="/items/:ref" element={<ItemPage />} />
          <Route path="/locations" element={<LocationsPage />} />
          <Route path="/receive" element={<ReceivePage />} />
          <Route path="/ship" element={<ShipPage />} />
          <Route path="/transfer" element={<TransferPage />} />
          <Route path="/adjust" element={<AdjustPage />} />
          <Route path="/suppliers" element={<SuppliersPage />} />
          <Route path="/suppliers/new" element={<NewSupplierPage />} />
          <Route path="/suppliers/:ref" element={<SupplierPage />} />
          <Route path="/purchase-orders" element={<PurchaseOrdersPage />} />
          <Route path="/purchase-orders/new" element={<NewPurchaseOrderPage />} />
          <Route path="/purchase-orders/receive" element={<ReceivePoPage />} />
          <Route path="/purchase-orders/:ref" element={<PurchaseOrderPage />} />
          <Route path="/planning" element={<PlanningPage />} />
          <Route path="/channels" element={<ChannelsPage />} />
          <Route path="/channels/new" element={<NewChannelPage />} />
          <Route path="/channels/:ref" element={<ChannelPage />} />
          <Route path="/sales-orders" element={<SalesOrdersPage />} />
          <Route path="/sales-orders/new" element={<NewSalesOrderPage />} />
          <Route path="/sales-orders/:ref" element={<SalesOrderPage />} />
          <Route path="/pick-ship" element={<PickShipPage />} />
          <Route path="/pick-lists/:ref" element={<PickListPage />} />
          <Route path="/returns" element={<ReturnsPage />} />
          <Route path="/returns/new" element={<NewReturnPage />} />
          <Route path="/returns/:ref" element={<ReturnPage />} />
          <Route path="/lots/expiring" element={<ExpiringLotsPage />} />
          <Route path="/lots/:id" element={<LotPage />} />
          <Route path="/serials" element={<SerialLookupPage />} />
          <Route path="/webhooks" element={<WebhooksPage />} />
          <Route path="/webhooks/:id" element={<WebhookPage />} />
          <Route path="/counts" element={<CountsPage />} />
          <Route path="/counts/new" element={<NewCountPage />} />
          <Route path="/counts/:ref" element={<CountPage />} />
          <Route path="/counts/:ref/count" element={<CountingPage />} />
          <Route path="/reports/shrinkage" element={<ShrinkagePage />} />
          <Route path="/reason-codes" element={<ReasonCodesPage />} />
          <Route path="/movements" element={<MovementsPage />} />
          <Route path="/audit" element={<AuditPage />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </Suspense>
    </AppLayout>
  );
}

export function App() {
  const key = useApiKey();
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-center" />
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>{key ? <SignedInRoutes /> : <SignInPage />}</BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  );
}
