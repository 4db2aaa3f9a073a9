/** Raw material of a measurement; samples of several slices of one run add up. */
export interface Sample {
  /** Movements, or reservations in the hot-SKU rows. */
  units: number;
  seconds: number;
  /** Latency of each call, transaction or request, in milliseconds. */
  latencies: number[];
  /** Failed requests (HTTP only; the other runners throw on the first failure). */
  errors: number;
}

export interface Measurement {
  units: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

/**
 * Runs `call` from `concurrency` async workers until `ms` have passed. Each call gets its worker's
 * number (to use a connection of its own) and returns how many units it completed; a call that
 * is in flight at the deadline still counts, with its time.
 */
export async function runFor(ms: number, concurrency: number, call: (worker: number) => Promise<number>): Promise<Sample> {
  const latencies: number[] = [];
  let units = 0;
  const start = performance.now();
  const deadline = start + ms;
  const worker = async (_: unknown, index: number) => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      // Awaited first: `units += await …` would read `units` before the await and lose other workers' counts.
      const done = await call(index);
      units += done;
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { units, seconds: (performance.now() - start) / 1000, latencies, errors: 0 };
}

/** The same for synchronous work (better-sqlite3), which holds the thread for the whole slice. */
export function runSyncFor(ms: number, call: () => number): Sample {
  const latencies: number[] = [];
  let units = 0;
  const start = performance.now();
  const deadline = start + ms;
  while (performance.now() < deadline) {
    const t0 = performance.now();
    units += call();
    latencies.push(performance.now() - t0);
  }
  return { units, seconds: (performance.now() - start) / 1000, latencies, errors: 0 };
}

export function summarize(samples: readonly Sample[]): Measurement {
  const units = samples.reduce((n, s) => n + s.units, 0);
  const seconds = samples.reduce((n, s) => n + s.seconds, 0);
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const errors = samples.reduce((n, s) => n + s.errors, 0);
  return { units, seconds, perSecond: seconds > 0 ? units / seconds : 0, p50Ms: at(0.5), p99Ms: at(0.99), errors };
}
