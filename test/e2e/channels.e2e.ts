import { createHmac } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { startWebhookReceiver } from '../support/webhook-receiver.js';
import { AppNav } from './pages/app-nav.js';
import { ChannelForm, ChannelPage, itemChannelRow } from './pages/channels-pages.js';
import { ItemPage } from './pages/items-pages.js';
import { SignInPage } from './pages/sign-in-page.js';
import { WebhookPage, WebhooksPage } from './pages/webhooks-pages.js';
import { apiClient } from './support/api-client.js';
import { E2E_ADMIN_KEY } from './support/keys.js';

test('a channel created in the app shows what it may sell, per item and on the item page, live', async ({ page, baseURL }) => {
  const run = Date.now().toString().slice(-6);
  const site = `CS${run}`;
  const bin = `${site}-B1`;
  const sku = `CHN-${run}`;
  const code = `MKT${run}`;
  // A site of its own with 10 of a new item: the channel's figures depend on nothing else.
  const api = apiClient(String(baseURL), E2E_ADMIN_KEY);
  await api.post('/api/v1/locations', { code: site, name: `Channel test site ${run}`, kind: 'site' });
  await api.post('/api/v1/locations', { code: bin, name: 'Shelf', kind: 'bin', parent: site });
  await api.post('/api/v1/items', { sku, name: 'Channel test teapot', unit: 'pcs' });
  await api.post('/api/v1/receipts', { location: bin, lines: [{ item: sku, quantity: '10' }] });

  await new SignInPage(page).open();
  await new SignInPage(page).signIn(E2E_ADMIN_KEY);
  await new AppNav(page).go('Channels');
  await expect(page.getByRole('heading', { level: 1, name: 'Channels' })).toBeVisible();
  await page.getByRole('link', { name: 'New channel' }).click();

  // A refused form keeps what was typed and says why on the field.
  const form = ChannelForm.of(page, 'New channel');
  await form.fill({ code: `${code} X`, name: 'Teapot marketplace', kind: 'Marketplace', sellsFrom: [site], buffer: '3', backorders: true, prioritySites: [site] });
  await form.submit('Create channel');
  await expect(page.getByRole('textbox', { name: 'Code' })).toHaveAccessibleDescription(/no spaces/);
  await page.getByRole('textbox', { name: 'Code' }).fill(code);
  await form.submit('Create channel');

  const channel = new ChannelPage(page);
  await expect(page.getByRole('heading', { level: 1, name: code })).toBeVisible();
  await expect(channel.fact('Kind')).toContainText('Marketplace');
  await expect(channel.fact('Sells from')).toContainText(site);
  await expect(channel.fact('Backorders')).toContainText('Allowed');
  await expect(channel.fact('Routing')).toContainText(`Priority sites first → One site for the whole order → Closest site → Split when needed (${site})`);

  // 10 in its site, 3 held back: 7 to sell.
  await channel.findItem(sku);
  await expect(channel.availability(code, sku)).toHaveText(/10\s*3\s*7/);

  // The item page shows the same, and follows a sale made elsewhere without a reload.
  const item = new ItemPage(page);
  const streaming = page.waitForRequest((r) => r.url().includes('/api/v1/events/stream'));
  await item.open(sku);
  await streaming;
  await expect(itemChannelRow(page, sku, code)).toHaveText(/10\s*3\s*7/);
  await api.post('/api/v1/shipments', { location: bin, lines: [{ item: sku, quantity: '4' }] });
  await expect(itemChannelRow(page, sku, code)).toHaveText(/6\s*3\s*3/);

  // An item buffer replaces the channel's for that item.
  await itemChannelRow(page, sku, code).getByRole('link', { name: code }).click();
  await expect(page.getByRole('heading', { level: 1, name: code })).toBeVisible();
  const edit = ChannelForm.of(page, 'Edit channel');
  await edit.setItemBuffer(1, sku, '1');
  await edit.submit('Save changes');
  await expect(channel.fact('Buffer')).toContainText('own buffer for 1 item(s)');
  await channel.findItem(sku);
  await expect(channel.availability(code, sku)).toHaveText(/6\s*1\s*5/);

  // Archived: gone from the list and from the item's channels, back with "Show archived".
  await channel.archive();
  await expect(page.getByText('archived', { exact: true })).toBeVisible();
  await new AppNav(page).go('Channels');
  const list = page.getByRole('table', { name: 'Sales channels' });
  await expect(list.getByRole('link', { name: code })).toHaveCount(0);
  await page.getByRole('switch', { name: 'Show archived channels' }).check();
  await expect(list.getByRole('link', { name: code })).toBeVisible();
  await item.open(sku);
  await expect(page.getByRole('heading', { level: 2, name: 'Sales channels' })).toBeVisible();
  await expect(itemChannelRow(page, sku, code)).toHaveCount(0);
});

test('a webhook subscription shows its secret once, logs signed deliveries of stock changes, replays and pauses', async ({ page, baseURL, context }) => {
  const receiver = await startWebhookReceiver();
  try {
    const path = `/e2e-${Date.now()}`;
    const url = `${receiver.url}${path}`;
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await new SignInPage(page).open();
    await new SignInPage(page).signIn(E2E_ADMIN_KEY);
    await new AppNav(page).go('Webhooks');
    const list = new WebhooksPage(page);

    // The secret: shown once, copyable, and never on the page again.
    const dialog = await list.create({ url, types: ['stock.changed'], description: 'E2E receiver' });
    await expect(dialog).toContainText('You will not see it again');
    const secret = (await dialog.getByTestId('webhook-secret').textContent()) ?? '';
    expect(secret).toMatch(/^whsec_/);
    await dialog.getByRole('button', { name: 'Copy secret' }).click();
    await expect(dialog.getByRole('button', { name: 'Copied' })).toBeVisible();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(secret);
    await dialog.getByRole('button', { name: 'I have saved it' }).click();
    await expect(dialog).toBeHidden();
    await expect(list.row(url)).toContainText('stock.changed');
    await list.row(url).getByRole('link', { name: url }).click();
    const webhook = new WebhookPage(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Webhook subscription' })).toBeVisible();
    await expect(webhook.fact('Status')).toContainText('Active');
    await expect(page.getByText(secret)).toHaveCount(0);

    // A stock change through the API: delivered, signed with the secret the dialog showed, and logged.
    const api = apiClient(String(baseURL), E2E_ADMIN_KEY);
    await api.post('/api/v1/receipts', { location: 'WH1-A-02', lines: [{ item: 'NAP-WHT-500', quantity: '2' }] });
    await receiver.until((r) => r.accepted(path).length === 1, 15_000, 'the first delivery');
    const [first] = receiver.accepted(path);
    if (!first) throw new Error('no delivery');
    const signed = `v1=${createHmac('sha256', secret).update(`${String(first.headers['webhook-timestamp'])}.${first.body}`).digest('hex')}`;
    expect(first.headers['webhook-signature']).toBe(signed);
    const seq = (JSON.parse(first.body) as { seq: number }).seq;
    await expect(webhook.delivery(seq)).toContainText('Delivered');
    await expect(webhook.delivery(seq)).toContainText('200');

    // Replay, after a confirmation: the same event (same Webhook-Id) again, as a second row.
    await webhook.delivery(seq).getByRole('button', { name: `Replay event ${seq}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Send again' }).click();
    await receiver.until((r) => r.accepted(path).length === 2, 15_000, 'the replayed delivery');
    expect(receiver.acceptedIds(path).size).toBe(1);
    await expect(webhook.delivery(seq)).toHaveCount(2);
    await expect(webhook.delivery(seq).filter({ hasText: '· replay' })).toContainText('Delivered');

    // Paused: nothing is sent; resumed: what happened meanwhile arrives.
    await webhook.act('Pause');
    await expect(webhook.fact('Status')).toContainText('Paused');
    await api.post('/api/v1/receipts', { location: 'WH1-A-02', lines: [{ item: 'NAP-WHT-500', quantity: '1' }] });
    await page.waitForTimeout(1_500);
    expect(receiver.accepted(path)).toHaveLength(2);
    await webhook.act('Resume');
    await expect(webhook.fact('Status')).toContainText('Active');
    await receiver.until((r) => r.accepted(path).length === 3, 15_000, 'the delivery held while paused');
    await expect(webhook.deliveries()).toHaveCount(4);

    // Deleted after a confirmation: back on the list, without it.
    await webhook.act('Delete', 'Delete subscription');
    await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();
    await expect(list.row(url)).toHaveCount(0);
  } finally {
    await receiver.close();
  }
});

test('a clerk’s key is told that webhooks need an admin key', async ({ page, baseURL }) => {
  const api = apiClient(String(baseURL), E2E_ADMIN_KEY);
  const { key } = await api.post<{ key: string }>('/api/v1/api-keys', { name: `clerk ${Date.now()}`, role: 'operator' });
  await new SignInPage(page).open();
  await new SignInPage(page).signIn(key);
  await new AppNav(page).go('Webhooks');
  await expect(page.getByRole('alert')).toContainText('Webhooks need an admin key');
  await expect(page.getByRole('table', { name: 'Webhook subscriptions' })).toHaveCount(0);
});
