import { sql } from 'kysely';
import type { BalanceRow, Executor } from '../db/schema.js';
import { listBalanceRows } from './balance-repository.js';

const key = (itemId: string, locationId: string) => `${itemId}\u0000${locationId}`;

/**
 * What could be sold per item × location: on hand − reserved, less what expired lots hold
 * unreserved (expired stock is on hand but not available). `today` is YYYY-MM-DD (UTC); a lot is
 * expired when its expiry date is before it. Keyed `itemId \u0000 locationId`; never below zero.
 * `rows`, when the caller has read (and perhaps locked) the balances already, saves reading them again.
 */
export async function sellableFree(db: Executor, itemIds: readonly string[], locationIds: readonly string[], today: string, rows?: readonly BalanceRow[]): Promise<Map<string, number>> {
  const [balances, expired] = await Promise.all([
    rows ?? listBalanceRows(db, { itemIds, locationIds }),
    expiredUnreserved(db, itemIds, locationIds, today),
  ]);
  return new Map(balances.map((b) => {
    const k = key(b.item_id, b.location_id);
    return [k, Math.max(0, Number(b.on_hand) - Number(b.reserved) - (expired.get(k) ?? 0))];
  }));
}

async function expiredUnreserved(db: Executor, itemIds: readonly string[], locationIds: readonly string[], today: string): Promise<Map<string, number>> {
  if (itemIds.length === 0 || locationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('lot_balances as lb')
    .innerJoin('lots as l', 'l.id', 'lb.lot_id')
    .select(['lb.item_id', 'lb.location_id', sql<number>`cast(sum(case when lb.on_hand > lb.reserved then lb.on_hand - lb.reserved else 0 end) as bigint)`.as('quantity')])
    .where('lb.item_id', 'in', itemIds)
    .where('lb.location_id', 'in', locationIds)
    .where('l.expires_on', '<', today)
    .groupBy(['lb.item_id', 'lb.location_id'])
    .execute();
  return new Map(rows.map((r) => [key(r.item_id, r.location_id), Number(r.quantity)]));
}
