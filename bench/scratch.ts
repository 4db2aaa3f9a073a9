import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createItem } from '../src/catalog/item-service.js';
import { parseDatabaseUrl } from '../src/db/config.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { openStore, type Dialect, type Store } from '../src/db/store.js';
import { createLocation } from '../src/locations/location-service.js';
import { postMovementBatch } from '../src/operations/posting-service.js';
import { receive } from '../src/operations/receive-ship-service.js';
import { systemContext } from '../src/shared/context.js';
import { BENCH } from './config.js';

/** A database that exists only for this run: a SQLite file in a temp folder, or a PostgreSQL database. */
export interface ScratchDb {
  dialect: Dialect;
  url: string;
  drop(): Promise<void>;
}

/** What the posting workload needs to know of a seeded database. */
export interface LedgerFixture {
  /** Item ids and SKUs, in the order batches walk them. */
  items: Array<{ id: string; sku: string }>;
  binA: { id: string; code: string };
  binB: { id: string; code: string };
  /** One item with plenty of stock in bin A, for the hot-SKU reservation rows. */
  hot: { id: string; sku: string };
}

/** A seeded database that is never measured itself, only copied: every comparison starts from the same state. */
export interface Template {
  fixture: LedgerFixture;
  clone(label: string): Promise<ScratchDb>;
  drop(): Promise<void>;
}

let sqliteDir: string | undefined;

/** A new empty database; when `template` is given (a database name or SQLite file path), a copy of it. */
async function createScratchDb(dialect: Dialect, label: string, template?: string): Promise<ScratchDb & { name: string }> {
  const name = `stockroom_bench_${label}_${randomBytes(3).toString('hex')}`;
  if (dialect === 'sqlite') {
    sqliteDir ??= mkdtempSync(join(tmpdir(), 'stockroom-bench-'));
    const path = join(sqliteDir, `${name}.db`);
    if (template) ['', '-wal'].filter((suffix) => existsSync(`${template}${suffix}`)).forEach((suffix) => copyFileSync(`${template}${suffix}`, `${path}${suffix}`));
    const drop = async () => ['', '-wal', '-shm'].forEach((suffix) => rmSync(`${path}${suffix}`, { force: true }));
    return { dialect, name: path, url: `sqlite:${path}`, drop };
  }
  if (template) await waitForNoSessions(template);
  await adminQuery(`create database ${name}${template ? ` template ${template}` : ''}`);
  const url = new URL(BENCH.pgAdminUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    await waitForNoSessions(name);
    await adminQuery(`drop database if exists ${name} with (force)`);
  };
  return { dialect, name, url: url.toString(), drop };
}

/**
 * A closed pool has sent its goodbyes but the server may not have ended those sessions yet. Copying
 * a database needs none left, and dropping one under live sessions makes them report a lost
 * connection; so both wait (briefly) for them to end.
 */
async function waitForNoSessions(database: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const sessions = await adminQuery<{ n: string }>('select count(*) as n from pg_stat_activity where datname = $1', [database]);
    if (Number(sessions[0]?.n) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function seedTemplate(dialect: Dialect): Promise<Template> {
  const template = await createScratchDb(dialect, 'template');
  try {
    const fixture = await seedLedger(template.url);
    return { fixture, clone: (label) => createScratchDb(dialect, label, template.name), drop: template.drop };
  } catch (error) {
    await template.drop();
    throw error;
  }
}

/** Removes the temp folder of the SQLite files (each file is dropped with its database). */
export function removeScratchFolder(): void {
  if (sqliteDir) rmSync(sqliteDir, { recursive: true, force: true });
  sqliteDir = undefined;
}

const HISTORY_BATCH = 100;

export function openBenchStore(url: string): Store {
  return openStore(parseDatabaseUrl(url));
}

/**
 * Migrates the database and fills it through the services, as a user would: the items, a site with
 * bins A and B, a receipt that puts `initialStock` of every item into bin A, and `history` moves
 * from A to B, so the ledger's indexes are not empty and tiny when measuring starts. The raw
 * baseline runs on copies of the same database, so both sides start from the same tables.
 */
async function seedLedger(url: string): Promise<LedgerFixture> {
  const store = openBenchStore(url);
  try {
    await migrateToLatest(store);
    const ctx = systemContext();
    const skus = Array.from({ length: BENCH.items }, (_, i) => `BENCH-${String(i).padStart(4, '0')}`);
    const items = new Array<{ id: string; sku: string }>(skus.length);
    // Concurrent calls share commits on SQLite and use the whole pool on PostgreSQL.
    await forEachLimited(skus.length, 32, async (i) => {
      const sku = skus[i] as string;
      items[i] = { id: (await createItem(store, ctx, { sku, name: `Bench item ${i}` })).result.id, sku };
    });
    const hot = (await createItem(store, ctx, { sku: 'BENCH-HOT', name: 'Hot item' })).result;
    await createLocation(store, ctx, { code: 'BENCH', name: 'Bench site', kind: 'site' });
    const binA = (await createLocation(store, ctx, { code: 'BENCH-A', name: 'Bin A', kind: 'bin', parent: 'BENCH' })).result;
    const binB = (await createLocation(store, ctx, { code: 'BENCH-B', name: 'Bin B', kind: 'bin', parent: 'BENCH' })).result;
    const quantity = String(BENCH.initialStock);
    await receive(store, ctx, { location: binA.code, lines: items.map((item) => ({ item: item.sku, quantity })) });
    await receive(store, ctx, { location: binA.code, lines: [{ item: hot.sku, quantity }] });
    const batches = Math.ceil(BENCH.history / HISTORY_BATCH);
    await forEachLimited(batches, 8, async (b) => {
      const start = (b * HISTORY_BATCH) % items.length;
      const moves = items.slice(start, start + HISTORY_BATCH).map((item) => ({ item: item.sku, quantity: '1', from: binA.code, to: binB.code }));
      await postMovementBatch(store, ctx, moves);
    });
    return { items, binA: { id: binA.id, code: binA.code }, binB: { id: binB.id, code: binB.code }, hot: { id: hot.id, sku: hot.sku } };
  } finally {
    await store.close();
  }
}

async function forEachLimited(count: number, limit: number, work: (index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await work(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}

async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: BENCH.pgAdminUrl });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}
