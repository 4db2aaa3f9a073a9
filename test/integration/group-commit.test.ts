import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

/**
 * SQLite group commit (src/db/group-commit.ts): writes that arrive together share one transaction,
 * each in its own savepoint. A failing write must roll back alone, the others must commit, and
 * every caller must get its own result or its own error.
 */
describe('group commit on SQLite', () => {
  let database: TestDatabase;
  /** A second, independent connection: it sees only what has been committed. */
  let observer: BetterSqlite3.Database;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    observer = new BetterSqlite3(database.url.slice('sqlite:'.length), { readonly: true });
  });
  afterAll(async () => {
    observer?.close();
    await database?.drop();
  });

  const committedCodes = (prefix: string) =>
    (observer.prepare('select code from reason_codes where code like ? order by code').all(`${prefix}%`) as Array<{ code: string }>).map((r) => r.code);

  it('rolls back only the failing writes of a batch and answers every caller with its own outcome', async () => {
    const JOBS = 300;
    const prefix = 'gc1-';
    const code = (i: number) => `${prefix}${String(i).padStart(4, '0')}`;
    // Every third job throws after writing; every seventh repeats a code an earlier job of the batch wrote (a SQL error).
    const failsInJs = (i: number) => i % 3 === 1;
    const failsInSql = (i: number) => i % 7 === 6 && !failsInJs(i - 1) && !failsInJs(i);
    let sawUncommittedNeighbour = false;

    const writes = Array.from({ length: JOBS }, (_, i) =>
      database.store.write(async (trx) => {
        const row = { code: failsInSql(i) ? code(i - 1) : code(i), name: `job ${i}`, created_at: new Date().toISOString() };
        await trx.insertInto('reason_codes').values(row).execute();
        if (failsInJs(i)) throw new Error(`job ${i} failed on purpose`);
        // Rows of earlier jobs in this batch are visible here but not yet to another connection: one shared transaction.
        const inside = await trx.selectFrom('reason_codes').select(sql<number>`count(*)`.as('n')).where('code', 'like', `${prefix}%`).executeTakeFirstOrThrow();
        if (Number(inside.n) > committedCodes(prefix).length) sawUncommittedNeighbour = true;
        return { job: i, code: row.code };
      }),
    );
    const outcomes = await Promise.allSettled(writes);

    const expectedCommitted: string[] = [];
    outcomes.forEach((outcome, i) => {
      if (failsInJs(i)) {
        expect(outcome).toMatchObject({ status: 'rejected', reason: { message: `job ${i} failed on purpose` } });
      } else if (failsInSql(i)) {
        expect(outcome.status, `job ${i}`).toBe('rejected');
        expect(String((outcome as PromiseRejectedResult).reason), `job ${i}`).toMatch(/UNIQUE constraint failed/);
      } else {
        expect(outcome, `job ${i}`).toEqual({ status: 'fulfilled', value: { job: i, code: code(i) } });
        expectedCommitted.push(code(i));
      }
    });
    expect(sawUncommittedNeighbour).toBe(true);
    expect(committedCodes(prefix)).toEqual(expectedCommitted);
    // The failures were real and the rest was not all-or-nothing.
    expect(expectedCommitted.length).toBeGreaterThan(0);
    expect(expectedCommitted.length).toBeLessThan(JOBS);
  });

  it('keeps later batches working after a batch with failures', async () => {
    const prefix = 'gc2-';
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        database.store.write(async (trx) => {
          await trx.insertInto('reason_codes').values({ code: `${prefix}${i}`, name: `job ${i}`, created_at: new Date().toISOString() }).execute();
          if (i % 2 === 0) throw new Error(`even job ${i}`);
          return i;
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value)).toEqual([1, 3, 5, 7, 9, 11, 13, 15, 17, 19]);
    const after = await database.store.write(async (trx) => {
      await trx.insertInto('reason_codes').values({ code: `${prefix}after`, name: 'after', created_at: new Date().toISOString() }).execute();
      return 'done';
    });
    expect(after).toBe('done');
    expect(committedCodes(prefix).sort()).toEqual([...[1, 3, 5, 7, 9, 11, 13, 15, 17, 19].map((i) => `${prefix}${i}`), `${prefix}after`].sort());
  });

  it('rolls back a write that runs alone (no savepoint) when it fails, and commits one that succeeds', async () => {
    const prefix = 'gc3-';
    const insert = (trx: Parameters<Parameters<typeof database.store.write>[0]>[0], code: string) =>
      trx.insertInto('reason_codes').values({ code, name: code, created_at: new Date().toISOString() }).execute();
    await expect(database.store.write(async (trx) => {
      await insert(trx, `${prefix}failed`);
      throw new Error('alone and failing');
    })).rejects.toThrow('alone and failing');
    expect(committedCodes(prefix)).toEqual([]);
    await expect(database.store.write(async (trx) => {
      await insert(trx, `${prefix}kept`);
      return 'ok';
    })).resolves.toBe('ok');
    expect(committedCodes(prefix)).toEqual([`${prefix}kept`]);
  });
});
