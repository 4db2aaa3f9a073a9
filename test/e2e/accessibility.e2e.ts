import { expect, test } from '@playwright/test';
import { E2E_ADMIN_KEY } from './support/keys.js';
import { SEEDED_COUNTS, SEEDED_ITEMS, SEEDED_ORDERS, SEEDED_PURCHASING, SEEDED_RETURNS, SEEDED_SALES, SEEDED_TRACKING } from './support/seed.js';

/**
 * Every control on every screen must be reachable by its role and an accessible name, at desktop
 * and handheld widths. Read from Chromium's accessibility tree (Playwright's ARIA snapshot): a
 * control line without a quoted name is a control a screen reader user cannot identify.
 */
const SCREENS = [
  '/', '/items', `/items/${SEEDED_ITEMS[0]?.sku}`, '/items/new', '/locations', '/receive', '/ship', '/transfer', '/adjust', '/movements', '/audit',
  '/planning', '/suppliers', '/suppliers/new', `/suppliers/${SEEDED_PURCHASING.supplier}`, '/purchase-orders', '/purchase-orders/new',
  `/purchase-orders/${SEEDED_PURCHASING.partlyReceived}`, `/purchase-orders/${SEEDED_PURCHASING.draft}`, `/purchase-orders/receive?po=${SEEDED_PURCHASING.partlyReceived}`,
  '/channels', '/channels/new', `/channels/${SEEDED_SALES.channel}`, '/webhooks',
  '/sales-orders', '/sales-orders/new', `/sales-orders/${SEEDED_ORDERS.picking}`, `/sales-orders/${SEEDED_ORDERS.held}`, '/pick-ship', `/pick-lists/${SEEDED_ORDERS.pickList}`,
  '/returns', '/returns/new', `/returns/${SEEDED_RETURNS.authorised}`,
  '/counts', '/counts/new', `/counts/${SEEDED_COUNTS.review}`, `/counts/${SEEDED_COUNTS.counting}`, `/counts/${SEEDED_COUNTS.counting}/count`, '/reports/shrinkage', '/reason-codes',
  '/lots/expiring', `/serials?item=${SEEDED_TRACKING.serialItem}&serial=${SEEDED_TRACKING.serial}`, `/items/${SEEDED_TRACKING.lotItem}`, `/items/${SEEDED_TRACKING.serialItem}`,
];
const CONTROL = /^\s*- (button|link|textbox|searchbox|combobox|checkbox|radio|switch|slider|spinbutton)\b(?! ")/;

for (const width of [1280, 360]) {
  test(`every control has a role and a name at ${width} px`, async ({ page }) => {
    // The walk visits every screen (about 40) and the first width loads each screen's code cold.
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 800 });
    await page.addInitScript({ content: `window.localStorage.setItem('stockroom.apiKey', ${JSON.stringify(E2E_ADMIN_KEY)})` });
    for (const path of SCREENS) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByLabel(/^Loading/)).toHaveCount(0);
      const unnamed = (await page.locator('body').ariaSnapshot()).split('\n').filter((line) => CONTROL.test(line));
      expect(unnamed, `unnamed controls on ${path}`).toEqual([]);
    }
  });
}

/** Dialogs open over a screen, so the walk above never sees them: open each and check it the same way. */
const DIALOGS = [
  { path: `/purchase-orders/${SEEDED_PURCHASING.partlyReceived}`, open: ['Close', 'Return to supplier', 'Printable view'] },
  { path: `/purchase-orders/${SEEDED_PURCHASING.draft}`, open: ['Order', 'Edit details'] },
  { path: `/suppliers/${SEEDED_PURCHASING.supplier}`, open: ['Add an item'] },
  { path: `/channels/${SEEDED_SALES.channel}`, open: ['Archive channel'] },
  { path: '/webhooks', open: ['New subscription'] },
  { path: `/returns/${SEEDED_RETURNS.authorised}`, open: ['Cancel return'] },
  { path: `/counts/${SEEDED_COUNTS.review}`, open: ['Approve', 'Cancel count'] },
  { path: `/sales-orders/${SEEDED_ORDERS.held}`, open: ['Start picking', 'Ship', 'Confirm hold', 'Cancel order'] },
];

for (const width of [1280, 360]) {
  test(`every control in the purchasing dialogs has a role and a name at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.addInitScript({ content: `window.localStorage.setItem('stockroom.apiKey', ${JSON.stringify(E2E_ADMIN_KEY)})` });
    for (const { path, open } of DIALOGS) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      for (const name of open) {
        await page.getByRole('main').getByRole('button', { name, exact: true }).click();
        const dialog = page.getByRole('dialog');
        await expect(dialog).toBeVisible();
        await expect(page.getByLabel(/^Loading/)).toHaveCount(0);
        const unnamed = (await dialog.ariaSnapshot()).split('\n').filter((line) => CONTROL.test(line));
        expect(unnamed, `unnamed controls in the ${name} dialog on ${path}`).toEqual([]);
        await dialog.getByRole('button', { name: 'Close dialog' }).click();
        await expect(dialog).toBeHidden();
      }
    }
  });
}

/** A subscription's page has an id, not a code, so it is reached from the list. */
for (const width of [1280, 360]) {
  test(`every control on a webhook subscription's page and its dialogs has a role and a name at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.addInitScript({ content: `window.localStorage.setItem('stockroom.apiKey', ${JSON.stringify(E2E_ADMIN_KEY)})` });
    await page.goto('/webhooks');
    await page.getByRole('link', { name: SEEDED_SALES.webhookUrl }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Webhook subscription' })).toBeVisible();
    await expect(page.getByLabel(/^Loading/)).toHaveCount(0);
    expect((await page.locator('body').ariaSnapshot()).split('\n').filter((line) => CONTROL.test(line)), 'unnamed controls on the webhook page').toEqual([]);
    for (const name of ['Edit', 'Delete']) {
      await page.getByRole('main').getByRole('button', { name, exact: true }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      expect((await dialog.ariaSnapshot()).split('\n').filter((line) => CONTROL.test(line)), `unnamed controls in the ${name} dialog`).toEqual([]);
      await dialog.getByRole('button', { name: 'Close dialog' }).click();
      await expect(dialog).toBeHidden();
    }
  });
}

/** A lot's page has an id, not a code, so it is reached from the expiry alerts. */
for (const width of [1280, 360]) {
  test(`every control on a lot's page has a role and a name at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.addInitScript({ content: `window.localStorage.setItem('stockroom.apiKey', ${JSON.stringify(E2E_ADMIN_KEY)})` });
    await page.goto('/lots/expiring');
    await page.getByRole('main').getByRole('link', { name: new RegExp(SEEDED_TRACKING.lot) }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: `Lot ${SEEDED_TRACKING.lot}` })).toBeVisible();
    await expect(page.getByLabel(/^Loading/)).toHaveCount(0);
    expect((await page.locator('body').ariaSnapshot()).split('\n').filter((line) => CONTROL.test(line)), 'unnamed controls on the lot page').toEqual([]);
  });
}

test('signing in works with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('API key')).toBeFocused();
  await page.keyboard.type(E2E_ADMIN_KEY);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});
