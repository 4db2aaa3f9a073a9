import { cpus } from 'node:os';

const QUIET = 0.25;
const MAX_WAIT_MS = 120_000;

function cpuTimes(): { busy: number; total: number } {
  let busy = 0;
  let total = 0;
  for (const { times } of cpus()) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle;
    total += all;
    busy += all - times.idle;
  }
  return { busy, total };
}

/** Share of the machine's CPU time spent busy over the next `ms`. */
export async function cpuBusy(ms = 500): Promise<number> {
  const before = cpuTimes();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = cpuTimes();
  const total = after.total - before.total;
  return total > 0 ? (after.busy - before.busy) / total : 0;
}

/**
 * How busy the machine is just before a comparison, when the bench itself is idle: the work of
 * other processes, which slows both sides and makes the rates (less so the ratios) unreliable.
 * With BENCH_WAIT_IDLE=1 it first waits, up to two minutes, for the machine to quieten down.
 */
export async function otherLoad(): Promise<number> {
  let busy = await cpuBusy();
  const deadline = performance.now() + MAX_WAIT_MS;
  while (process.env.BENCH_WAIT_IDLE === '1' && busy > QUIET && performance.now() < deadline) busy = await cpuBusy(1000);
  return busy;
}

export const BUSY_WARNING = QUIET;

/**
 * A fixed piece of single-threaded JavaScript (number crunching, string building and JSON, like a
 * request handler), timed: how fast this machine runs Node today. Virtual machines of the same
 * kind differ several-fold here, and the CPU-bound rows (HTTP on SQLite above all) with them, so
 * runs are comparable only alongside this figure. Best of three, in milliseconds.
 */
export function cpuCalibrationMs(): number {
  let best = Infinity;
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    let checksum = 0;
    for (let i = 0; i < 200_000; i++) {
      const text = JSON.stringify({ item: `SKU-${i}`, quantity: String(i % 97), from: 'BIN-A', to: 'BIN-B' });
      checksum = (checksum + JSON.parse(text).quantity.length + (i % 7)) % 1_000_003;
    }
    best = Math.min(best, performance.now() - started);
    if (checksum < 0) throw new Error('unreachable: keeps the loop from being optimised away');
  }
  return Math.round(best);
}
