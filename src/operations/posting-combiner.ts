import type { MovementRow } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { postPlainMovements, type PlainPosting } from '../ledger/posting.js';

/**
 * Combines concurrent single plain movements on SQLite into one write job. SQLite has one writer
 * and the group commit (src/db/group-commit.ts) already puts writes that arrive together into one
 * transaction; this goes one step further for the commonest write, so that those movements also
 * share their statements: one liveness check, then each debit and credit, then one insert each for
 * all their movement, event and audit rows. Each movement stays its own posting; one that cannot
 * be posted this way writes nothing and its caller takes the transactional path.
 */
const MAX_COMBINED = 256;

interface Waiting {
  posting: PlainPosting;
  resolve: (row: MovementRow | undefined) => void;
  reject: (error: unknown) => void;
}

/** Movements waiting for the next job, per store; the job takes them when it runs. */
const waitingByStore = new WeakMap<Store, Waiting[]>();

/**
 * Posts the movement with whatever others arrive before the job runs. Resolves with its row once
 * committed, or undefined when it was left out (archived references, refused debit). Rejects when
 * the job failed; being one savepoint, it then wrote nothing.
 */
export function combinedPosting(store: Store, posting: PlainPosting): Promise<MovementRow | undefined> {
  return new Promise((resolve, reject) => {
    let waiting = waitingByStore.get(store);
    if (!waiting) {
      waiting = [];
      waitingByStore.set(store, waiting);
      void runJob(store, waiting);
    }
    waiting.push({ posting, resolve, reject });
  });
}

async function runJob(store: Store, waiting: Waiting[]): Promise<void> {
  let taken: Waiting[] = [];
  try {
    const rows = await store.write((trx) => {
      // From here on, new arrivals start the next job.
      if (waitingByStore.get(store) === waiting) waitingByStore.delete(store);
      taken = waiting.splice(0, MAX_COMBINED);
      if (waiting.length > 0) void runJob(store, waiting);
      return postPlainMovements(trx, taken.map((w) => w.posting));
    });
    taken.forEach((w, i) => w.resolve(rows[i]));
  } catch (error) {
    for (const w of taken.length > 0 ? taken : waiting.splice(0)) w.reject(error);
  }
}
