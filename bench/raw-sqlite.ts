import BetterSqlite3 from 'better-sqlite3';
import { newId } from '../src/shared/ids.js';
import { runSyncFor } from './measure.js';
import type { Contender } from './pair.js';
import { rawMovementValues, rawSql, type Workload } from './workload.js';

/**
 * The raw-driver baseline on SQLite: the same three statements per movement, prepared once on
 * better-sqlite3 with the pragmas of src/db/sqlite-driver.ts, `perTx` movements per transaction.
 */
export class RawSqlite {
  private readonly db: BetterSqlite3.Database;
  private readonly post: (start: number, size: number) => void;

  constructor(path: string, private readonly workload: Workload) {
    this.db = new BetterSqlite3(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('temp_store = MEMORY');
    const sql = rawSql('sqlite');
    const insert = this.db.prepare(sql.insertMovement);
    const debit = this.db.prepare(sql.debit);
    const credit = this.db.prepare(sql.credit);
    const { binA, binB } = workload.fixture;
    this.post = this.db.transaction((start: number, size: number) => {
      const postingId = newId();
      const now = new Date().toISOString();
      for (let i = start; i < start + size; i++) {
        const itemId = workload.itemId(i);
        if (debit.run(...sql.guardArgs(1, itemId, binA.id)).changes !== 1) throw new Error(`raw debit found no stock for item ${itemId}`);
        credit.run(itemId, binB.id, 1);
        insert.run(...rawMovementValues(postingId, itemId, binA.id, binB.id, now));
      }
    });
  }

  /** `perTx` movements per transaction (one fsync each), one transaction after another. */
  contender(perTx: number): Contender {
    const once = () => {
      this.post(perTx === 1 ? this.workload.nextItem() : this.workload.nextBatchStart(perTx), perTx);
      return perTx;
    };
    return { slice: async (ms) => runSyncFor(ms, once) };
  }

  close(): void {
    this.db.close();
  }
}

export function sqliteVersion(): string {
  const db = new BetterSqlite3(':memory:');
  try {
    return (db.prepare('select sqlite_version() as v').get() as { v: string }).v;
  } finally {
    db.close();
  }
}
