import { expect, test } from '@playwright/test';
import { E2E_ADMIN_KEY } from './support/keys.js';
import { SEEDED_ITEMS } from './support/seed.js';

/**
 * Every control on every screen must be reachable by its role and an accessible name, at desktop
 * and handheld widths. Read from Chromium's accessibility tree (Playwright's ARIA snapshot): a
 * control line without a quoted name is a control a screen reader user cannot identify.
 */
const SCREENS = ['/', '/items', `/items/${SEEDED_ITEMS[0]?.sku}`, '/items/new', '/locations', '/receive', '/ship', '/transfer', '/adjust', '/movements', '/audit'];
const CONTROL = /^\s*- (button|link|textbox|searchbox|combobox|checkbox|radio|switch|slider|spinbutton)\b(?! ")/;

for (const width of [1280, 360]) {
  test(`every control has a role and a name at ${width} px`, async ({ page }) => {
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

test('signing in works with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByLabel('API key')).toBeFocused();
  await page.keyboard.type(E2E_ADMIN_KEY);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});
