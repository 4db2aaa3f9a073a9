/**
 * Every knob of the ledger benchmark in one place. Durations are short and fixed so a full run
 * stays within about five minutes on the 2-core reference machine; BENCH_TIME_SCALE shortens or
 * lengthens all of them at once (e.g. 0.2 for a smoke run while editing the bench itself).
 */
const scale = Number(process.env.BENCH_TIME_SCALE ?? 1);
if (!Number.isFinite(scale) || scale <= 0) throw new Error(`BENCH_TIME_SCALE must be a positive number, got '${process.env.BENCH_TIME_SCALE}'`);

const ms = (value: number) => Math.max(200, Math.round(value * scale));

export const BENCH = {
  /** Items the posting workload rotates over, so concurrent transactions rarely touch the same balance rows. */
  items: 1000,
  /** Movements posted while seeding, before anything is measured (20 per item). */
  history: 20_000,
  /** Units of each item put into bin A at the start: far more than any run can move out. */
  initialStock: 1_000_000_000,
  /** Measured time of each side of an in-process comparison (and of the raw side of an HTTP one)… */
  runMs: ms(3_000),
  /** …split into this many alternating slices, raw and Stockroom taking turns. */
  rounds: 3,
  /** Untimed work by each side before an in-process comparison, so JIT, caches and connections are warm. */
  warmupMs: ms(700),
  /** Measured autocannon time of an HTTP comparison, and the warm-up of each side. */
  httpMs: ms(7_000),
  httpWarmupMs: ms(1_500),
  /** In-flight service calls, or HTTP connections, for concurrent single-movement rows (SQLite shares commits among them). */
  inFlight: 32,
  /** PostgreSQL clients for the raw baseline, and the Stockroom pool size it is compared with. */
  pgClients: 8,
  /** Clients, in-flight calls, HTTP connections and pool size for the hot-SKU reservation rows. */
  hotClients: 32,
  /** HTTP connections sending batch requests. */
  httpBatchConnections: 8,
  batchSizes: [100, 1000] as const,
  adminKey: 'bench-admin-key-0123456789abcdef',
  pgAdminUrl: process.env.PG_BENCH_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
} as const;

/**
 * BENCH_ROWS=inproc.pg.hot,http.pg.hot measures only the named rows while working on them; like
 * BENCH_ONLY, such a partial run writes no results.
 */
const onlyRows = process.env.BENCH_ROWS?.split(',').map((id) => id.trim()).filter((id) => id !== '');
export const PARTIAL_ROWS = onlyRows !== undefined && onlyRows.length > 0;

export function rowWanted(id: string): boolean {
  return !PARTIAL_ROWS || (onlyRows ?? []).includes(id);
}
