import { expect, test } from '@playwright/test';
import { CountPage, goToCounting, NewCountPage, ReasonCodesPage, ShrinkagePage } from './pages/counting-pages.js';
import { ItemPage } from './pages/items-pages.js';
import { OperationPage } from './pages/operation-page.js';
import { SignInPage } from './pages/sign-in-page.js';
import { apiClient } from './support/api-client.js';
import { E2E_ADMIN_KEY } from './support/keys.js';
import { ean13 } from './support/seed.js';

test('a blind count by scanning finds two missing, needs a recount over the threshold, and its approval adjusts the stock', async ({ page, baseURL }) => {
  const run = Date.now().toString().slice(-6);
  const site = `CS${run}`;
  const bin = `${site}-B1`;
  const sku = `CNT-${run}`;
  const barcode = ean13(`23${run}0000`.slice(0, 12));

  // A site of its own with 10 mugs at 3.00 in one bin.
  const api = apiClient(String(baseURL), E2E_ADMIN_KEY);
  await api.post('/api/v1/locations', { code: site, name: `Counting test site ${run}`, kind: 'site' });
  await api.post('/api/v1/locations', { code: bin, name: 'Shelf 1', kind: 'bin', parent: site });
  await api.post('/api/v1/items', { sku, name: 'Counting test mug', unit: 'pcs', barcodes: [{ code: barcode, kind: 'gtin' }] });
  await api.post('/api/v1/receipts', { location: bin, lines: [{ item: sku, quantity: '10', unitCost: '3' }] });

  await new SignInPage(page).open();
  await new SignInPage(page).signIn(E2E_ADMIN_KEY);
  await goToCounting(page, 'Counts');
  await expect(page.getByRole('heading', { level: 1, name: 'Cycle counts' })).toBeVisible();

  // A draft over the bin, blind, a manager needed beyond one unit; starting it snapshots 10.
  const number = await new NewCountPage(page).create({ site, bin, unitsThreshold: '1' });
  const count = new CountPage(page);
  await expect(count.status()).toHaveText(/Draft/);
  await count.press('Start counting');
  await expect(count.status()).toHaveText(/Counting/);
  await expect(count.line(sku)).toContainText('not counted');

  // The handheld: choose the bin, scan eight mugs, record. No expected figure is shown there.
  await count.countByScanning();
  const scanner = new OperationPage(page);
  await scanner.chooseLocation('Bin being counted', bin);
  await scanner.scan(barcode, 8);
  await expect(scanner.scanCount).toHaveText('8 scanned');
  await expect(scanner.quantity(sku)).toHaveValue('8');
  await scanner.post('Record counts');
  await scanner.expectPosted(`Recorded 1 item(s) in ${bin}`);
  const progress = page.getByRole('table', { name: `Items to count in ${bin}` });
  await expect(progress.getByRole('row').filter({ hasText: sku })).toContainText('8');
  // Blind: the 10 on hand shows nowhere (as a figure of its own: the run's codes may contain the digits 10).
  await expect(progress).not.toContainText(/\b10\b/);

  // Review: 8 counted against 10 on hand is −2, worth 6.00, beyond the one-unit threshold.
  await count.open(number);
  await count.press('Submit for review');
  await expect(count.status()).toHaveText(/In review/);
  await expect(count.line(sku)).toContainText('Over threshold');
  await expect(count.line(sku)).toContainText('-2');
  await expect(count.line(sku)).toContainText('6.00');

  // A recount sends the line back; the second pass finds 9, still one short.
  await count.selectForRecount(sku, bin);
  await count.press('Recount selected (1)');
  await expect(count.status()).toHaveText(/Counting/);
  await expect(count.line(sku)).toContainText('Recount 1 (was 8)');
  await count.countByScanning();
  // The bin is remembered from the first pass, as for a clerk working one aisle all shift.
  await expect(page.getByRole('textbox', { name: 'Bin being counted' })).toHaveValue(new RegExp(`${bin}$`));
  await scanner.scan(barcode, 9);
  await scanner.post('Record counts');
  await scanner.expectPosted(`Recorded 1 item(s) in ${bin}`);
  await count.open(number);
  await count.press('Submit for review');
  await expect(count.line(sku)).toContainText('-1');
  await expect(count.line(sku)).not.toContainText('Over threshold');

  await count.approve('Recounted, one mug missing');
  await expect(count.status()).toHaveText(/Approved/);
  await expect(count.line(sku)).toContainText('count');

  // The adjustment is in the stock: 10 − 1 = 9, and the posting lists it to loss.
  const item = new ItemPage(page);
  await item.open(sku);
  await item.expectTotal('on hand', '9');
  await count.open(number);
  await page.getByRole('link', { name: 'See the adjustments' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Movements' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('loss');

  // The shrinkage report counts it under its reason.
  const report = new ShrinkagePage(page);
  await report.open();
  await expect(report.chart()).toBeVisible();
  await expect(report.row('Count correction')).toBeVisible();
});

test('reason codes are added, renamed, archived (hidden from new adjustments) and restored', async ({ page }) => {
  const code = `shelf-${Date.now().toString().slice(-6)}`;
  await page.addInitScript({ content: `window.localStorage.setItem('stockroom.apiKey', ${JSON.stringify(E2E_ADMIN_KEY)})` });
  const codes = new ReasonCodesPage(page);
  await codes.open();
  await codes.add(code, 'Fell off the shelf');
  await expect(codes.name(code)).toHaveValue('Fell off the shelf');
  await codes.rename(code, 'Fell from a shelf');
  await expect(page.getByText(`Renamed ${code}`)).toBeVisible();
  await codes.button('Archive', code).click();
  await expect(codes.name(code)).toHaveCount(0);
  // The adjust form offers only active codes.
  await page.goto('/adjust');
  await page.getByRole('textbox', { name: 'Reason' }).click();
  await expect(page.getByRole('option', { name: 'Damaged (damage)' })).toBeVisible();
  await expect(page.getByRole('option', { name: `Fell from a shelf (${code})` })).toHaveCount(0);
  await codes.open();
  await codes.showArchived();
  await codes.button('Restore', code).click();
  await expect(codes.button('Archive', code)).toBeVisible();
});

test('a lot-tracked item is counted lot by lot on the handheld, and approval adjusts the lot that was short', async ({ page, baseURL }) => {
  const run = Date.now().toString().slice(-6);
  const site = `CL${run}`;
  const bin = `${site}-B1`;
  const sku = `LOT-${run}`;

  // Milk in two lots on one shelf: 6 of L1, 4 of L2.
  const api = apiClient(String(baseURL), E2E_ADMIN_KEY);
  await api.post('/api/v1/locations', { code: site, name: `Lot counting site ${run}`, kind: 'site' });
  await api.post('/api/v1/locations', { code: bin, name: 'Chiller 1', kind: 'bin', parent: site });
  await api.post('/api/v1/items', { sku, name: 'Counting test milk', unit: 'pcs', tracking: 'lot' });
  await api.post('/api/v1/receipts', { location: bin, lines: [{ item: sku, quantity: '6', unitCost: '1', lot: { number: `L1-${run}`, expiresOn: '2031-01-31' } }] });
  await api.post('/api/v1/receipts', { location: bin, lines: [{ item: sku, quantity: '4', unitCost: '1', lot: { number: `L2-${run}`, expiresOn: '2031-02-28' } }] });

  await new SignInPage(page).open();
  await new SignInPage(page).signIn(E2E_ADMIN_KEY);
  await goToCounting(page, 'Counts');
  const number = await new NewCountPage(page).create({ site, bin });
  const count = new CountPage(page);
  await count.press('Start counting');
  await expect(count.line(`Lot L1-${run}`)).toContainText('expires 2031-01-31');
  await expect(count.line(`Lot L2-${run}`)).toContainText('not counted');

  // The handheld: one lot at a time — scan the item, choose the lot, type what is there, record.
  await count.countByScanning();
  const scanner = new OperationPage(page);
  await scanner.chooseLocation('Bin being counted', bin);
  for (const [lot, quantity] of [[`L1-${run}`, '6'], [`L2-${run}`, '3']] as const) {
    await scanner.scan(sku);
    const choice = page.getByRole('textbox', { name: `Lot of ${sku}` });
    await choice.click();
    // The lots are offered without figures: the count is blind.
    await expect(page.getByRole('option', { name: new RegExp(`^${lot}`) })).not.toContainText('available');
    await page.getByRole('option', { name: new RegExp(`^${lot}`) }).click();
    await scanner.quantity(sku).fill(quantity);
    await scanner.post('Record counts');
    await scanner.expectPosted(`Recorded 1 item(s) in ${bin}`);
  }
  const progress = page.getByRole('table', { name: `Items to count in ${bin}` });
  await expect(progress.getByRole('row').filter({ hasText: `lot L2-${run}` })).toContainText('3');

  // Review: L1 matches, L2 is one short; approval posts that one unit of L2 to loss.
  await count.open(number);
  await count.press('Submit for review');
  await expect(count.line(`Lot L1-${run}`)).toContainText('6');
  await expect(count.line(`Lot L2-${run}`)).toContainText('-1');
  await count.approve('Chiller count');
  await expect(count.status()).toHaveText(/Approved/);
  const lots = await api.get<{ data: Array<{ number: string; onHand: string }> }>(`/api/v1/lots?item=${sku}`);
  expect(Object.fromEntries(lots.data.map((l) => [l.number, l.onHand]))).toEqual({ [`L1-${run}`]: '6', [`L2-${run}`]: '3' });
});
