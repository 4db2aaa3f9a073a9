import { expect, test } from '@playwright/test';
import { ItemPage } from './pages/items-pages.js';
import { E2E_ADMIN_KEY } from './support/keys.js';
import { SEEDED_ITEMS } from './support/seed.js';

const item = SEEDED_ITEMS[3];

test('the item page follows stock changed elsewhere, without a reload', async ({ page, request }) => {
  if (!item) throw new Error('the seed has no fourth item');
  await page.addInitScript({ content: `window.localStorage.setItem('stockroom.apiKey', ${JSON.stringify(E2E_ADMIN_KEY)})` });
  const items = new ItemPage(page);
  // The page follows the server's event stream; its own polling is far slower (30 s) than this test waits (10 s).
  const streaming = page.waitForRequest((r) => r.url().includes('/api/v1/events/stream'));
  await items.open(item.sku);
  await streaming;
  await expect(items.stockRow('WH1-B-02')).toHaveCount(0);

  // Another client (a till, a second clerk) receives stock while the page is open.
  const receipt = await request.post('/api/v1/receipts', {
    headers: { authorization: `Bearer ${E2E_ADMIN_KEY}` },
    data: { location: 'WH1-B-02', lines: [{ item: item.sku, quantity: 5 }] },
  });
  expect(receipt.status()).toBe(201);
  await expect(items.stockRow('WH1-B-02')).toContainText('5');
  await expect(page.getByRole('table', { name: `Movements of ${item.sku}` }).getByRole('row').nth(1)).toContainText('supplier → WH1-B-02');
});
