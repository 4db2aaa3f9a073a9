import { SqliteAdapter } from 'kysely';
import type { Executor } from './schema.js';

/** Whether a database handle or transaction talks to SQLite, for the few statements that differ. */
export function isSqlite(db: Executor): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}
