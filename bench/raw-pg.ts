import pg from 'pg';
import { newId } from '../src/shared/ids.js';
import { runFor } from './measure.js';
import type { Contender } from './pair.js';
import { rawMovementValues, rawSql, type Workload } from './workload.js';

const SQL = rawSql('postgres');

/**
 * The raw-driver baseline on PostgreSQL: dedicated pg clients, each running named (so server-side
 * prepared) statements. No pool and no retry: the workload never makes two transactions lock the
 * same rows in opposite orders, so none is needed.
 */
export class RawPg {
  private constructor(private readonly clients: pg.Client[], private readonly workload: Workload) {}

  static async connect(url: string, clients: number, workload: Workload): Promise<RawPg> {
    const connected = await Promise.all(Array.from({ length: clients }, async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    }));
    return new RawPg(connected, workload);
  }

  /** `perTx` movements per transaction on `clients` concurrent clients. */
  posting(clients: number, perTx: number): Contender {
    return this.contender(clients, async (client) => {
      await this.post(client, perTx === 1 ? this.workload.nextItem() : this.workload.nextBatchStart(perTx), perTx);
      return perTx;
    });
  }

  /** The one-statement conditional reserve of 1 unit of the hot item, autocommitted. */
  hotReserve(clients: number): Contender {
    const { hot, binA } = this.workload.fixture;
    return this.contender(clients, async (client) => {
      const result = await client.query({ name: 'reserve', text: SQL.reserve, values: SQL.guardArgs(1, hot.id, binA.id) });
      if (result.rowCount !== 1) throw new Error('raw reserve found no available stock');
      return 1;
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.end()));
  }

  private contender(clients: number, call: (client: pg.Client) => Promise<number>): Contender {
    if (clients > this.clients.length) throw new Error(`asked for ${clients} clients, connected ${this.clients.length}`);
    // Each worker owns one client for the whole slice, as a pool of that size would under full load.
    return { slice: (ms) => runFor(ms, clients, (worker) => call(this.clients[worker] as pg.Client)) };
  }

  private async post(client: pg.Client, start: number, size: number): Promise<void> {
    const { binA, binB } = this.workload.fixture;
    const postingId = newId();
    const now = new Date().toISOString();
    await client.query('begin');
    try {
      for (let i = start; i < start + size; i++) {
        const itemId = this.workload.itemId(i);
        const debit = await client.query({ name: 'debit', text: SQL.debit, values: SQL.guardArgs(1, itemId, binA.id) });
        if (debit.rowCount !== 1) throw new Error(`raw debit found no stock for item ${itemId}`);
        await client.query({ name: 'credit', text: SQL.credit, values: [itemId, binB.id, 1] });
        await client.query({ name: 'insert-movement', text: SQL.insertMovement, values: rawMovementValues(postingId, itemId, binA.id, binB.id, now) });
      }
      await client.query('commit');
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  }
}

export async function pgServerVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]?.v ?? 'unknown';
  } finally {
    await client.end();
  }
}
