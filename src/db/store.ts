import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from './config.js';
import { GroupCommitter } from './group-commit.js';
import { outboxSignal, takeAppended, type OutboxSignal } from './outbox.js';
import { listenForNotifications, type Listening, type NotificationHandlers } from './pg-listener.js';
import { namedStatements } from './prepared.js';
import type { Schema } from './schema.js';
import { openSqlite } from './sqlite-driver.js';

export type Dialect = DatabaseConfig['dialect'];

/** The database handle every service receives. */
export interface Store {
  readonly dialect: Dialect;
  readonly db: Kysely<Schema>;
  /**
   * Runs `work` as one atomic write. On SQLite, writes arriving together share a commit;
   * on PostgreSQL, a transaction that hits a deadlock or serialization failure is retried.
   */
  write<T>(work: (trx: Transaction<Schema>) => Promise<T>): Promise<T>;
  /** Fires after each commit that appended outbox events (see outbox.ts). */
  readonly outbox: OutboxSignal;
  /**
   * Hears NOTIFY on `channel` from every process sharing the database, on a dedicated PostgreSQL
   * connection. SQLite serves one process, so there is nothing to hear and this resolves at once.
   */
  listen(channel: string, handlers: NotificationHandlers): Promise<Listening>;
  close(): Promise<void>;
}

export function openStore(config: DatabaseConfig): Store {
  return config.dialect === 'sqlite' ? openSqliteStore(config.path) : openPostgresStore(config.url);
}

function openSqliteStore(path: string): Store {
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: openSqlite(path) }) });
  const committer = new GroupCommitter(db);
  const outbox = outboxSignal(db);
  return {
    dialect: 'sqlite',
    db,
    write: (work) => signalAfterCommit(outbox, (tracked) => committer.run(tracked), work),
    outbox,
    listen: async () => ({ stop: async () => undefined }),
    close: () => db.destroy(),
  };
}

type Work<T> = (trx: Transaction<Schema>) => Promise<T>;

/** Runs `work` through `execute` and, once that has committed, tells the outbox if the transaction appended events. */
async function signalAfterCommit<T>(outbox: OutboxSignal, execute: (work: Work<T>) => Promise<T>, work: Work<T>): Promise<T> {
  let used: Transaction<Schema> | undefined;
  const value = await execute((trx) => {
    used = trx;
    return work(trx);
  });
  if (used && takeAppended(used)) outbox.fire();
  return value;
}

const RETRYABLE_PG_CODES = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 8;

/** int8 and integral numeric values become numbers, refusing any that would lose exactness. */
function parseExactInteger(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`integer ${text} is outside the exact range`);
  return value;
}
pg.types.setTypeParser(pg.types.builtins.INT8, parseExactInteger);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, parseExactInteger);

function openPostgresStore(url: string): Store {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.PG_POOL_SIZE ?? 10) });
  // An idle connection dropped by the server (restart, failover) is replaced on next use; it must not crash the process.
  pool.on('error', (error) => console.error(`PostgreSQL connection lost: ${error.message}`));
  pool.on('connect', nameStatements);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  const outbox = outboxSignal(db);
  return {
    dialect: 'postgres',
    db,
    async write(work) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await signalAfterCommit(outbox, (tracked) => db.transaction().execute(tracked), work);
        } catch (error) {
          if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
          await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
        }
      }
    },
    outbox,
    listen: (channel, handlers) => listenForNotifications(url, channel, handlers),
    close: () => db.destroy(),
  };
}

/** Runs the hot fixed-shape queries as named statements, parsed and planned once per connection. */
function nameStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (text: unknown, values?: unknown) => Promise<unknown>;
  const named = (text: unknown, values?: unknown) => {
    const name = typeof text === 'string' ? namedStatements.get(text) : undefined;
    return name === undefined ? query(text, values) : query({ name, text, values });
  };
  Object.assign(client, { query: named });
}

/** A PostgreSQL deadlock or serialization failure: the statement did nothing and may be run again. */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && RETRYABLE_PG_CODES.has(code);
}

/** Answers a trivial query, or throws when the database cannot be reached. */
export async function checkReachable(store: Store): Promise<void> {
  await sql`select 1`.execute(store.db);
}

/** True when the error is a unique-constraint violation on either database. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
