import { expect, test } from '@playwright/test';
import { AppNav } from './pages/app-nav.js';
import { ItemPage } from './pages/items-pages.js';
import { OperationPage } from './pages/operation-page.js';
import { PlanningPage, PurchaseOrderPage, ReceiveOrderPage } from './pages/purchasing-pages.js';
import { SignInPage } from './pages/sign-in-page.js';
import { apiClient } from './support/api-client.js';
import { E2E_ADMIN_KEY } from './support/keys.js';
import { ean13 } from './support/seed.js';

test('a low item becomes a suggested draft, is ordered, shows as incoming and is received in part by scanning', async ({ page, baseURL }) => {
  const run = Date.now().toString().slice(-6);
  const site = `PS${run}`;
  const bin = `${site}-B1`;
  const sku = `PUR-${run}`;
  const barcode = ean13(`21${run}0000`.slice(0, 12));
  const supplier = `SUP${run}`;

  // A site of its own, so the suggestion holds only this item: 4 on hand, reorder at 10 up to 30.
  const api = apiClient(String(baseURL), E2E_ADMIN_KEY);
  await api.post('/api/v1/locations', { code: site, name: `Purchasing test site ${run}`, kind: 'site' });
  await api.post('/api/v1/locations', { code: bin, name: 'Goods in', kind: 'bin', parent: site });
  await api.post('/api/v1/items', { sku, name: 'Purchasing test mug', unit: 'pcs', barcodes: [{ code: barcode, kind: 'gtin' }] });
  await api.post('/api/v1/receipts', { location: bin, lines: [{ item: sku, quantity: '4' }] });
  await api.post('/api/v1/suppliers', { code: supplier, name: `Mug Makers ${run}`, currency: 'EUR', leadTimeDays: 3, overReceiptTolerance: '5' });
  await api.post(`/api/v1/suppliers/${supplier}/items`, {
    item: sku, supplierSku: `MM-${run}`, preferred: true, packSize: '6', minOrderQuantity: '12',
    prices: [{ minQuantity: '0', unitPrice: '2.50' }, { minQuantity: '24', unitPrice: '2.20' }],
  });
  await api.put(`/api/v1/planning/reorder-policies/${sku}/${site}`, { method: 'manual', min: '10', max: '30' });

  await new SignInPage(page).open();
  await new SignInPage(page).signIn(E2E_ADMIN_KEY);
  const nav = new AppNav(page);

  // The alert and the suggestion: 30 − 4 = 26 needed, rounded up to whole packs of 6 → 30, priced at the break for 24.
  await nav.go('Planning');
  const planning = new PlanningPage(page);
  await planning.filterBySite(site);
  await expect(planning.alert(sku)).toContainText(site);
  const line = planning.suggestedLine(supplier, site, sku);
  await expect(line).toContainText('26');
  await expect(line).toContainText('30');
  await expect(line).toContainText('2.20');
  await expect(line).toContainText('66.00');
  const number = await planning.createDraftAndOpen(supplier, site);

  // The draft, then sent to the supplier.
  const order = new PurchaseOrderPage(page);
  await expect(order.status()).toHaveText(/Draft/);
  await expect(order.line(sku)).toContainText('30');
  await order.act('Order', 'Order', 'Sent by e-mail');
  await expect(order.status()).toHaveText(/Ordered/);

  // Ordered and not received: incoming at the site, in the total and on the site's row.
  const item = new ItemPage(page);
  await item.open(sku);
  await item.expectTotal('on hand', '4');
  await item.expectTotal('incoming', '30');
  await expect(item.siteRow(site)).toContainText('30');

  // Part of the delivery arrives: 12 scans of the barcode into the site's bin.
  await order.open(number);
  await page.getByRole('main').getByRole('link', { name: 'Receive', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Receive an order' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Purchase order' })).toHaveValue(new RegExp(`^${number} `));
  const receive = new OperationPage(page);
  const receiveOrder = new ReceiveOrderPage(page);
  await expect(receiveOrder.line(sku)).toContainText('30');
  await receive.chooseLocation('Receive into', bin);
  await receive.scan(barcode, 12);
  await expect(receive.scanCount).toHaveText('12 scanned');
  await expect(receive.quantity(sku)).toHaveValue('12');
  await expect(receiveOrder.line(sku)).toContainText('part');
  await receive.post('Receive');
  await receive.expectPosted(`Received 12 × ${sku} into ${bin} on ${number}`);
  await expect(receiveOrder.line(sku)).toContainText('18');

  // On hand up by 12, incoming down by 12; the order is partly received.
  await item.open(sku);
  await item.expectTotal('on hand', '16');
  await item.expectTotal('incoming', '18');
  await expect(item.stockRow(bin)).toContainText('16');
  await order.open(number);
  await expect(order.status()).toHaveText(/Partially received/);
  await expect(order.line(sku)).toContainText('partly received');
  await expect(page.getByRole('table', { name: 'Receipts and returns' })).toContainText(`12 × ${sku} into ${bin}`);
});
