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
