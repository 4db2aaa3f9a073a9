import autocannon from 'autocannon';
import { BENCH } from './config.js';
import type { Contender } from './pair.js';
import type { Workload } from './workload.js';

export interface HttpLoad {
  path: string;
  /** Request bodies, sent in turn; each request carries `perRequest` units. */
  bodies: string[];
  perRequest: number;
  connections: number;
}

/** POST /api/v1/movements, one movement per request, rotating over every item. */
export function singleMovementLoad(workload: Workload, connections: number): HttpLoad {
  const bodies = workload.fixture.items.map((_, i) => JSON.stringify(workload.input(i)));
  return { path: '/api/v1/movements', bodies, perRequest: 1, connections };
}

/** POST /api/v1/movements/batch, `size` movements per request, rotating over disjoint item ranges. */
export function batchLoad(workload: Workload, size: number, connections: number): HttpLoad {
  const groups = Math.max(1, Math.floor(workload.fixture.items.length / size));
  const bodies = Array.from({ length: groups }, (_, g) => JSON.stringify({ movements: workload.inputs(g * size, size) }));
  return { path: '/api/v1/movements/batch', bodies, perRequest: size, connections };
}

/** POST /api/v1/reservations of 1 unit of the hot item. */
export function hotReserveLoad(workload: Workload, connections: number): HttpLoad {
  const body = JSON.stringify({ item: workload.fixture.hot.sku, location: workload.fixture.binA.code, quantity: '1' });
  return { path: '/api/v1/reservations', bodies: [body], perRequest: 1, connections };
}

/**
 * Slices of autocannon load against a running server. Bodies are built before the run, so the
 * load generator only picks the next string. The first slice (the warm-up) runs for its time;
 * later ones send as many requests as the previous rate fills their time with and wait for every
 * answer: a slice cut off at a deadline would drop the requests still in flight, up to one per
 * connection, which for 1,000-movement batches is a large share of the work. Failed requests
 * are counted; when there were any, one more request shows what the server answers.
 */
export function httpContender(baseUrl: string, load: HttpLoad): Contender {
  let requestsPerSecond = 0;
  return {
    async slice(ms) {
      const latencies: number[] = [];
      const amount = requestsPerSecond > 0 ? Math.max(load.connections, Math.round((requestsPerSecond * ms) / 1000)) : undefined;
      const result = await cannon(baseUrl, load, amount === undefined ? { duration: ms / 1000 } : { amount }, latencies);
      requestsPerSecond = (result['2xx'] + result.non2xx) / result.duration;
      const errors = result.non2xx + result.errors;
      if (errors > 0) await showAnswer(baseUrl, load);
      return { units: result['2xx'] * load.perRequest, seconds: result.duration, latencies, errors };
    },
  };
}

const headers = { authorization: `Bearer ${BENCH.adminKey}`, 'content-type': 'application/json' };

function cannon(baseUrl: string, load: HttpLoad, extent: { duration: number } | { amount: number }, latencies: number[]): Promise<autocannon.Result> {
  let next = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon({
      url: baseUrl,
      connections: load.connections,
      ...extent,
      headers,
      requests: [{ method: 'POST', path: load.path, setupRequest: (request) => ({ ...request, body: load.bodies[next++ % load.bodies.length] }) }],
    }, (error: unknown, result) => (error ? reject(error) : resolve(result)));
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

async function showAnswer(baseUrl: string, load: HttpLoad): Promise<void> {
  const response = await fetch(`${baseUrl}${load.path}`, { method: 'POST', headers, body: load.bodies[0] });
  console.error(`  some requests failed; ${load.path} now answers ${response.status}: ${(await response.text()).slice(0, 500)}`);
}
