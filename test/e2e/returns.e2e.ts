import { expect, test } from '@playwright/test';
import { ItemPage } from './pages/items-pages.js';
import { NewReturnPage, ReturnPage, ReturnsPage } from './pages/returns-pages.js';
import { SignInPage } from './pages/sign-in-page.js';
import { apiClient } from './support/api-client.js';
import { makeReturnsSite } from './support/returns-site.js';
import { E2E_ADMIN_KEY } from './support/keys.js';
import { ean13 } from './support/seed.js';

const CONTROL = /^\s*- (button|link|textbox|searchbox|combobox|checkbox|radio|switch|slider|spinbutton)\b(?! ")/;

test('a shipped order comes back: authorised, received into QC by scanning, part restocked, the rest scrapped', async ({ page, baseURL }) => {
  const run = Date.now().toString().slice(-6);
  const site = `RS${run}`;
  const sku = `RET-${run}`;
  const barcode = ean13(`23${run}0000`.slice(0, 12));
  // A site of its own: a shelf, a quality-control bin in a zone that is not sellable, a web channel, 10 kettles, and an order for 5 shipped.
  const api = apiClient(String(baseURL), E2E_ADMIN_KEY);
  const { bin, qc } = await makeReturnsSite(api, site, `Returns test site ${run}`);
  await api.post('/api/v1/items', { sku, name: 'Returns test kettle', unit: 'pcs', barcodes: [{ code: barcode, kind: 'gtin' }] });
  await api.post('/api/v1/receipts', { location: bin, lines: [{ item: sku, quantity: '10' }] });
  await api.post('/api/v1/channels', { code: `RW${run}`, name: `Returns web ${run}`, kind: 'web', locations: [site] });
  const order = await api.post<{ number: string }>('/api/v1/sales-orders', { channel: `RW${run}`, customerName: 'Ada Lovelace', lines: [{ item: sku, quantity: '5' }] });
  await api.post(`/api/v1/sales-orders/${order.number}/ship`, {});

  await new SignInPage(page).open();
  await new SignInPage(page).signIn(E2E_ADMIN_KEY);
  const item = new ItemPage(page);
  await item.open(sku);
  await item.expectTotal('on hand', '5');

  // Authorise 4 of the 5 shipped, as not wanted.
  const list = new ReturnsPage(page);
  await list.openFromNav();
  await page.getByRole('link', { name: 'New return' }).click();
  const form = new NewReturnPage(page);
  await form.chooseOrder(order.number);
  await expect(form.line(sku)).toContainText('5');
  await form.returnLine(sku, '4', 'No longer wanted');
  const number = await form.authorise();
  const ret = new ReturnPage(page);
  await expect(ret.status()).toHaveText(/Authorised/);
  await expect(ret.line(sku)).toContainText('4');

  // The parcel arrives: 4 scans into the QC bench. On hand rises there, available stays 0.
  await ret.chooseQc(qc);
  await ret.scan(barcode, 4);
  await expect(page.getByRole('textbox', { name: `Quantity of ${sku} received` })).toHaveValue('4');
  await ret.receive();
  await expect(page.getByText(`Received 4 × ${sku} into ${qc} on ${number}`).first()).toBeVisible();
  await expect(ret.status()).toHaveText(/Received/);
  await expect(ret.line(sku).getByRole('cell').nth(5)).toHaveText('4');
  await item.open(sku);
  await item.expectTotal('on hand', '9');
  await item.expectTotal('available', '5');
  await expect(item.stockRow(qc)).toContainText('4');
  await ret.open(number);

  // The dialog for one line names every control.
  const dialog = await ret.openDisposal(sku);
  expect((await dialog.ariaSnapshot()).split('\n').filter((line) => CONTROL.test(line)), 'unnamed controls in the disposal dialog').toEqual([]);
  await dialog.getByRole('button', { name: 'Close dialog' }).click();

  // 3 are fine and go back on the shelf; 1 is broken and scrapped.
  await ret.dispose(sku, 'Restock', '3', 'Inspected, as new', bin);
  await expect(page.getByText(`Restocked 3 × ${sku} into ${bin}`).first()).toBeVisible();
  await expect(ret.line(sku).getByRole('cell').nth(5)).toHaveText('1');
  await ret.dispose(sku, 'Scrap', '1', 'Damaged');
  await expect(ret.status()).toHaveText(/Closed/);
  await expect(ret.history()).toContainText(`customer → ${qc}`);
  await expect(ret.history()).toContainText(`${qc} → ${bin}`);
  await expect(ret.history()).toContainText(`${qc} → scrap`);

  // Stock moved: 5 + 3 on the shelf and available again, nothing left in QC.
  await item.open(sku);
  await item.expectTotal('on hand', '8');
  await item.expectTotal('available', '8');
  await expect(item.stockRow(bin)).toContainText('8');
  await expect(item.stockRow(qc)).toHaveCount(0);

  await list.openFromNav();
  await list.filterByOrder(order.number);
  await expect(list.row(number)).toContainText('Closed');
});
