import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { OperationPage } from './pages/operation-page.js';
import { writeBarcodeVideo } from './support/barcode-video.js';
import { E2E_ADMIN_KEY } from './support/keys.js';
import { SEEDED_ITEMS } from './support/seed.js';

const item = SEEDED_ITEMS[1];
const video = resolve('test-results/e2e-artifacts/fake-camera.y4m');
writeBarcodeVideo(video, item?.gtin ?? '');

test.use({
  permissions: ['camera'],
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-background-networking', '--disable-gpu',
      '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`,
    ],
  },
});

test('the camera reads a barcode with the BarcodeDetector polyfill, its wasm served by Stockroom', async ({ page }) => {
  if (!item) throw new Error('the seed has no second item');
  const wasm: string[] = [];
  page.on('request', (r) => r.url().endsWith('.wasm') && wasm.push(r.url()));
  await page.addInitScript({ content: `window.localStorage.setItem('stockroom.apiKey', ${JSON.stringify(E2E_ADMIN_KEY)})` });
  await page.goto('/receive');
  const receive = new OperationPage(page);
  await receive.chooseLocation('Receive into', 'WH1-A-03');
  await page.getByRole('button', { name: 'Scan with camera' }).click();
  await expect(page.getByRole('dialog', { name: 'Scan with the camera' })).toBeVisible();
  await expect(page.getByText(`Last read: ${item.gtin}`)).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(receive.quantity(item.sku)).toBeVisible();
  expect(wasm.length).toBeGreaterThan(0);
  expect(wasm.every((url) => url.startsWith('http://127.0.0.1:'))).toBe(true);
});
