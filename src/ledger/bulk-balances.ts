import type { Executor } from '../db/schema.js';
import { addOnHandMany, balanceKey, debitAvailableMany } from './balance-repository.js';
import type { MovementDraft } from './movement-types.js';

/**
 * SQLite: the balance changes of many untracked movements in two statements instead of two per
 * movement. Guarded debits go first, one per item × location for the sum of its movements (so
 * they take together or not at all); then the unguarded debits (locations that may go negative)
 * and the credits of the movements that took, in one upsert. Returns the drafts that took.
 * Debits are checked before any credit lands, so a movement that needs stock another movement of
 * the same call brings in must not come this way (see `independentMovements`).
 */
export async function takeAndCredit(db: Executor, drafts: readonly MovementDraft[]): Promise<Set<MovementDraft>> {
  const guarded = new Map<string, { itemId: string; locationId: string; quantity: number }>();
  for (const d of drafts.filter((d) => !d.from.mayGoNegative)) {
    const key = balanceKey(d.itemId, d.from.id);
    const sum = guarded.get(key) ?? { itemId: d.itemId, locationId: d.from.id, quantity: 0 };
    guarded.set(key, { ...sum, quantity: sum.quantity + d.quantity });
  }
  const debited = await debitAvailableMany(db, [...guarded.values()]);
  const took = new Set(drafts.filter((d) => d.from.mayGoNegative || debited.has(balanceKey(d.itemId, d.from.id))));
  await addOnHandMany(db, [...took].flatMap((d) => [
    ...(d.from.mayGoNegative ? [{ itemId: d.itemId, locationId: d.from.id, quantity: -d.quantity }] : []),
    { itemId: d.itemId, locationId: d.to.id, quantity: d.quantity },
  ]));
  return took;
}

/**
 * True when taking the movements' debits together gives what taking them one after another would:
 * untracked, none from a reservation, no two guarded debits of one balance row, and no movement
 * crediting a row another one debits.
 */
export function independentMovements(drafts: readonly MovementDraft[]): boolean {
  if (drafts.some((d) => d.lotId || (d.serials?.length ?? 0) > 0 || d.fromReserved)) return false;
  const debits = drafts.filter((d) => !d.from.mayGoNegative).map((d) => balanceKey(d.itemId, d.from.id));
  if (new Set(debits).size !== debits.length) return false;
  const debited = new Set(debits);
  return drafts.every((d) => !debited.has(balanceKey(d.itemId, d.to.id)));
}
