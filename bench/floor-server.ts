import BetterSqlite3 from 'better-sqlite3';
import Fastify from 'fastify';
import { newId } from '../src/shared/ids.js';
import { rawMovementValues, rawSql } from './workload.js';

/**
 * The least an HTTP server can do for POST /api/v1/movements, run by the bench as a child process
 * (`DB_PATH` = a copy of the bench template): Fastify parses the same JSON body, SKU and bin codes
 * are looked up in maps loaded at start, and the raw driver's three statements run for every
 * request that arrived in one turn of the event loop, in one transaction (one fsync, FULL) — group
 * commit with nothing else. No authentication, validation, idempotency, audit row or event: what
 * this server reaches is the ceiling for a durable single-movement endpoint on this machine.
 */
const db = new BetterSqlite3(process.env.DB_PATH ?? '');
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 10000');
const sql = rawSql('sqlite');
const debit = db.prepare(sql.debit);
const credit = db.prepare(sql.credit);
const insert = db.prepare(sql.insertMovement);
const idsBy = (table: 'items' | 'locations', key: 'sku' | 'code') =>
  new Map((db.prepare(`select id, ${key} as ref from ${table}`).all() as Array<{ id: string; ref: string }>).map((r) => [r.ref, r.id]));
const items = idsBy('items', 'sku');
const locations = idsBy('locations', 'code');

interface Job {
  itemId: string;
  fromId: string;
  toId: string;
  quantity: number;
  settle: (movementId: string | null) => void;
}

let queue: Job[] = [];
/** A guarded debit that changes no row leaves nothing to undo, so a short job needs no savepoint. */
const commitGroup = db.transaction((jobs: Job[]) => {
  const now = new Date().toISOString();
  return jobs.map((job) => {
    if (debit.run(...sql.guardArgs(job.quantity, job.itemId, job.fromId)).changes !== 1) return null;
    credit.run(job.itemId, job.toId, job.quantity);
    const values = rawMovementValues(newId(), job.itemId, job.fromId, job.toId, now);
    insert.run(...values);
    return values[0] as string;
  });
});

function flush(): void {
  const jobs = queue;
  queue = [];
  const ids = commitGroup(jobs);
  jobs.forEach((job, i) => job.settle(ids[i] ?? null));
}

const app = Fastify({ logger: false });
app.post('/api/v1/movements', async (request, reply) => {
  const body = request.body as { item: string; from: string; to: string; quantity: string };
  const [itemId, fromId, toId] = [items.get(body.item), locations.get(body.from), locations.get(body.to)];
  if (!itemId || !fromId || !toId) return reply.code(422).send({ title: 'Unknown reference' });
  const movementId = await new Promise<string | null>((settle) => {
    if (queue.length === 0) setImmediate(flush);
    queue.push({ itemId, fromId, toId, quantity: Number.parseInt(body.quantity, 10), settle });
  });
  if (movementId === null) return reply.code(409).send({ title: 'Not enough stock' });
  return reply.code(201).send({ id: movementId, item: body.item, quantity: body.quantity, from: body.from, to: body.to });
});

await app.listen({ port: 0, host: '127.0.0.1' });
console.log(`floor server running at http://127.0.0.1:${(app.server.address() as { port: number }).port}`);
