import { BENCH, rowWanted } from './config.js';
import { HTTP_PLAN, IN_PROCESS_PLAN, TARGETS, withClone, withServer, withStore, type RecordRow } from './fixtures.js';
import { batchLoad, httpContender, singleMovementLoad, type HttpLoad } from './http.js';
import { inProcessPosting } from './in-process.js';
import { compare, type Contender, type PairResult } from './pair.js';
import { RawSqlite } from './raw-sqlite.js';
import { startFloorServer } from './server.js';
import type { Target } from './report.js';
import type { Template } from './scratch.js';
import { Workload } from './workload.js';

/**
 * SQLite comparisons. better-sqlite3 is synchronous, so the raw baseline has no concurrency of its
 * own: its variants differ in movements per transaction (per fsync). Stockroom's concurrent callers
 * share commits (group commit), so "32 in flight" is matched with "32 movements per transaction".
 */
export async function sqliteSuite(template: Template, record: RecordRow): Promise<void> {
  const inProcess = async (id: string, what: string, perCall: number, inFlight: number, rawPerTx: number) => {
    if (!rowWanted(id)) return;
    const result = await withRaw(template, rawPerTx, (raw) =>
      withClone(template, 'inproc', (db) =>
        withStore(db.url, 1, (store) => compare(raw, inProcessPosting(store, new Workload(template.fixture), perCall, inFlight), IN_PROCESS_PLAN))));
    record(row(id, 'in-process', what, inFlight, rawPerTx, result, TARGETS.inProcess));
  };
  await inProcess('inproc.sqlite.seq', 'postMovementBatch ×1, sequential', 1, 1, 1);
  await inProcess(`inproc.sqlite.c${BENCH.inFlight}`, 'postMovementBatch ×1', 1, BENCH.inFlight, BENCH.inFlight);
  await inProcess('inproc.sqlite.batch1000', 'postMovementBatch ×1000', 1000, 1, 1000);

  const overHttp = async (id: string, what: string, load: (workload: Workload) => HttpLoad, rawPerTx: number, target: Target) => {
    if (!rowWanted(id)) return;
    const workload = new Workload(template.fixture);
    const result = await withRaw(template, rawPerTx, (raw) =>
      withClone(template, 'http', (db) =>
        withServer(db.url, 1, (server) => compare(raw, httpContender(server.url, load(workload)), HTTP_PLAN))));
    record(row(id, 'http', what, load(workload).connections, rawPerTx, result, target));
  };
  await overHttp('http.sqlite.single', 'POST /movements', (w) => singleMovementLoad(w, BENCH.inFlight), BENCH.inFlight, TARGETS.httpSingleSqlite);
  await floorOverHttp(template, record);
  for (const size of BENCH.batchSizes) {
    await overHttp(`http.sqlite.batch${size}`, `POST /movements/batch ×${size}`, (w) => batchLoad(w, size, BENCH.httpBatchConnections), size, TARGETS.batchEndpoint);
  }
}

/**
 * The single-movement endpoint against the least a server can do for it (bench/floor-server.ts:
 * Fastify and the raw statements, group-committed), both over HTTP with the same load, in
 * alternating slices. No target: the row tells how far the 8,000/s goal is from this machine's ceiling.
 */
async function floorOverHttp(template: Template, record: RecordRow): Promise<void> {
  if (!rowWanted('http.sqlite.single-vs-floor')) return;
  const load = singleMovementLoad(new Workload(template.fixture), BENCH.inFlight);
  const result = await withClone(template, 'floor', async (floorDb) => {
    const floor = await startFloorServer(floorDb.url.slice('sqlite:'.length));
    try {
      return await withClone(template, 'http', (db) => withServer(db.url, 1, (server) => compare(httpContender(floor.url, load), httpContender(server.url, load), HTTP_PLAN_BOTH)));
    } finally {
      await floor.stop();
    }
  });
  record({
    id: 'http.sqlite.single-vs-floor', layer: 'http', dialect: 'sqlite', otherLoad: result.otherLoad,
    stockroom: { what: 'POST /movements', concurrency: load.connections, result: result.stockroom },
    raw: { what: 'floor server: Fastify + raw, group commit', concurrency: load.connections, result: result.raw },
  });
}

/** Both sides over HTTP: each gets the HTTP warm-up and measured time. */
const HTTP_PLAN_BOTH = { ...HTTP_PLAN, rawMs: HTTP_PLAN.stockroomMs };

/** The raw driver on its own fresh copy of the template, doing `perTx` movements per transaction. */
async function withRaw<T>(template: Template, perTx: number, work: (raw: Contender) => Promise<T>): Promise<T> {
  return withClone(template, 'raw', async (db) => {
    const driver = new RawSqlite(db.url.slice('sqlite:'.length), new Workload(template.fixture));
    try {
      return await work(driver.contender(perTx));
    } finally {
      driver.close();
    }
  });
}

function row(id: string, layer: 'in-process' | 'http', what: string, concurrency: number, rawPerTx: number, result: PairResult, target: Target) {
  return {
    id, layer, dialect: 'sqlite' as const, target, otherLoad: result.otherLoad,
    stockroom: { what, concurrency, result: result.stockroom },
    raw: { what: `${rawPerTx} movement${rawPerTx === 1 ? '' : 's'}/tx`, concurrency: 1, result: result.raw },
  };
}
