import { expect, test } from '@playwright/test';
import { NewReturnPage, ReturnPage } from './pages/returns-pages.js';
import { SignInPage } from './pages/sign-in-page.js';
import { apiClient } from './support/api-client.js';
import { makeReturnsSite } from './support/returns-site.js';
import { E2E_ADMIN_KEY } from './support/keys.js';
import { ean13 } from './support/seed.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

test('a lot and serials come back: chosen among what the order shipped, received into QC by scanning, restocked and scrapped unit by unit', async ({ page, baseURL }) => {
  const run = Date.now().toString().slice(-6);
  const site = `RT${run}`;
  const milk = `RTM-${run}`;
  const drill = `RTD-${run}`;
  const [late, soon, d1, d2] = [`LATE${run}`, `SOON${run}`, `D1-${run}`, `D2-${run}`];
  const milkCode = ean13(`24${run}0000`.slice(0, 12));
  const drillCode = ean13(`25${run}0000`.slice(0, 12));
  // Milk ships first-expired-first-out: 2 from SOON, 1 from LATE. Drills D1 and D2 ship by serial.
  const api = apiClient(String(baseURL), E2E_ADMIN_KEY);
  const { bin, qc } = await makeReturnsSite(api, site, `Tracked returns site ${run}`);
  await api.post('/api/v1/items', { sku: milk, name: 'Tracked returns milk', unit: 'pcs', tracking: 'lot', barcodes: [{ code: milkCode, kind: 'gtin' }] });
  await api.post('/api/v1/items', { sku: drill, name: 'Tracked returns drill', unit: 'pcs', tracking: 'serial', barcodes: [{ code: drillCode, kind: 'gtin' }] });
  await api.post('/api/v1/receipts', { location: bin, lines: [
    { item: milk, quantity: '3', lot: { number: late, expiresOn: day(40) } }, { item: milk, quantity: '2', lot: { number: soon, expiresOn: day(10) } },
    { item: drill, quantity: '2', serials: [d1, d2] },
  ] });
  await api.post('/api/v1/channels', { code: `RTW${run}`, name: `Tracked returns web ${run}`, kind: 'web', locations: [site] });
  const order = await api.post<{ number: string }>('/api/v1/sales-orders', { channel: `RTW${run}`, customerName: 'Ada Lovelace', lines: [{ item: milk, quantity: '3' }, { item: drill, quantity: '2' }] });
  await api.post(`/api/v1/sales-orders/${order.number}/ship`, { lines: [{ item: milk, quantity: '3' }, { item: drill, quantity: '2', serials: [d1, d2] }] });

  await new SignInPage(page).open();
  await new SignInPage(page).signIn(E2E_ADMIN_KEY);
  await page.goto(`/returns/new?order=${order.number}`);
  const form = new NewReturnPage(page);
  await expect(page.getByRole('table', { name: `Shipped lines of ${order.number}` })).toBeVisible();
  // One row per lot shipped (shipped, returnable), with its expiry; the drill offers the serials shipped.
  await expect(form.line(milk)).toHaveCount(2);
  await expect(form.line(milk).filter({ hasText: `lot ${late}` }).getByRole('cell')).toHaveText(['1', '1', /.*/, /.*/]);
  await expect(form.line(milk).filter({ hasText: `lot ${soon} · expires ${day(10)}` }).getByRole('cell')).toHaveText(['2', '2', /.*/, /.*/]);
  await form.returnLine(`${milk} lot ${late}`, '1', 'No longer wanted');
  await form.returnLine(`${milk} lot ${soon}`, '1', 'Damaged in transit');
  await form.returnSerials(drill, [d1, d2], 'Defective');
  const number = await form.authorise();
  const ret = new ReturnPage(page);
  await expect(ret.line(milk).filter({ hasText: `lot ${late}` })).toContainText(`lot ${late} · expires ${day(40)}`);
  await expect(ret.line(milk).filter({ hasText: `lot ${soon}` })).toContainText(`lot ${soon} · expires ${day(10)}`);
  await expect(ret.line(drill)).toContainText(`serials ${d1}, ${d2}`);

  // A second return of the order offers only what is left: 1 of SOON, none of LATE, no serial.
  await page.goto(`/returns/new?order=${order.number}`);
  await expect(form.line(milk).filter({ hasText: `lot ${late}` }).getByRole('cell')).toHaveText(['1', '0', /.*/, /.*/]);
  await expect(form.line(milk).filter({ hasText: `lot ${soon}` }).getByRole('cell')).toHaveText(['2', '1', /.*/, /.*/]);
  await expect(page.getByRole('textbox', { name: `Serials of ${drill} to return` })).toBeDisabled();
  await ret.open(number);

  // The first parcel: the SOON milk (the clerk says which lot came) and the drills, the serial of each unit scanned.
  await ret.chooseQc(qc);
  await ret.scan(milkCode);
  await ret.chooseLot(milk, soon);
  await ret.scan(drillCode);
  await ret.scanSerials(drill, [d2, d1]);
  await ret.receive();
  const received = page.getByText(`into ${qc} on ${number}`).first();
  await expect(received).toContainText(`1 × ${milk} lot ${soon}`);
  await expect(received).toContainText(`2 × ${drill} (${d2}, ${d1})`);
  await expect(ret.status()).toHaveText(/Partially received/);
  await expect(ret.history()).toContainText(`lot ${soon}`);
  await expect(ret.history()).toContainText(`serials ${d1}, ${d2}`);
  // The second parcel: the milk left, which can only be the LATE lot.
  await ret.scan(milkCode);
  await ret.receive();
  await expect(ret.status()).toHaveText(/^Status\s*Received$/);
  await expect(ret.history()).toContainText(`lot ${late}`);

  // D2 goes back on the shelf (D1 unticked), then D1, the one left in QC, is scrapped; SOON is restocked, LATE scrapped.
  await ret.dispose(drill, 'Restock', [d2], 'Inspected, as new', bin);
  await expect(page.getByText(`Restocked 1 × ${drill} (${d2}) into ${bin}`).first()).toBeVisible();
  await expect(ret.line(drill).getByRole('cell').nth(5)).toHaveText('1');
  const dialog = await ret.openDisposal(drill);
  await expect(dialog.getByRole('checkbox')).toHaveCount(1);
  await expect(dialog.getByRole('checkbox', { name: d1 })).toBeChecked();
  await dialog.getByRole('button', { name: 'Close dialog' }).click();
  await ret.dispose(drill, 'Scrap', [d1], 'Defective');
  await ret.dispose(`${milk} lot ${soon}`, 'Restock', '1', 'Inspected, as new', bin);
  await ret.dispose(`${milk} lot ${late}`, 'Scrap', '1', 'Damaged');
  await expect(ret.status()).toHaveText(/Closed/);
  await expect(ret.history()).toContainText(`serials ${d1}`);
  const serialAt = async (serial: string) => (await api.get<{ location: { code: string } }>(`/api/v1/items/${drill}/serials/${serial}`)).location.code;
  expect(await serialAt(d2)).toBe(bin);
  expect(await serialAt(d1)).toBe('scrap');
});
