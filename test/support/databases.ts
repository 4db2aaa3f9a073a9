import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { migrateToLatest } from '../../src/db/migrate.js';
import { openStore, type Store } from '../../src/db/store.js';

/**
 * Tests run on both real databases: a SQLite file in a scratch folder and a scratch database on
 * the local PostgreSQL server (PG_TEST_URL, default postgres://postgres@127.0.0.1:5432/postgres).
 */
export const DIALECTS = ['sqlite', 'postgres'] as const;
export type TestDialect = (typeof DIALECTS)[number];

export const PG_ADMIN_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const SCRATCH_DIR = join(process.cwd(), '.vitest-tmp');

export interface TestDatabase {
  dialect: TestDialect;
  url: string;
  store: Store;
  /** Closes the store and removes the scratch database. */
  drop(): Promise<void>;
}

function scratchName(): string {
  return `stockroom_t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** The URL of a new, empty database (not yet migrated). */
export async function createEmptyDatabase(dialect: TestDialect): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = scratchName();
  if (dialect === 'sqlite') {
    mkdirSync(SCRATCH_DIR, { recursive: true });
    const path = join(SCRATCH_DIR, `${name}.db`);
    return { url: `sqlite:${path}`, drop: async () => ['', '-wal', '-shm'].forEach((s) => rmSync(`${path}${s}`, { force: true })) };
  }
  await adminQuery(`create database ${name}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  const empty = await createEmptyDatabase(dialect);
  const store = openStore(dialect === 'sqlite' ? { dialect, path: empty.url.slice('sqlite:'.length) } : { dialect, url: empty.url });
  await migrateToLatest(store);
  return {
    dialect, url: empty.url, store,
    drop: async () => {
      await store.close();
      await empty.drop();
    },
  };
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
