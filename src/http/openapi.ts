import { migrateToLatest } from '../db/migrate.js';
import { openStore } from '../db/store.js';
import { buildApp } from './app.js';

/** The OpenAPI 3.1 document, generated from the route schemas (on a throwaway in-memory database). */
export async function openApiDocument(): Promise<string> {
  const store = openStore({ dialect: 'sqlite', path: ':memory:' });
  try {
    await migrateToLatest(store);
    const app = await buildApp({ store });
    await app.ready();
    const text = `${JSON.stringify(app.swagger(), null, 2)}\n`;
    await app.close();
    return text;
  } finally {
    await store.close();
  }
}
