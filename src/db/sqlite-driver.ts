import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

const STATEMENT_CACHE_LIMIT = 1000;

/**
 * Opens the embedded database with durable settings: WAL with synchronous=FULL, so an
 * acknowledged write survives power loss. Prepared statements are cached by SQL text because
 * Kysely prepares on every execution and preparing costs more than running a small statement.
 */
export function openSqlite(path: string): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new BetterSqlite3(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 10000');
  raw.pragma('temp_store = MEMORY');
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => raw.close(),
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached) return cached;
      if (statements.size >= STATEMENT_CACHE_LIMIT) statements.clear();
      const statement = raw.prepare(sql);
      statements.set(sql, statement);
      return statement;
    },
  };
}
