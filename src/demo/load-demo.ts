import { createItem, listItems } from '../catalog/item-service.js';
import type { Store } from '../db/store.js';
import { createLocation } from '../locations/location-service.js';
import type { MovementInput } from '../operations/operation-types.js';
import { MAX_BATCH, postMovementBatch } from '../operations/posting-service.js';
import { createReservation } from '../operations/reservation-service.js';
import { createTransfer, receiveTransfer } from '../operations/transfer-service.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { describeDemo, type LoadCounts } from './demo-summary.js';
import type { DemoOptions, DemoStep } from './demo-types.js';
import { generateDemo } from './generate-demo.js';
import { loadPurchasing } from './load-purchasing.js';
import { loadSales } from './load-sales.js';

/** Who the demo's history is recorded as: an admin-shaped actor with its own name, so it is easy to tell apart. */
export const DEMO_CONTEXT: CommandContext = { actor: { id: 'demo', name: 'Demo data loader', role: 'admin' } };

export interface LoadDemoOptions extends DemoOptions {
  /** When the database already has items: true skips quietly, false refuses with an error. */
  onlyIfEmpty: boolean;
}

/**
 * Loads the demo through the ordinary services, so it obeys every rule real data does: items,
 * locations, a year of movements posted in batches in the order they happened, two-step
 * transfers, open reservations, suppliers with their terms and reorder policies, sales channels
 * and open orders. Returns a
 * one-paragraph summary.
 */
export async function loadDemo(store: Store, options: LoadDemoOptions): Promise<string> {
  const existing = await listItems(store.db, { limit: 1, includeArchived: true });
  if (existing.data.length > 0) {
    if (options.onlyIfEmpty) return 'The database already has items, so the demo data set was not loaded.';
    throw new DomainError('conflict', 'The database already has items: the demo loads only into an empty database (point --database-url at a new one).');
  }
  const started = Date.now();
  const plan = generateDemo(options);
  for (const location of plan.locations) await createLocation(store, DEMO_CONTEXT, location);
  for (const item of plan.items) {
    await createItem(store, DEMO_CONTEXT, {
      sku: item.sku, name: item.name, category: item.category, unit: item.unit, decimals: item.decimals,
      description: `${item.category}, supplied by ${item.supplier.name}`, reorderPoint: item.reorderPoint, barcodes: item.barcodes,
    });
  }
  const counts = await postSteps(store, plan.steps);
  for (const r of plan.reservations) {
    await createReservation(store, DEMO_CONTEXT, { item: r.item, location: r.location, quantity: r.quantity, ttlSeconds: r.ttlSeconds, reference: r.reference });
  }
  const buying = await loadPurchasing(store, DEMO_CONTEXT, plan.items);
  const selling = await loadSales(store, DEMO_CONTEXT, plan.items);
  return describeDemo(plan, counts, buying, selling, Date.now() - started);
}

/** Posts the history in order: movements in batches, flushed before each transfer so stock is where it should be. */
async function postSteps(store: Store, steps: readonly DemoStep[]): Promise<LoadCounts> {
  const counts: LoadCounts = { movements: 0, transfers: 0, inTransit: 0 };
  const transferIds = new Map<string, string>();
  let batch: MovementInput[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const { result } = await postMovementBatch(store, DEMO_CONTEXT, batch);
    counts.movements += result.movements.length;
    batch = [];
  };
  for (const step of steps) {
    if (step.type === 'movement') {
      batch.push(step.movement);
      if (batch.length === MAX_BATCH) await flush();
      continue;
    }
    await flush();
    if (step.type === 'dispatch') {
      const { result } = await createTransfer(store, DEMO_CONTEXT, step.transfer);
      transferIds.set(step.key, result.transfer.id);
      counts.movements += result.movements.length;
      counts.transfers++;
      counts.inTransit++;
    } else {
      const id = transferIds.get(step.key);
      if (id === undefined) throw new Error(`demo plan bug: ${step.key} arrives before it was sent`);
      const { result } = await receiveTransfer(store, DEMO_CONTEXT, id, { occurredAt: step.occurredAt });
      counts.movements += result.movements.length;
      counts.inTransit--;
    }
  }
  await flush();
  return counts;
}
