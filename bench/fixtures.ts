import type { Store } from '../src/db/store.js';
import { BENCH } from './config.js';
import type { Row, Target } from './report.js';
import { openBenchStore, type ScratchDb, type Template } from './scratch.js';
import { startServer, type BenchServer } from './server.js';

export type RecordRow = (row: Row) => void;

export const TARGETS = {
  inProcess: { kind: 'ratio', min: 0.6 },
  httpSingleSqlite: { kind: 'absolute', min: 8000 },
  batchEndpoint: { kind: 'ratio', min: 0.5 },
  hotReserve: { kind: 'ratio', min: 0.8 },
} as const satisfies Record<string, Target>;

/** Slices for an in-process comparison and for an HTTP one (where the raw side needs no longer than usual). */
export const IN_PROCESS_PLAN = { rawMs: BENCH.runMs, stockroomMs: BENCH.runMs, warmupMs: BENCH.warmupMs, rounds: BENCH.rounds };
export const HTTP_PLAN = { rawMs: BENCH.runMs, stockroomMs: BENCH.httpMs, warmupMs: BENCH.httpWarmupMs, rounds: BENCH.rounds };

/** Runs `work` on a fresh copy of the template, dropped afterwards. */
export async function withClone<T>(template: Template, label: string, work: (db: ScratchDb) => Promise<T>): Promise<T> {
  const db = await template.clone(label);
  try {
    return await work(db);
  } finally {
    await db.drop();
  }
}

/** A store on `url`; on PostgreSQL its pool holds `poolSize` connections (the store reads PG_POOL_SIZE when it opens). */
export async function withStore<T>(url: string, poolSize: number, work: (store: Store) => Promise<T>): Promise<T> {
  const previous = process.env.PG_POOL_SIZE;
  process.env.PG_POOL_SIZE = String(poolSize);
  const store = openBenchStore(url);
  if (previous === undefined) delete process.env.PG_POOL_SIZE;
  else process.env.PG_POOL_SIZE = previous;
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

export async function withServer<T>(url: string, poolSize: number, work: (server: BenchServer) => Promise<T>): Promise<T> {
  const server = await startServer(url, poolSize);
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}
