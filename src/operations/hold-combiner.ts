import type { Executor } from '../db/schema.js';
import { holdsInOneStatement, type HoldToWrite } from '../ledger/hold-statements.js';

/**
 * Combines concurrent one-statement holds of the same item at the same location (a hot SKU in a
 * flash sale) into one statement. Every hold of one balance row waits on that row's lock anyway,
 * and each statement holds it through its commit; so while one statement is in flight, the holds
 * that arrive for the same row queue here and go together in the next one, which takes the row
 * once for their sum. A hold that arrives when nothing is in flight goes alone, at once, so a quiet
 * system sees no added wait. Per process: several server processes each combine their own holds and
 * the row lock orders them as before.
 */
const MAX_BATCH = 64;

interface Waiting {
  hold: HoldToWrite;
  resolve: (took: boolean) => void;
  reject: (error: unknown) => void;
}

interface Lane {
  queue: Waiting[];
}

const lanesByDb = new WeakMap<Executor, Map<string, Lane>>();

/**
 * Takes the hold through the combiner. Resolves true when it took; false when it, or the batch it
 * went with (all or none), did not, and the caller gives the exact answer through the transactional
 * path. Rejects when the statement failed; being one statement, it then wrote nothing.
 */
export function combinedHold(db: Executor, hold: HoldToWrite): Promise<boolean> {
  let lanes = lanesByDb.get(db);
  if (!lanes) {
    lanes = new Map();
    lanesByDb.set(db, lanes);
  }
  const key = `${hold.row.item_id}\u0000${hold.row.location_id}`;
  const busy = lanes.get(key);
  if (busy) return new Promise((resolve, reject) => busy.queue.push({ hold, resolve, reject }));
  const lane: Lane = { queue: [] };
  lanes.set(key, lane);
  return new Promise((resolve, reject) => void runLane(db, lanes, key, lane, [{ hold, resolve, reject }]));
}

async function runLane(db: Executor, lanes: Map<string, Lane>, key: string, lane: Lane, first: Waiting[]): Promise<void> {
  let batch = first;
  while (batch.length > 0) {
    try {
      const took = await holdsInOneStatement(db, batch.map((w) => w.hold));
      for (const waiting of batch) waiting.resolve(took);
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
    batch = lane.queue.splice(0, MAX_BATCH);
  }
  lanes.delete(key);
}
