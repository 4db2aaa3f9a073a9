import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from './schema.js';

type Work<T> = (trx: Transaction<Schema>) => Promise<T>;

interface Job {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const MAX_JOBS_PER_COMMIT = 512;

/**
 * Group commit for SQLite: write jobs that arrive together share one transaction and one fsync.
 * Each job runs inside its own savepoint, so a job that fails rolls back alone and the others
 * still commit; a job's promise settles only after the shared commit is durable.
 */
export class GroupCommitter {
  private queue: Job[] = [];
  private flushing = false;

  constructor(private readonly db: Kysely<Schema>) {}

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work: work as Work<unknown>, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.flushing) return;
    this.flushing = true;
    // setImmediate lets every request parsed in this turn of the event loop join the batch.
    setImmediate(() => void this.flush());
  }

  private async flush(): Promise<void> {
    const jobs = this.queue.splice(0, MAX_JOBS_PER_COMMIT);
    const outcomes: Array<{ ok: true; value: unknown } | { ok: false; error: unknown }> = [];
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const job of jobs) outcomes.push(await runInSavepoint(trx, job.work));
      });
      jobs.forEach((job, i) => {
        const outcome = outcomes[i];
        if (outcome?.ok) job.resolve(outcome.value);
        else job.reject(outcome?.error);
      });
    } catch (commitError) {
      for (const job of jobs) job.reject(commitError);
    } finally {
      this.flushing = false;
      if (this.queue.length > 0) this.schedule();
    }
  }
}

async function runInSavepoint(
  trx: Transaction<Schema>,
  work: Work<unknown>,
): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  await sql`savepoint job`.execute(trx);
  try {
    const value = await work(trx);
    await sql`release savepoint job`.execute(trx);
    return { ok: true, value };
  } catch (error) {
    await sql`rollback to savepoint job`.execute(trx);
    await sql`release savepoint job`.execute(trx);
    return { ok: false, error };
  }
}
