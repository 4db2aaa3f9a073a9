import { sql, type Kysely, type Transaction } from 'kysely';
import type { Schema } from './schema.js';

type Work<T> = (trx: Transaction<Schema>) => Promise<T>;
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

interface Job {
  work: Work<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

const MAX_JOBS_PER_COMMIT = 512;

/**
 * Group commit for SQLite: write jobs that arrive together share one transaction and one fsync.
 * Each job of a group runs inside its own savepoint, so a job that fails rolls back alone and the
 * others still commit; a job's promise settles only after the shared commit is durable.
 */
export class GroupCommitter {
  private queue: Job[] = [];
  private running = false;

  constructor(private readonly db: Kysely<Schema>) {}

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work: work as Work<unknown>, resolve: resolve as (v: unknown) => void, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.running) return;
    this.running = true;
    // setImmediate lets every request parsed in this turn of the event loop join the group.
    setImmediate(() => void this.runGroup());
  }

  private async runGroup(): Promise<void> {
    const jobs = this.queue.splice(0, MAX_JOBS_PER_COMMIT);
    let outcomes: Outcome[];
    try {
      outcomes = await this.commit(jobs);
    } catch (commitError) {
      outcomes = jobs.map(() => ({ ok: false, error: commitError }));
    }
    this.running = false;
    if (this.queue.length > 0) this.schedule();
    jobs.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }

  /** A lone job needs no savepoint: if it fails, its transaction rolls back and nothing else is in it. */
  private async commit(jobs: Job[]): Promise<Outcome[]> {
    if (jobs.length === 1) {
      try {
        return [{ ok: true, value: await this.db.transaction().execute(jobs[0]!.work) }];
      } catch (error) {
        return [{ ok: false, error }];
      }
    }
    const outcomes: Outcome[] = [];
    await this.db.transaction().execute(async (trx) => {
      for (const job of jobs) outcomes.push(await runInSavepoint(trx, job.work));
    });
    return outcomes;
  }
}

async function runInSavepoint(trx: Transaction<Schema>, work: Work<unknown>): Promise<Outcome> {
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
