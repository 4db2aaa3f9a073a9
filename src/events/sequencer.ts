import type { Transaction } from 'kysely';
import type { Schema } from '../db/schema.js';
import type { Store } from '../db/store.js';
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
 * Wake-ups that arrive while a run is under way are folded into one more run, so a burst of
 * commits costs a few runs, not one each.
 */
export class Sequencer {
  private wanted = false;
  /** Set and cleared synchronously around the drain loop, so a wake-up is either seen by the loop or starts a new one. */
  private busy = false;
  private lastDrain: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly channel: string,
    private readonly onSequenced: (rows: SequencedEventRow[]) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  wake(): void {
    this.wanted = true;
    if (this.busy || this.stopped) return;
    this.busy = true;
    this.lastDrain = this.drain();
  }

  /** Lets a run under way finish (its numbers are committed and published) and starts no other. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.lastDrain;
  }

  private async drain(): Promise<void> {
    try {
      while (this.wanted && !this.stopped) {
        this.wanted = false;
        const rows = await this.store.write((trx) => this.numberBatch(trx));
        if (rows.length > 0) this.onSequenced(rows);
        if (rows.length === BATCH) this.wanted = true;
      }
    } catch (error) {
      // Nothing is lost: the rows stay unnumbered and the next wake-up or poll numbers them.
      this.onError(error);
    } finally {
      this.busy = false;
    }
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
