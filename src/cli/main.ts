#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { createApiKey } from '../access/api-key-service.js';
import { ROLES, type Role } from '../access/api-key-rules.js';
import { openApiDocument } from '../http/openapi.js';
import { checkConsistency, rebuildBalances } from '../ledger/consistency.js';
import { itemStock } from '../operations/stock-service.js';
import { systemContext } from '../shared/context.js';
import type { DemoOptions } from '../demo/demo-types.js';
import { loadDemo } from '../demo/load-demo.js';
import { openMigratedStore } from './runtime.js';
import { serve } from './serve.js';
import { migrateToLatest } from '../db/migrate.js';

const program = new Command('stockroom').description('Stockroom inventory: a double-entry stock ledger with a REST API');
const dbOption = ['--database-url <url>', 'sqlite:PATH or postgres://… (env DATABASE_URL; default sqlite:./data/stockroom.db)'] as const;

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('a port is 0–65535');
  return n;
}

program
  .command('serve')
  .description('Start the HTTP server (runs migrations first)')
  .option(...dbOption)
  .option('--port <port>', 'port to listen on (env PORT)', port, Number(process.env.PORT ?? 8080))
  .option('--host <host>', 'address to bind (env HOST)', process.env.HOST ?? '127.0.0.1')
  .option('--admin-key <key>', 'use this admin API key instead of a generated one (env STOCKROOM_ADMIN_KEY)', process.env.STOCKROOM_ADMIN_KEY)
  .option('--demo', 'load the demo data set first, if the database has no items yet')
  .option('--no-log', 'do not write request and error logs')
  .action(async (opts: { databaseUrl?: string; port: number; host: string; adminKey?: string; demo?: boolean; log: boolean }) => {
    if (opts.demo) await runDemo(opts.databaseUrl, true);
    await serve({ databaseUrl: opts.databaseUrl, port: opts.port, host: opts.host, adminKey: opts.adminKey, log: opts.log });
  });

program
  .command('migrate')
  .description('Bring the database schema up to date')
  .option(...dbOption)
  .action(async (opts: { databaseUrl?: string }) => {
    const store = await openMigratedStore(opts.databaseUrl);
    const applied = await migrateToLatest(store);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the schema is up to date');
    await store.close();
  });

program
  .command('demo')
  .description('Load a realistic demo: ~200 items, 2 warehouses and a store, 12 months of history (into an empty database)')
  .option(...dbOption)
  .option('--seed <n>', 'random seed: the same seed gives the same demo', positiveInteger)
  .option('--items <n>', 'how many items (at most 200)', positiveInteger)
  .option('--days <n>', 'days of history ending today', positiveInteger)
  .action(async (opts: { databaseUrl?: string; seed?: number; items?: number; days?: number }) =>
    runDemo(opts.databaseUrl, false, { seed: opts.seed, items: opts.items, days: opts.days }));

program
  .command('check')
  .description('Recompute balances and holds from the ledger and report drift (exit 1 when any)')
  .option(...dbOption)
  .option('--repair', 'rewrite the balance cache from the ledger')
  .action(async (opts: { databaseUrl?: string; repair?: boolean }) => {
    const store = await openMigratedStore(opts.databaseUrl);
    if (opts.repair) console.log(`rebuilt ${await store.write((trx) => rebuildBalances(trx))} balance rows from the ledger`);
    const report = await checkConsistency(store.db);
    console.log(report.ok ? `consistent: ${report.balancesChecked} balances match the ledger` : JSON.stringify(report, null, 2));
    await store.close();
    process.exitCode = report.ok ? 0 : 1;
  });

program
  .command('stock <sku>')
  .description('Show one item’s stock per location, per site and in total')
  .option(...dbOption)
  .action(async (sku: string, opts: { databaseUrl?: string }) => {
    const store = await openMigratedStore(opts.databaseUrl);
    try {
      const stock = await itemStock(store.db, sku);
      console.table(stock.locations.map((l) => ({ location: l.location.code, onHand: l.onHand, reserved: l.reserved, available: l.available, inTransit: l.inTransit })));
      console.log(`total ${stock.total.onHand} ${stock.item.unit} on hand, ${stock.total.available} available, ${stock.total.inTransit} in transit`);
    } finally {
      await store.close();
    }
  });

program
  .command('key')
  .description('Manage API keys')
  .command('create')
  .description('Create an API key and print it (shown once)')
  .option(...dbOption)
  .option('--name <name>', 'what the key is for', 'cli')
  .option('--role <role>', `one of ${ROLES.join(', ')}`, 'operator')
  .action(async (opts: { databaseUrl?: string; name: string; role: string }) => {
    if (!(ROLES as readonly string[]).includes(opts.role)) throw new InvalidArgumentError(`role must be one of ${ROLES.join(', ')}`);
    const store = await openMigratedStore(opts.databaseUrl);
    const { result } = await createApiKey(store, systemContext(), { name: opts.name, role: opts.role as Role });
    console.log(result.key);
    await store.close();
  });

program
  .command('openapi')
  .description('Write the OpenAPI 3.1 document')
  .option('--out <file>', 'file to write (default: standard output)')
  .action(async (opts: { out?: string }) => {
    const text = await openApiDocument();
    if (opts.out) writeFileSync(opts.out, text);
    else process.stdout.write(text);
  });

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('a positive whole number');
  return n;
}

async function runDemo(databaseUrl: string | undefined, onlyIfEmpty: boolean, options: DemoOptions = {}): Promise<void> {
  const store = await openMigratedStore(databaseUrl);
  try {
    const summary = await loadDemo(store, { ...options, onlyIfEmpty });
    console.log(summary);
  } finally {
    await store.close();
  }
}

program.parseAsync().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
