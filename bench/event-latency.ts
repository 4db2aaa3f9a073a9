// The tests' SSE client: a plain node:http reader, nothing test-specific.
import { openSse } from '../test/support/sse.js';
import { BENCH } from './config.js';
import { removeScratchFolder, seedTemplate, type LedgerFixture } from './scratch.js';
import { startServer, type BenchServer } from './server.js';

/**
 * `npx tsx bench/event-latency.ts`: how long after a write is answered its stock.changed event
 * reaches a client of the live stream (GET /api/v1/events/stream), through real `stockroom serve`
 * processes. The answer is sent after COMMIT, and the event is numbered after COMMIT too, so this
 * is the sequencer's delay plus the stream's, as a client sees it; negative when the event arrived
 * before the answer. On PostgreSQL it is also measured across processes (write through B, stream
 * from A: the NOTIFY path), and everywhere with writers busy in parallel.
 */
const SEQUENTIAL_WRITES = 300;
const PARALLEL_WRITERS = 32;
const PARALLEL_MS = 3_000;

interface Scenario {
  name: string;
  writeTo: BenchServer;
  streamFrom: BenchServer;
  writers: number;
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  const template = await seedTemplate(dialect);
  const db = await template.clone('latency');
  const servers: BenchServer[] = [];
  try {
    servers.push(await startServer(db.url, BENCH.pgClients));
    if (dialect === 'postgres') servers.push(await startServer(db.url, BENCH.pgClients));
    const [a, b] = servers as [BenchServer, BenchServer?];
    const scenarios: Scenario[] = [
      { name: 'one writer', writeTo: a, streamFrom: a, writers: 1 },
      { name: `${PARALLEL_WRITERS} writers`, writeTo: a, streamFrom: a, writers: PARALLEL_WRITERS },
      ...(b ? [
        { name: 'one writer, other process', writeTo: b, streamFrom: a, writers: 1 },
        { name: `${PARALLEL_WRITERS} writers, other process`, writeTo: b, streamFrom: a, writers: PARALLEL_WRITERS },
      ] : []),
    ];
    for (const scenario of scenarios) console.log(`${dialect.padEnd(8)} ${scenario.name.padEnd(30)} ${format(await measure(scenario, template.fixture))}`);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
    await db.drop();
    await template.drop();
  }
}
removeScratchFolder();

/** Milliseconds from each write's answer to its event on the stream. */
async function measure(scenario: Scenario, fixture: LedgerFixture): Promise<number[]> {
  const stream = await openSse(`${scenario.streamFrom.url}/api/v1/events/stream`, { authorization: `Bearer ${BENCH.adminKey}` });
  const answeredAt = new Map<string, number>();
  const arrivedAt = new Map<string, number>();
  let reading = true;
  const reader = (async () => {
    while (reading) {
      const seen = arrivedAt.size;
      await stream.waitFor(seen + 1, 1_000).catch(() => undefined);
      const now = performance.now();
      for (const message of stream.messages.slice(seen)) {
        arrivedAt.set((JSON.parse(message.data) as { payload: { postingId: string } }).payload.postingId, now);
      }
    }
  })();
  const arrived = async (ids: string[]) => {
    const deadline = performance.now() + 10_000;
    while (!ids.every((id) => arrivedAt.has(id))) {
      if (performance.now() > deadline) throw new Error('events did not arrive within 10 s');
      await new Promise((resolve) => setImmediate(resolve));
    }
  };

  let next = 0;
  const write = async (): Promise<string> => {
    const item = fixture.items[next++ % fixture.items.length]!;
    const response = await fetch(`${scenario.writeTo.url}/api/v1/movements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${BENCH.adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ item: item.sku, quantity: '1', from: fixture.binA.code, to: fixture.binB.code }),
    });
    const { postingId } = (await response.json()) as { postingId: string };
    answeredAt.set(postingId, performance.now());
    return postingId;
  };

  if (scenario.writers === 1) {
    // One at a time, each waiting for its event: the delay of an otherwise idle system.
    for (let i = 0; i < SEQUENTIAL_WRITES; i++) await arrived([await write()]);
  } else {
    const until = performance.now() + PARALLEL_MS;
    await Promise.all(Array.from({ length: scenario.writers }, async () => {
      while (performance.now() < until) await write();
    }));
    await arrived([...answeredAt.keys()]);
  }
  reading = false;
  await reader;
  stream.close();
  return [...answeredAt].map(([id, at]) => arrivedAt.get(id)! - at);
}

function format(latencies: number[]): string {
  const sorted = [...latencies].sort((x, y) => x - y);
  const at = (q: number) => (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(1);
  return `n=${String(sorted.length).padStart(5)}  p50 ${at(0.5).padStart(6)} ms  p90 ${at(0.9).padStart(6)} ms  p99 ${at(0.99).padStart(6)} ms  max ${at(1).padStart(6)} ms`;
}
