import type { Store } from '../src/db/store.js';
import { postMovementBatch } from '../src/operations/posting-service.js';
import { createReservation } from '../src/operations/reservation-service.js';
import { systemContext } from '../src/shared/context.js';
import { runFor } from './measure.js';
import type { Contender } from './pair.js';
import type { Workload } from './workload.js';

const ctx = systemContext();

/**
 * Stockroom in-process: the posting service called directly, with everything it does for a real
 * request (reference resolution, quantity parsing, guarded posting, audit row, DTOs), only the
 * HTTP layer left out. `perCall` movements per call, `inFlight` calls outstanding at once.
 */
export function inProcessPosting(store: Store, workload: Workload, perCall: number, inFlight: number): Contender {
  const call = async () => {
    // A single movement goes through the same path as POST /api/v1/movements (base path '').
    if (perCall === 1) await postMovementBatch(store, ctx, [workload.input(workload.nextItem())], '');
    else await postMovementBatch(store, ctx, workload.inputs(workload.nextBatchStart(perCall), perCall));
    return perCall;
  };
  return { slice: (ms) => runFor(ms, inFlight, call) };
}

/** Reservations of 1 unit of the hot item, `inFlight` at once, through the reservation service. */
export function inProcessHotReserve(store: Store, workload: Workload, inFlight: number): Contender {
  const input = { item: workload.fixture.hot.sku, location: workload.fixture.binA.code, quantity: '1' };
  const call = async () => {
    await createReservation(store, ctx, input);
    return 1;
  };
  return { slice: (ms) => runFor(ms, inFlight, call) };
}
