import type { Store } from '../src/db/store.js';
import { BENCH, rowWanted } from './config.js';
import { HTTP_PLAN, IN_PROCESS_PLAN, TARGETS, withClone, withServer, withStore, type RecordRow } from './fixtures.js';
import { batchLoad, hotReserveLoad, httpContender, singleMovementLoad, type HttpLoad } from './http.js';
import { inProcessHotReserve, inProcessPosting } from './in-process.js';
import { compare, type Contender, type PairResult } from './pair.js';
import { RawPg } from './raw-pg.js';
import type { Row, Target } from './report.js';
import type { Template } from './scratch.js';
import { Workload } from './workload.js';

const C = BENCH.pgClients;
const HOT = BENCH.hotClients;

type StockroomSide = (store: Store, workload: Workload, inFlight: number) => Contender;

/** What the raw side does: `perTx` movements per transaction on `clients` clients, or the hot conditional reserve. */
type RawWork = { clients: number; perTx: number } | { clients: number; hot: true };

/**
 * PostgreSQL comparisons. The raw baseline uses dedicated clients; Stockroom gets a pool of the
 * same size (PG_POOL_SIZE), so the database sees as many concurrent transactions from either.
 * More in-flight calls or connections than pooled connections only queue in Stockroom's pool.
 */
export async function pgSuite(template: Template, record: RecordRow): Promise<void> {
  const inProcess = async (id: string, what: string, rawWork: RawWork, pool: number, inFlight: number, stockroom: StockroomSide, target: Target) => {
    if (!rowWanted(id)) return;
    const workload = new Workload(template.fixture);
    const result = await withRaw(template, rawWork, (raw) =>
      withClone(template, 'inproc', (db) => withStore(db.url, pool, (store) => compare(raw, stockroom(store, workload, inFlight), IN_PROCESS_PLAN))));
    record(row(id, 'in-process', `${what}, pool ${pool}`, inFlight, rawWork, result, target));
  };
  const single = (store: Store, w: Workload, inFlight: number) => inProcessPosting(store, w, 1, inFlight);
  await inProcess('inproc.pg.seq', 'postMovementBatch ×1, sequential', { clients: 1, perTx: 1 }, C, 1, single, TARGETS.inProcess);
  await inProcess(`inproc.pg.c${BENCH.inFlight}`, 'postMovementBatch ×1', { clients: C, perTx: 1 }, C, BENCH.inFlight, single, TARGETS.inProcess);
  await inProcess('inproc.pg.batch1000', 'postMovementBatch ×1000', { clients: C, perTx: 1000 }, C, C, (store, w, n) => inProcessPosting(store, w, 1000, n), TARGETS.inProcess);
  await inProcess('inproc.pg.hot', 'createReservation, hot item', { clients: HOT, hot: true }, HOT, HOT, inProcessHotReserve, TARGETS.hotReserve);

  const overHttp = async (id: string, what: string, rawWork: RawWork, pool: number, load: HttpLoad, target?: Target) => {
    if (!rowWanted(id)) return;
    const result = await withRaw(template, rawWork, (raw) =>
      withClone(template, 'http', (db) => withServer(db.url, pool, (server) => compare(raw, httpContender(server.url, load), HTTP_PLAN))));
    record(row(id, 'http', `${what}, pool ${pool}`, load.connections, rawWork, result, target));
  };
  const workload = new Workload(template.fixture);
  await overHttp('http.pg.single', 'POST /movements', { clients: C, perTx: 1 }, C, singleMovementLoad(workload, BENCH.inFlight));
  for (const size of BENCH.batchSizes) {
    await overHttp(`http.pg.batch${size}`, `POST /movements/batch ×${size}`, { clients: C, perTx: size }, C, batchLoad(workload, size, BENCH.httpBatchConnections), TARGETS.batchEndpoint);
  }
  await overHttp('http.pg.hot', 'POST /reservations, hot item', { clients: HOT, hot: true }, HOT, hotReserveLoad(workload, HOT), TARGETS.hotReserve);
}

/** The raw driver on its own fresh copy of the template. */
async function withRaw<T>(template: Template, work: RawWork, run: (raw: Contender) => Promise<T>): Promise<T> {
  return withClone(template, 'raw', async (db) => {
    const raw = await RawPg.connect(db.url, work.clients, new Workload(template.fixture));
    try {
      return await run('hot' in work ? raw.hotReserve(work.clients) : raw.posting(work.clients, work.perTx));
    } finally {
      await raw.close();
    }
  });
}

function row(id: string, layer: Row['layer'], what: string, concurrency: number, rawWork: RawWork, result: PairResult, target: Target | undefined): Row {
  const rawWhat = 'hot' in rawWork ? 'conditional reserve, hot item' : `${rawWork.perTx} movement${rawWork.perTx === 1 ? '' : 's'}/tx`;
  return {
    id, layer, dialect: 'postgres', ...(target && { target }), otherLoad: result.otherLoad,
    stockroom: { what, concurrency, result: result.stockroom },
    raw: { what: rawWhat, concurrency: rawWork.clients, result: result.raw },
  };
}
