import { expect, request, test, type APIRequestContext, type Page } from '@playwright/test';
import { OperationPage } from './pages/operation-page.js';
import { E2E_ADMIN_KEY } from './support/keys.js';

/**
 * Refreshes docs/screenshots/ (`npm run screenshots`, on the demo data set): the dashboard, an
 * item page and the receive screen, at desktop and handheld widths. The subjects are looked up
 * through the API, so the pictures follow whatever the demo holds.
 */
const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'handheld', width: 360, height: 780 },
] as const;

interface Subjects {
  item: { sku: string; barcode: string };
  other: { sku: string };
  bin: string;
  /** An order made from the demo's purchase suggestions, sent and partly received. */
  order: string;
}

interface ItemJson { sku: string; barcodes: Array<{ code: string; kind: string }> }
interface NodeJson { code: string; kind: string; children: NodeJson[] }

async function findSubjects(baseURL: string): Promise<Subjects> {
  const api = await request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${E2E_ADMIN_KEY}` } });
  const ranked = (await (await api.get('/api/v1/reports/item-stock?sort=onHand&order=desc&limit=30')).json()) as { data: Array<{ item: { sku: string } }> };
  const items = await Promise.all(ranked.data.map(async (e) => (await (await api.get(`/api/v1/items/${encodeURIComponent(e.item.sku)}`)).json()) as ItemJson));
  const withGtin = items.find((i) => i.barcodes.some((b) => b.kind === 'gtin')) ?? items[0];
  const other = items.find((i) => i !== withGtin);
  const tree = (await (await api.get('/api/v1/locations/tree')).json()) as { data: NodeJson[] };
  const bins = tree.data.flatMap(function walk(n: NodeJson): string[] { return [...(n.kind === 'bin' ? [n.code] : []), ...n.children.flatMap(walk)]; });
  const order = await partlyReceivedOrder(api, tree.data);
  await api.dispose();
  if (!withGtin || !other || !bins[0]) throw new Error('the screenshot data has no items or bins');
  return { item: { sku: withGtin.sku, barcode: withGtin.barcodes[0]?.code ?? withGtin.sku }, other: { sku: other.sku }, bin: bins[0], order };
}

interface SuggestionsJson { orders: Array<{ supplier: { code: string }; site: { code: string }; lines: unknown[] }> }
interface OrderJson { number: string; lines: Array<{ id: string; quantity: string }> }

/** The demo's largest suggested order, created as a draft, sent, and its first line received in half. */
async function partlyReceivedOrder(api: APIRequestContext, sites: NodeJson[]): Promise<string> {
  const suggestions = (await (await api.get('/api/v1/planning/suggestions')).json()) as SuggestionsJson;
  const largest = [...suggestions.orders].sort((a, b) => b.lines.length - a.lines.length)[0];
  if (!largest) throw new Error('the demo suggests no purchase order');
  const created = (await (await api.post('/api/v1/planning/suggestions/purchase-orders', { data: { site: largest.site.code, suppliers: [largest.supplier.code] } })).json()) as { orders: Array<{ number: string }> };
  const number = created.orders[0]?.number ?? '';
  await api.post(`/api/v1/purchase-orders/${number}/order`, { data: {} });
  const order = (await (await api.get(`/api/v1/purchase-orders/${number}`)).json()) as OrderJson;
  const line = order.lines[0];
  const site = sites.find((s) => s.code === largest.site.code);
  const bin = site ? site.children.flatMap(function walk(n: NodeJson): string[] { return [...(n.kind === 'bin' ? [n.code] : []), ...n.children.flatMap(walk)]; })[0] : undefined;
  if (line && bin) {
    const half = (BigInt(line.quantity.split('.')[0] ?? '0') / 2n).toString();
    if (half !== '0') await api.post(`/api/v1/purchase-orders/${number}/receipts`, { data: { location: bin, reference: 'DN-2041', lines: [{ line: line.id, quantity: half }] } });
  }
  return number;
}

async function settle(page: Page): Promise<void> {
  await expect(page.getByLabel(/^Loading/)).toHaveCount(0);
  // Charts draw after their container is measured; give them a frame.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
}

let subjects: Subjects;
test.beforeAll(async ({}, info) => {
  subjects = await findSubjects(String(info.project.use.baseURL));
});

for (const size of SIZES) {
  test.describe(`${size.name} (${size.width} px)`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });
    test.beforeEach(async ({ page }) => {
      // Signed in as the browser remembers it (the sign-in itself is covered by the e2e tests).
      await page.addInitScript({ content: `window.localStorage.setItem('stockroom.apiKey', ${JSON.stringify(E2E_ADMIN_KEY)})` });
    });

    test('dashboard', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Stock value' })).toBeVisible();
      await settle(page);
      await page.screenshot({ path: `docs/screenshots/dashboard-${size.name}.png`, fullPage: true });
    });

    test('item page', async ({ page }) => {
      await page.goto(`/items/${encodeURIComponent(subjects.item.sku)}`);
      await expect(page.getByRole('img', { name: /barcode/ }).first()).toBeVisible();
      await settle(page);
      await page.screenshot({ path: `docs/screenshots/item-${size.name}.png`, fullPage: true });
    });

    test('planning', async ({ page }) => {
      await page.goto('/planning');
      await expect(page.getByRole('heading', { level: 2, name: 'Suggested orders' })).toBeVisible();
      await settle(page);
      await page.screenshot({ path: `docs/screenshots/planning-${size.name}.png`, fullPage: false });
    });

    test('purchase order', async ({ page }) => {
      await page.goto(`/purchase-orders/${subjects.order}`);
      await expect(page.getByRole('heading', { level: 2, name: 'Receipts and returns' })).toBeVisible();
      await settle(page);
      await page.screenshot({ path: `docs/screenshots/purchase-order-${size.name}.png`, fullPage: true });
    });

    test('receive screen', async ({ page }) => {
      await page.goto('/receive');
      const receive = new OperationPage(page);
      await receive.chooseLocation('Receive into', subjects.bin);
      await receive.typeCode(subjects.other.sku);
      await receive.scan(subjects.item.barcode, 3);
      await expect(receive.scanCount).toHaveText('4 scanned');
      await settle(page);
      await page.screenshot({ path: `docs/screenshots/receive-${size.name}.png`, fullPage: true });
    });
  });
}
