import { expect, test } from '@playwright/test';
import { AppNav } from './pages/app-nav.js';
import { ItemPage, NewItemPage } from './pages/items-pages.js';
import { MovementsPage } from './pages/movements-page.js';
import { OperationPage } from './pages/operation-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { E2E_ADMIN_KEY } from './support/keys.js';
import { ean13 } from './support/seed.js';

const run = Date.now().toString().slice(-7);
const sku = `E2E-${run}`;
const barcode = ean13(`20${run}000`.slice(0, 12));

test.describe.configure({ mode: 'serial' });

test('a wrong API key is refused and the right one signs in', async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.open();
  await page.getByLabel('API key').fill('sr_wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await signIn.expectRefused();
  await signIn.signIn(E2E_ADMIN_KEY);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

test('create an item, receive 10 by scanner, ship 3, see 7 available and the ledger', async ({ page }) => {
  const nav = new AppNav(page);
  await new SignInPage(page).open();
  await new SignInPage(page).signIn(E2E_ADMIN_KEY);

  await nav.go('Items');
  await new NewItemPage(page).create({ sku, name: 'Browser test widget', barcode });

  await nav.go('Receive');
  const receive = new OperationPage(page);
  await receive.chooseLocation('Receive into', 'WH1-A-02');
  await receive.scan(barcode, 10);
  await expect(receive.scanCount).toHaveText('10 scanned');
  await expect(receive.quantity(sku)).toHaveValue('10');
  await receive.post('Receive');
  await receive.expectPosted(`Received 10 × ${sku} (supplier → WH1-A-02)`);

  await nav.go('Ship');
  const ship = new OperationPage(page);
  await ship.chooseLocation('Ship from', 'WH1-A-02');
  await ship.typeCode(sku);
  await expect(ship.quantity(sku)).toHaveValue('1');
  await ship.quantity(sku).fill('3');
  await ship.post('Ship');
  await ship.expectPosted(`Shipped 3 × ${sku} (WH1-A-02 → customer)`);

  const item = new ItemPage(page);
  await item.open(sku);
  await expect(item.total('available')).toContainText('7');
  await expect(item.stockRow('WH1-A-02')).toContainText('7');

  await nav.go('Movements');
  const ledger = new MovementsPage(page);
  await ledger.filterByItem(sku);
  await expect(ledger.rows().filter({ hasText: 'Shipment' })).toContainText('WH1-A-02 → customer');
  await expect(ledger.rows().filter({ hasText: 'Receipt' })).toContainText('10');
  await ledger.rows().filter({ hasText: 'Shipment' }).getByRole('link', { name: /^posting/ }).click();
  await expect(page.getByText(/Posting: /)).toBeVisible();
  await expect(ledger.rows()).toHaveCount(2);
});

test('a bad quantity shows the API’s message on the line, and an unknown barcode says so', async ({ page }) => {
  await new SignInPage(page).open();
  await new SignInPage(page).signIn(E2E_ADMIN_KEY);
  await new AppNav(page).go('Ship');
  const ship = new OperationPage(page);
  await ship.chooseLocation('Ship from', 'WH1-A-02');

  await ship.scan('0000000000000');
  await expect(page.getByRole('alert')).toContainText('No item has the barcode or SKU “0000000000000”');

  await ship.scan(barcode);
  await ship.quantity(sku).fill('1.5');
  await ship.post('Ship');
  await expect(page.getByText("at most 0 decimal place(s) allowed, got '1.5'")).toBeVisible();
  await expect(ship.quantity(sku)).toHaveAttribute('aria-invalid', 'true');

  await ship.quantity(sku).fill('50');
  await ship.post('Ship');
  await expect(page.getByText('only 7 available at WH1-A-02, 50 requested')).toBeVisible();
});

test('the item form shows the API’s validation messages on the fields they concern', async ({ page }) => {
  await new SignInPage(page).open();
  await new SignInPage(page).signIn(E2E_ADMIN_KEY);
  await new ItemPage(page).open(sku);
  const form = page.getByRole('form', { name: 'Edit item' });
  await form.getByRole('textbox', { name: 'Reorder point' }).fill('2.5');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByText("at most 0 decimal place(s) allowed, got '2.5'")).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Reorder point' })).toHaveAttribute('aria-invalid', 'true');

  await form.getByRole('textbox', { name: 'Reorder point' }).fill('12');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(`${sku} saved`)).toBeVisible();
  await expect(form.getByRole('textbox', { name: 'Reorder point' })).toHaveValue('12');
});
