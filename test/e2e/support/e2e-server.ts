import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openMigratedStore } from '../../../src/cli/runtime.js';
import { serve } from '../../../src/cli/serve.js';
import { loadDemo } from '../../../src/demo/load-demo.js';
import { apiClient } from './api-client.js';
import { E2E_ADMIN_KEY } from './keys.js';
import { seedShop } from './seed.js';

/**
 * The server the browser tests talk to: Stockroom on a scratch SQLite database with the built web
 * app. E2E_DATA=shop (the tests) seeds a small shop through the API; E2E_DATA=demo (the
 * screenshots) loads the full demo data set first. Started by playwright.config.ts.
 */
const E2E_PORT = Number(process.env.E2E_PORT ?? 8191);
const dir = mkdtempSync(join(tmpdir(), 'stockroom-e2e-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const url = `sqlite:${join(dir, 'e2e.db')}`;

if (process.env.E2E_DATA === 'demo') {
  const store = await openMigratedStore(url);
  await loadDemo(store, { onlyIfEmpty: false });
  await store.close();
}
await serve({ databaseUrl: url, port: E2E_PORT, host: '127.0.0.1', adminKey: E2E_ADMIN_KEY, log: false });
if (process.env.E2E_DATA !== 'demo') await seedShop(apiClient(`http://127.0.0.1:${E2E_PORT}`, E2E_ADMIN_KEY));
console.log('seeded: ready for browser tests');
