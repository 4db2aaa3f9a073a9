import { expect, test, type Page } from '@playwright/test';
import { ItemPage } from './pages/items-pages.js';
import { OperationPage } from './pages/operation-page.js';
import { goToSales, NewSalesOrderForm, PickListPage, SalesOrderPage, SalesOrdersPage } from './pages/sales-pages.js';
import { SignInPage } from './pages/sign-in-page.js';
import { apiClient, type ApiClient } from './support/api-client.js';
import { E2E_ADMIN_KEY } from './support/keys.js';
import { ean13 } from './support/seed.js';

/** A site of its own with one bin per item and a channel selling from it: the figures depend on nothing else. */
async function shop(api: ApiClient, run: string, stock: Array<{ sku: string; bin: string; quantity: string; barcode?: string }>): Promise<{ site: string; channel: string }> {
  const site = `SS${run}`;
  const channel = `CH${run}`;
  await api.post('/api/v1/locations', { code: site, name: `Sales test site ${run}`, kind: 'site', region: 'DE-HH' });
  for (const s of stock) {
    await api.post('/api/v1/locations', { code: s.bin, name: `Bin ${s.bin}`, kind: 'bin', parent: site });
    await api.post('/api/v1/items', { sku: s.sku, name: `Sales test ${s.sku}`, unit: 'pcs', ...(s.barcode && { barcodes: [{ code: s.barcode, kind: 'gtin' }] }) });
    await api.post('/api/v1/receipts', { location: s.bin, lines: [{ item: s.sku, quantity: s.quantity }] });
  }
  await api.post('/api/v1/channels', { code: channel, name: `Sales test channel ${run}`, kind: 'web', locations: [site] });
  return { site, channel };
}

async function signedIn(page: Page): Promise<void> {
  await page.addInitScript({ content: `window.localStorage.setItem('stockroom.apiKey', ${JSON.stringify(E2E_ADMIN_KEY)})` });
}

const streamOpened = (page: Page) => page.waitForRequest((r) => r.url().includes('/api/v1/events/stream'));

test('an order placed through the API appears on the open orders list and the item’s reserved and available figures update, without a reload', async ({ page, context, baseURL }) => {
  const run = Date.now().toString().slice(-6);
  const sku = `SAL-${run}`;
  const api = apiClient(String(baseURL), E2E_ADMIN_KEY);
  const { channel } = await shop(api, run, [{ sku, bin: `SS${run}-B1`, quantity: '10' }]);
  await signedIn(page);

  // Two tabs, as a shop would have them: the orders of the channel, and the item.
  const orders = new SalesOrdersPage(page);
  const listening = streamOpened(page);
  await orders.open(`?channel=${channel}`);
  await listening;
  await expect(page.getByText('No sales order matches.')).toBeVisible();
  const itemTab = await context.newPage();
  const item = new ItemPage(itemTab);
  const itemListening = streamOpened(itemTab);
  await item.open(sku);
  await itemListening;
  await item.expectTotal('reserved', '0');
  await item.expectTotal('available', '10');

  // The web store's integration places an order; polling (30 s) is far slower than these waits (10 s).
  const order = await api.post<{ number: string }>('/api/v1/sales-orders', {
    channel, externalId: `shop-${run}`, customerName: 'Ada Lovelace', address: { city: 'Hamburg', country: 'DE' }, lines: [{ item: sku, quantity: '3' }],
  });
  await expect(orders.row(order.number)).toContainText('Reserved');
  await expect(orders.row(order.number)).toContainText(`shop-${run}`);
  await expect(orders.row(order.number)).toContainText('Ada Lovelace · Hamburg, DE');
  await item.expectTotal('reserved', '3');
  await item.expectTotal('available', '7');
  await item.expectTotal('on hand', '10');
});

test('a phone order typed in by hand is picked by scanning, shipped in part, and another order’s cancel releases its stock', async ({ page, baseURL }) => {
  // The longest walk in the suite (order, pick, ship, cancel): on a loaded 2-core machine it needs more than the default minute.
  test.setTimeout(150_000);
  const run = Date.now().toString().slice(-6);
  const mug = `MUG-${run}`;
  const jug = `JUG-${run}`;
  const mugBarcode = ean13(`23${run}0000`.slice(0, 12));
  const api = apiClient(String(baseURL), E2E_ADMIN_KEY);
  const { site, channel } = await shop(api, run, [
    { sku: mug, bin: `SS${run}-A-01`, quantity: '6', barcode: mugBarcode },
    { sku: jug, bin: `SS${run}-B-01`, quantity: '4' },
  ]);
  await new SignInPage(page).open();
  await new SignInPage(page).signIn(E2E_ADMIN_KEY);

  // The order by hand: three mugs by scanner, jugs typed. Five jugs are more than there are: refused, per line, nothing reserved.
  await goToSales(page, 'Orders');
  await page.getByRole('link', { name: 'New order' }).click();
  const form = new NewSalesOrderForm(page);
  await form.chooseChannel(channel);
  await form.field('Customer').fill('Grace Hopper');
  await form.field('City').fill('Hamburg');
  await form.field('Region').fill('DE-HH');
  const scanner = new OperationPage(page);
  await scanner.scan(mugBarcode, 3);
  await expect(form.lineItem(1)).toHaveValue(mug);
  await expect(form.lineQuantity(1)).toHaveValue('3');
  await form.addLine(2, jug, '5');
  await form.create();
  await expect(page.getByRole('alert').filter({ hasText: 'Not enough stock' })).toContainText(`Line 2 · ${jug}: 5 requested, only 4 available on ${channel}`);
  await expect(form.lineQuantity(2)).toHaveAccessibleDescription(/only 4 available/);
  await form.lineQuantity(2).fill('2');
  await form.create();

  const order = new SalesOrderPage(page);
  await expect(page.getByRole('heading', { level: 1, name: /^SO-\d+$/ })).toBeVisible();
  const number = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  await expect(order.fact('Status')).toHaveText(/Reserved/);
  await expect(order.fact('Ships from')).toContainText(site);
  await expect(order.line(mug)).toHaveText(/3\s*3\s*0\s*0\s*0/);

  // Picking: bins in walking order; each unit scanned; one mug too many is refused and said so.
  await order.act('Start picking', 'Create pick list');
  await expect(page.getByRole('heading', { level: 1, name: /^PL-\d+$/ })).toBeVisible();
  const pick = new PickListPage(page);
  await expect(pick.progress).toHaveText('0 of 5 units picked');
  await expect(pick.next).toContainText(`SS${run}-A-01`);
  await scanner.scan(`SS${run}-A-01`);
  await scanner.scan(mugBarcode, 3);
  await expect(pick.progress).toHaveText('3 of 5 units picked');
  await expect(pick.line(`SS${run}-A-01`, mug)).toContainText('picked');
  await scanner.scan(mugBarcode);
  await expect(pick.feedback()).toContainText('over-pick');
  await expect(pick.progress).toHaveText('3 of 5 units picked');
  await expect(pick.next).toContainText(`SS${run}-B-01`);
  await scanner.scan(`SS${run}-B-01`);
  await scanner.typeCode(jug);
  await scanner.typeCode(jug);
  await expect(pick.progress).toHaveText('5 of 5 units picked');
  await expect(page.getByText('Everything is picked')).toBeVisible();

  // Part of it leaves: two of the three mugs, no jugs.
  await order.open(number);
  await expect(order.fact('Status')).toHaveText(/Picking/);
  await order.ship({ [mug]: '2', [jug]: '' });
  await expect(order.fact('Status')).toHaveText(/Partially shipped/);
  await expect(order.line(mug)).toHaveText(/3\s*1\s*0\s*3\s*2/);
  await page.getByRole('link', { name: `Shipments of ${number} in the ledger` }).click();
  const shipment = page.getByRole('table', { name: 'Movements, newest first' }).getByRole('row').filter({ hasText: `SS${run}-A-01 → customer` });
  await expect(shipment).toHaveCount(1);
  await expect(shipment).toContainText(mug);
  const item = new ItemPage(page);
  await item.open(mug);
  await item.expectTotal('on hand', '4');
  await item.expectTotal('reserved', '1');

  // A second order takes a jug; cancelling it gives the jug back.
  const other = await api.post<{ number: string }>('/api/v1/sales-orders', { channel, customerName: 'Alan Turing', lines: [{ item: jug, quantity: '1' }] });
  await item.open(jug);
  await item.expectTotal('reserved', '3');
  await item.expectTotal('available', '1');
  await order.open(other.number);
  await order.act('Cancel order', 'Cancel order');
  await expect(order.fact('Status')).toHaveText(/Cancelled/);
  await expect(order.line(jug)).toHaveText(/1\s*0\s*0\s*0\s*0/);
  await expect(page.getByRole('main').getByRole('button', { name: 'Ship', exact: true })).toHaveCount(0);
  await item.open(jug);
  await item.expectTotal('reserved', '2');
  await item.expectTotal('available', '2');
});

test('two orders picked as one wave in walking order, then shipped from the pick list', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const run = Date.now().toString().slice(-6);
  const cup = `CUP-${run}`;
  const pot = `POT-${run}`;
  const api = apiClient(String(baseURL), E2E_ADMIN_KEY);
  // The pot's bin comes first in walking order (A before C), though the orders name the cup first.
  const { channel } = await shop(api, run, [{ sku: cup, bin: `SS${run}-C-01`, quantity: '5' }, { sku: pot, bin: `SS${run}-A-01`, quantity: '5' }]);
  const first = await api.post<{ number: string }>('/api/v1/sales-orders', { channel, customerName: 'Ada', lines: [{ item: cup, quantity: '1' }, { item: pot, quantity: '1' }] });
  const second = await api.post<{ number: string }>('/api/v1/sales-orders', { channel, customerName: 'Grace', lines: [{ item: cup, quantity: '2' }] });
  await signedIn(page);
  await page.goto('/');
  await goToSales(page, 'Pick & ship');
  await expect(page.getByRole('heading', { level: 1, name: 'Pick & ship' })).toBeVisible();
  await page.getByRole('checkbox', { name: `Pick ${first.number}` }).check();
  await page.getByRole('checkbox', { name: `Pick ${second.number}` }).check();
  await page.getByRole('button', { name: 'Pick 2 orders as a wave' }).click();

  const pick = new PickListPage(page);
  await expect(page.getByRole('heading', { level: 1, name: /^PL-\d+$/ })).toBeVisible();
  await expect(pick.progress).toHaveText('0 of 4 units picked');
  const bins = page.getByRole('table', { name: 'Pick lines by bin' }).getByRole('row');
  await expect(bins.nth(1)).toContainText(`SS${run}-A-01`);
  await expect(bins.nth(2)).toContainText(`SS${run}-C-01`);
  await expect(bins.nth(3)).toContainText(`SS${run}-C-01`);
  const scanner = new OperationPage(page);
  await scanner.scan(`SS${run}-A-01`);
  await scanner.scan(pot);
  await scanner.scan(`SS${run}-C-01`);
  await page.getByRole('textbox', { name: 'Quantity per scan' }).fill('3');
  await scanner.scan(cup);
  await expect(pick.progress).toHaveText('4 of 4 units picked');

  await page.getByRole('button', { name: 'Ship picked orders' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Ship', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Shipped ${first.number} → shipped, ${second.number} → shipped`)).toBeVisible();
  const order = new SalesOrderPage(page);
  await order.open(second.number);
  await expect(order.fact('Status')).toHaveText(/Shipped/);
  await expect(page.getByRole('main').getByRole('button', { name: 'Mark delivered' })).toBeVisible();
  await order.act('Mark delivered', 'Delivered');
  await expect(order.fact('Status')).toHaveText(/Delivered/);
});

test('a checkout hold is confirmed and a backorder allocated from the order page', async ({ page, baseURL }) => {
  const run = Date.now().toString().slice(-6);
  const sku = `BAK-${run}`;
  const bin = `SS${run}-B1`;
  const api = apiClient(String(baseURL), E2E_ADMIN_KEY);
  const { site } = await shop(api, run, [{ sku, bin, quantity: '2' }]);
  const channel = `BO${run}`;
  await api.post('/api/v1/channels', { code: channel, name: `Backorder channel ${run}`, kind: 'marketplace', locations: [site], allowBackorders: true });
  const held = await api.post<{ number: string }>('/api/v1/sales-orders', { channel, holdTtlSeconds: 3600, lines: [{ item: sku, quantity: '1' }] });
  const short = await api.post<{ number: string }>('/api/v1/sales-orders', { channel, lines: [{ item: sku, quantity: '3' }] });
  await signedIn(page);
  const order = new SalesOrderPage(page);

  await order.open(held.number);
  const holdNotice = page.getByRole('main').getByRole('alert').filter({ hasText: 'Checkout hold' });
  await expect(holdNotice).toContainText('unless the order is confirmed');
  await expect(order.fact('Hold expires')).not.toHaveText(/no expiry/);
  await order.act('Confirm hold', 'Confirm order');
  await expect(order.fact('Hold expires')).toHaveText(/no expiry/);
  await expect(page.getByRole('main').getByRole('button', { name: 'Confirm hold' })).toHaveCount(0);
  await expect(holdNotice).toHaveCount(0);

  // One unit was left after the hold: the second order holds it and waits for two more.
  await order.open(short.number);
  await expect(order.fact('Status')).toHaveText(/Backordered/);
  await expect(order.line(sku)).toHaveText(/3\s*1\s*2\s*0\s*0/);
  await api.post('/api/v1/receipts', { location: bin, lines: [{ item: sku, quantity: '5' }] });
  await order.act('Allocate backorders', 'Allocate');
  await expect(order.fact('Status')).toHaveText(/Reserved/);
  await expect(order.line(sku)).toHaveText(/3\s*3\s*0\s*0\s*0/);
  await expect(page.getByRole('main').getByRole('button', { name: 'Allocate backorders' })).toHaveCount(0);
});

test('a serial-tracked line ships by scanning the serial of each unit; the units are then with the customer', async ({ page, baseURL }) => {
  const run = Date.now().toString().slice(-6);
  const sku = `SER-${run}`;
  const api = apiClient(String(baseURL), E2E_ADMIN_KEY);
  const { channel } = await shop(api, run, []);
  const bin = `SS${run}-S1`;
  await api.post('/api/v1/locations', { code: bin, name: `Bin ${bin}`, kind: 'bin', parent: `SS${run}` });
  await api.post('/api/v1/items', { sku, name: `Serial test ${sku}`, unit: 'pcs', tracking: 'serial' });
  const serials = [`SN${run}-1`, `SN${run}-2`, `SN${run}-3`];
  await api.post('/api/v1/receipts', { location: bin, lines: [{ item: sku, quantity: '3', serials }] });
  const order = await api.post<{ number: string }>('/api/v1/sales-orders', { channel, lines: [{ item: sku, quantity: '2' }] });
  await signedIn(page);

  const detail = new SalesOrderPage(page);
  await detail.open(order.number);
  // The second serial is scanned twice by mistake: refused on the line, so two distinct serials ship.
  await detail.shipSerials(sku, [serials[0]!, serials[1]!, serials[1]!]);
  await expect(detail.fact('Status')).toHaveText(/Shipped/);
  const where = async (serial: string) => (await api.get<{ location: { code: string } | null }>(`/api/v1/items/${sku}/serials/${serial}`)).location?.code;
  expect([await where(serials[0]!), await where(serials[1]!), await where(serials[2]!)]).toEqual(['customer', 'customer', bin]);
});
