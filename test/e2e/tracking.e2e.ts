import { expect, test, type Page } from '@playwright/test';
import { AppNav } from './pages/app-nav.js';
import { ItemPage } from './pages/items-pages.js';
import { OperationPage } from './pages/operation-page.js';
import { ReceiveOrderPage } from './pages/purchasing-pages.js';
import { createTrackedItem, ExpiringLotsPage, goToTracking, inDays, LotPage, SerialLookupPage, TrackedLine } from './pages/tracking-pages.js';
import { E2E_ADMIN_KEY } from './support/keys.js';
import { apiClient } from './support/api-client.js';
import { SEEDED_PURCHASING, SEEDED_TRACKING } from './support/seed.js';

const run = Date.now().toString().slice(-6);

test.describe.configure({ mode: 'serial' });

test.beforeEach(async ({ page }) => {
  await page.addInitScript({ content: `window.localStorage.setItem('stockroom.apiKey', ${JSON.stringify(E2E_ADMIN_KEY)})` });
});

async function receiveLot(page: Page, sku: string, quantity: number, lot: { number: string; expiresOn: string }): Promise<void> {
  const receive = new OperationPage(page);
  const line = new TrackedLine(page, sku);
  await receive.scan(sku, quantity);
  await expect(receive.quantity(sku)).toHaveValue(String(quantity));
  await line.lotNumber().fill(lot.number);
  await line.expiry().fill(lot.expiresOn);
  await receive.post('Receive');
  await receive.expectPosted(`Received ${quantity} × ${sku} lot ${lot.number} (supplier → WH1-A-02)`);
}

test('two lots received with their expiry, a shipment without a lot takes the earlier-expiring one, the alert list and the recall trace show it', async ({ page }) => {
  test.setTimeout(90_000);
  const sku = `LOT-${run}`;
  const [late, early] = [`LA-${run}`, `LB-${run}`];
  await createTrackedItem(page, { sku, name: 'Browser test yoghurt', tracking: 'Lots (batches with expiry)' });

  const nav = new AppNav(page);
  await nav.go('Receive');
  await new OperationPage(page).chooseLocation('Receive into', 'WH1-A-02');
  // A receipt without a lot number is refused at the line, before anything is sent.
  await new OperationPage(page).scan(sku);
  await new OperationPage(page).post('Receive');
  await expect(page.getByText(`Enter the lot number of ${sku}`)).toBeVisible();
  await page.getByRole('button', { name: `Remove ${sku}` }).click();
  // The later-expiring lot arrives first, so first-in-first-out would pick it: FEFO must not.
  await receiveLot(page, sku, 6, { number: late, expiresOn: inDays(40) });
  await receiveLot(page, sku, 4, { number: early, expiresOn: inDays(5) });

  await nav.go('Ship');
  const ship = new OperationPage(page);
  await ship.chooseLocation('Ship from', 'WH1-A-02');
  await ship.scan(sku);
  await ship.quantity(sku).fill('3');
  await expect(new TrackedLine(page, sku).lotChoice()).toHaveValue('First expiring (FEFO)');
  await page.getByRole('textbox', { name: 'Reference' }).fill(`PARCEL-${run}`);
  await ship.post('Ship');
  await ship.expectPosted(`Shipped 3 × ${sku} lot ${early} (WH1-A-02 → customer)`);

  const item = new ItemPage(page);
  await item.open(sku);
  const lots = page.getByRole('table', { name: `Lots of ${sku}` }).getByRole('row');
  // Earliest expiry first: the order they go out in.
  await expect(lots.nth(1)).toContainText(early);
  await expect(lots.nth(1)).toContainText('WH1-A-02 1');
  await expect(lots.nth(2)).toContainText(late);
  await expect(lots.nth(2)).toContainText('WH1-A-02 6');

  await goToTracking(page, 'Expiring lots');
  const alerts = new ExpiringLotsPage(page);
  await alerts.within(7);
  await expect(alerts.row(early)).toContainText('5 days left');
  await expect(alerts.row(early)).toContainText('WH1-A-02');
  await expect(alerts.row(late)).toHaveCount(0);
  await alerts.within(90);
  await expect(alerts.row(late)).toContainText('40 days left');
  await alerts.within(7);
  await alerts.openLot(early);

  const lot = new LotPage(page);
  await expect(lot.fact('Item')).toContainText(sku);
  await expect(lot.fact('Expiry')).toContainText(`Expires ${inDays(5)}`);
  await expect(lot.fact('On hand')).toHaveText(/On hand\s*1$/i);
  await expect(lot.stockRow('WH1-A-02')).toHaveText(/WH1-A-02\s*1\s*0\s*1/);
  await expect(lot.shipped().filter({ hasText: `PARCEL-${run}` })).toContainText('customer');
  await expect(lot.shipped().filter({ hasText: `PARCEL-${run}` })).toContainText('3');
  await expect(lot.remaining()).toContainText('WH1-A-02: 1 on hand, 0 reserved');
  await expect(page.getByRole('table', { name: 'Movements of the lot' }).getByRole('row')).toHaveCount(3);
});

test('an expired lot still on the shelf is listed as expired and its page says it cannot be sold', async ({ page }) => {
  await page.goto('/lots/expiring');
  const alerts = new ExpiringLotsPage(page);
  await alerts.within(7);
  await expect(alerts.row(SEEDED_TRACKING.expiredLot)).toContainText('expired 3 days ago');
  await expect(alerts.row(SEEDED_TRACKING.expiredLot)).toContainText('WH1-B-02');
  // Expired first: the list runs from the earliest expiry.
  await expect(page.getByRole('table', { name: /^Lots expiring within/ }).getByRole('row').nth(1)).toContainText(SEEDED_TRACKING.expiredLot);
  await alerts.openLot(SEEDED_TRACKING.expiredLot);
  await expect(page.getByRole('alert').filter({ hasText: 'This lot has expired' })).toBeVisible();
  await expect(new LotPage(page).fact('Expiry')).toContainText(`Expired ${inDays(-3)}`);
  await expect(new LotPage(page).stockRow('WH1-B-02')).toHaveText(/WH1-B-02\s*2\s*0\s*0/);
});

test('a serial item is received by scanning each serial, one ships, and the lookup shows where each unit is', async ({ page }) => {
  test.setTimeout(90_000);
  const sku = `SER-${run}`;
  const serials = [`S${run}-1`, `S${run}-2`, `S${run}-3`];
  await createTrackedItem(page, { sku, name: 'Browser test grinder', tracking: 'Serial numbers (one per unit)' });

  const nav = new AppNav(page);
  await nav.go('Receive');
  const receive = new OperationPage(page);
  const line = new TrackedLine(page, sku);
  await receive.chooseLocation('Receive into', 'WH1-A-02');
  await receive.scan(sku);
  await expect(line.serialBox()).toBeFocused();
  for (const serial of serials) await line.scanSerial(serial);
  // The same serial twice is refused: one serial is one unit.
  await line.scanSerial(serials[1] ?? '');
  await expect(page.getByText(`${serials[1]} is already on this line`)).toBeVisible();
  await expect(line.serials()).toHaveCount(3);
  await expect(receive.quantity(sku)).toHaveValue('3');
  await receive.post('Receive');
  await receive.expectPosted(`Received 3 × ${sku} (supplier → WH1-A-02)`);

  await nav.go('Ship');
  const ship = new OperationPage(page);
  await ship.chooseLocation('Ship from', 'WH1-A-02');
  await ship.scan(sku);
  await line.scanSerial(serials[1] ?? '');
  await expect(ship.quantity(sku)).toHaveValue('1');
  await ship.post('Ship');
  await ship.expectPosted(`Shipped 1 × ${sku} (WH1-A-02 → customer)`);

  await goToTracking(page, 'Serial lookup');
  const lookup = new SerialLookupPage(page);
  await lookup.lookUp(sku, serials[1] ?? '');
  await expect(lookup.place()).toContainText('customer');
  await expect(lookup.history(serials[1] ?? '').filter({ hasText: 'Receipt' })).toContainText('supplier → WH1-A-02');
  await expect(lookup.history(serials[1] ?? '').filter({ hasText: 'Shipment' })).toContainText('WH1-A-02 → customer');
  await lookup.lookUp(sku, serials[0] ?? '');
  await expect(lookup.place()).toContainText('WH1-A-02');
  await expect(lookup.history(serials[0] ?? '')).toHaveCount(2);

  await new ItemPage(page).open(sku);
  const listed = page.getByRole('list', { name: `Serials of ${sku}` }).getByRole('listitem');
  await expect(listed).toHaveCount(3);
  await expect(listed.filter({ hasText: serials[1] ?? '' })).toContainText('at customer');
});

test('a purchase order of a lot-tracked item is received with its lot and expiry', async ({ page, baseURL }) => {
  const sku = `POL-${run}`;
  const lot = `LP-${run}`;
  const api = apiClient(String(baseURL), E2E_ADMIN_KEY);
  await api.post('/api/v1/items', { sku, name: 'Browser test cream', unit: 'pcs', tracking: 'lot' });
  await api.post(`/api/v1/suppliers/${SEEDED_PURCHASING.supplier}/items`, { item: sku, prices: [{ minQuantity: '0', unitPrice: '2.00' }] });
  const order = await api.post<{ number: string }>('/api/v1/purchase-orders', { supplier: SEEDED_PURCHASING.supplier, site: 'WH1', lines: [{ item: sku, quantity: '4' }] });
  await api.post(`/api/v1/purchase-orders/${order.number}/order`, {});

  await page.goto(`/purchase-orders/receive?po=${order.number}`);
  const receive = new OperationPage(page);
  await receive.chooseLocation('Receive into', 'WH1-A-03');
  await receive.scan(sku, 4);
  await expect(new ReceiveOrderPage(page).line(sku)).toContainText('complete');
  await new TrackedLine(page, sku).lotNumber().fill(lot);
  await new TrackedLine(page, sku).expiry().fill(inDays(60));
  await receive.post('Receive');
  await expect(page.getByText(`Received 4 × ${sku} into WH1-A-03 on ${order.number}`)).toBeVisible();

  await new ItemPage(page).open(sku);
  const row = page.getByRole('table', { name: `Lots of ${sku}` }).getByRole('row').filter({ hasText: lot });
  await expect(row).toContainText(`Expires ${inDays(60)}`);
  await expect(row).toContainText('WH1-A-03 4');
});
