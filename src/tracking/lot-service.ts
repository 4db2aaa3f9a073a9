import type { Executor } from '../db/schema.js';
import { lotBalancesAtForUpdate } from '../ledger/lot-balance-repository.js';
import { lotSpec, type LotInput } from './lot-rules.js';
import * as repo from './tracking-repository.js';

/**
 * What a named lot has on hand at a location, read locked on PostgreSQL (a count sets on hand to
 * what was counted, so no movement may slip in between). A lot not known yet has nothing.
 */
export async function lotOnHandForUpdate(db: Executor, dialect: 'sqlite' | 'postgres', itemId: string, locationId: string, input: LotInput, path: string): Promise<number> {
  const lot = await repo.findLot(db, itemId, lotSpec(input, path).ref);
  if (!lot) return 0;
  const rows = await lotBalancesAtForUpdate(db, dialect, itemId, locationId);
  return Number(rows.find((r) => r.lot_id === lot.id)?.on_hand ?? 0);
}
