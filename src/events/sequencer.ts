import type { Transaction } from 'kysely';
import type { Schema } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { WakeLoop } from '../shared/wake-loop.js';
import { lockSequencer, notifySequenced, sequencePending, type SequencedEventRow } from './event-repository.js';

/** Events numbered per transaction: a backlog (a crashed process's, a demo load's) goes in several. */
const BATCH = 1_000;

/**
 * Numbers committed outbox events in commit order. PostgreSQL hands out bigserial values when a
 * row is inserted, not when it commits, so a reader resuming after 10 could miss a 9 that
 * committed later. Rows are therefore inserted unnumbered and numbered here, after their commit,
 * by one sequencer at a time across every process (an advisory lock on PostgreSQL; SQLite has a
 * single writer): whatever commits later is numbered later.
 *
 * Wake-ups that arrive while a run is under way are folded into one more run (WakeLoop), so a
 * burst of commits costs a few runs, not one each.
 */
export class Sequencer {
  private readonly loop: WakeLoop;

  constructor(
    private readonly store: Store,
    private readonly channel: string,
    onSequenced: (rows: SequencedEventRow[]) => void,
    // Nothing is lost when a run fails: the rows stay unnumbered and the next wake-up or poll numbers them.
    onError: (error: unknown) => void,
  ) {
    this.loop = new WakeLoop(async () => {
      const rows = await this.store.write((trx) => this.numberBatch(trx));
      if (rows.length > 0) onSequenced(rows);
      return { more: rows.length === BATCH };
    }, onError);
  }

  wake(): void {
    this.loop.wake();
  }

  /** Lets a run under way finish (its numbers are committed and published) and starts no other. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  private async numberBatch(trx: Transaction<Schema>): Promise<SequencedEventRow[]> {
    const pg = this.store.dialect === 'postgres';
    if (pg) await lockSequencer(trx);
    const rows = await sequencePending(trx, BATCH);
    const last = rows[rows.length - 1];
    if (pg && last) await notifySequenced(trx, this.channel, last.seq);
    return rows;
  }
}
