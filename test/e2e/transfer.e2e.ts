import { expect, test } from '@playwright/test';
import { AppNav } from './pages/app-nav.js';
import { ItemPage } from './pages/items-pages.js';
import { OperationPage } from './pages/operation-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { E2E_ADMIN_KEY } from './support/keys.js';
import { SEEDED_ITEMS } from './support/seed.js';

const item = SEEDED_ITEMS[2];

test('a two-step transfer waits in transit until the destination receives it', async ({ page }) => {
  if (!item) throw new Error('the seed has no third item');
  await new SignInPage(page).open();
  await new SignInPage(page).signIn(E2E_ADMIN_KEY);
  await new AppNav(page).go('Transfer');
  const transfer = new OperationPage(page);
  await transfer.chooseLocation('From', 'WH1-A-01');
  await transfer.chooseLocation('To', 'STORE-SHELF-2');
  await page.getByRole('radio', { name: 'Through transit' }).check();
  await transfer.scan(item.gtin, 2);
  await transfer.post('Send');
  await transfer.expectPosted(`Sent 2 × ${item.sku} (WH1-A-01 → transit); receive it at STORE-SHELF-2 when it arrives`);

  const pending = page.getByRole('table', { name: 'Transfers in transit' }).getByRole('row').filter({ hasText: `2 × ${item.sku}` });
  await expect(pending).toContainText('WH1-A-01 → STORE-SHELF-2');
  const items = new ItemPage(page);
  await items.open(item.sku);
  await expect(items.total('in transit')).toContainText('2');

  await new AppNav(page).go('Transfer');
  await pending.getByRole('button', { name: 'Receive transfer from WH1-A-01 at STORE-SHELF-2' }).click();
  await expect(page.getByText('Received at STORE-SHELF-2')).toBeVisible();
  await expect(pending).toHaveCount(0);
  await items.open(item.sku);
  await expect(items.stockRow('STORE-SHELF-2')).toContainText('2');
  await expect(items.total('in transit')).toContainText('0');
});
