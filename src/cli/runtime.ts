import { parseDatabaseUrl, DEFAULT_DATABASE_URL } from '../db/config.js';
import { migrateToLatest } from '../db/migrate.js';
import { openStore, type Store } from '../db/store.js';

/** Opens the configured database and brings its schema up to date. */
export async function openMigratedStore(databaseUrl: string | undefined): Promise<Store> {
  const store = openStore(parseDatabaseUrl(databaseUrl ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL));
  try {
    await migrateToLatest(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

export function describeDatabase(url: string | undefined): string {
  const value = url ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  return value.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}
