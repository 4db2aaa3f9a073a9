import { sql } from 'kysely';
import { preparedQuery } from '../db/prepared.js';
import type { BalanceRow, Executor } from '../db/schema.js';

/**
 * Balance rows are a cache of the ledger, changed only in the transaction that writes the
 * movement. Every guarded change is one conditional statement, so the check and the write can
 * never be split by another client.
 */

interface BalanceChange extends Record<string, unknown> {
  itemId: string;
  locationId: string;
  quantity: number;
}

const debitAvailableQuery = preparedQuery<BalanceChange>(['itemId', 'locationId', 'quantity'], (db, p) =>
  db
    .updateTable('balances')
    .set({ on_hand: sql`on_hand - ${p.quantity}` })
    .where('item_id', '=', p.itemId)
    .where('location_id', '=', p.locationId)
    .where(sql<boolean>`on_hand - reserved >= ${p.quantity}`),
);

/** Takes `quantity` off available stock (on hand − reserved); false when not enough is there. */
export async function debitAvailable(db: Executor, itemId: string, locationId: string, quantity: number): Promise<boolean> {
  const result = await debitAvailableQuery(db, { itemId, locationId, quantity });
  return Number(result.numAffectedRows) === 1;
}

/** Ships stock that a reservation held: on hand and reserved fall together. */
export async function debitReserved(db: Executor, itemId: string, locationId: string, quantity: number): Promise<boolean> {
  const result = await db
    .updateTable('balances')
    .set({ on_hand: sql`on_hand - ${quantity}`, reserved: sql`reserved - ${quantity}` })
    .where('item_id', '=', itemId)
    .where('location_id', '=', locationId)
    .where('reserved', '>=', quantity)
    .where('on_hand', '>=', quantity)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const addOnHandQuery = preparedQuery<BalanceChange>(['itemId', 'locationId', 'quantity'], (db, p) =>
  db
    .insertInto('balances')
    .values({ item_id: p.itemId, location_id: p.locationId, on_hand: p.quantity, reserved: 0 })
    .onConflict((oc) => oc.columns(['item_id', 'location_id']).doUpdateSet({ on_hand: sql`balances.on_hand + excluded.on_hand` })),
);

/** Adds a signed amount to on hand, creating the row if needed (no guard: credits, virtual locations). */
export async function addOnHand(db: Executor, itemId: string, locationId: string, delta: number): Promise<void> {
  await addOnHandQuery(db, { itemId, locationId, quantity: delta });
}

const reserveAvailableQuery = preparedQuery<BalanceChange>(['itemId', 'locationId', 'quantity'], (db, p) =>
  db
    .updateTable('balances')
    .set({ reserved: sql`reserved + ${p.quantity}` })
    .where('item_id', '=', p.itemId)
    .where('location_id', '=', p.locationId)
    .where(sql<boolean>`on_hand - reserved >= ${p.quantity}`),
);

/** Holds `quantity` of available stock; false when not enough is available. */
export async function reserveAvailable(db: Executor, itemId: string, locationId: string, quantity: number): Promise<boolean> {
  const result = await reserveAvailableQuery(db, { itemId, locationId, quantity });
  return Number(result.numAffectedRows) === 1;
}

export async function releaseReserved(db: Executor, itemId: string, locationId: string, quantity: number): Promise<void> {
  await db
    .updateTable('balances')
    .set({ reserved: sql`reserved - ${quantity}` })
    .where('item_id', '=', itemId)
    .where('location_id', '=', locationId)
    .execute();
}

/**
 * SQLite, several changes in one statement: the changes go in as one JSON array of
 * `[itemId, locationId, quantity]` (json_each), so the statement text, prepared once, fits any
 * number of them. Each item × location may appear once in a guarded debit.
 */
type ChangeList = { changes: string };
const changeList = (changes: readonly BalanceChange[]): ChangeList => ({ changes: JSON.stringify(changes.map((c) => [c.itemId, c.locationId, c.quantity])) });

const debitAvailableManyQuery = preparedQuery<ChangeList, { item_id: string; location_id: string }>(['changes'], (db, p) =>
  db
    .updateTable('balances')
    .from(sql<{ value: string }>`json_each(${p.changes})`.as('c'))
    .set({ on_hand: sql`on_hand - (c.value ->> 2)` })
    .where(sql<boolean>`balances.item_id = c.value ->> 0 and balances.location_id = c.value ->> 1 and on_hand - reserved >= c.value ->> 2`)
    .returning(['balances.item_id', 'balances.location_id']),
);

/** The key of a balance row in the sets and maps of bulk changes. */
export const balanceKey = (itemId: string, locationId: string): string => `${itemId}\u0000${locationId}`;

/** SQLite: takes each change off available stock where enough is there; returns the `balanceKey`s that took. */
export async function debitAvailableMany(db: Executor, changes: readonly BalanceChange[]): Promise<Set<string>> {
  const [only] = changes;
  if (!only) return new Set();
  // One change runs faster as the plain statement than through json_each.
  if (changes.length === 1) return new Set((await debitAvailable(db, only.itemId, only.locationId, only.quantity)) ? [balanceKey(only.itemId, only.locationId)] : []);
  const result = await debitAvailableManyQuery(db, changeList(changes));
  return new Set(result.rows.map((r) => balanceKey(r.item_id, r.location_id)));
}

const addOnHandManyQuery = preparedQuery<ChangeList>(['changes'], (db, p) =>
  db
    .insertInto('balances')
    .columns(['item_id', 'location_id', 'on_hand', 'reserved'])
    .expression((eb) =>
      eb
        .selectFrom(sql<{ value: string }>`json_each(${p.changes})`.as('c'))
        .select([sql<string>`c.value ->> 0`.as('item_id'), sql<string>`c.value ->> 1`.as('location_id'), sql<number>`c.value ->> 2`.as('on_hand'), sql<number>`0`.as('reserved')])
        // SQLite needs a WHERE here to tell the upsert's ON CONFLICT from a join constraint.
        .where(sql<boolean>`true`),
    )
    .onConflict((oc) => oc.columns(['item_id', 'location_id']).doUpdateSet({ on_hand: sql`balances.on_hand + excluded.on_hand` })),
);

/** SQLite: adds each signed amount to on hand, creating rows as needed; the same row may appear several times. */
export async function addOnHandMany(db: Executor, changes: readonly BalanceChange[]): Promise<void> {
  if (changes.length > 2) await addOnHandManyQuery(db, changeList(changes));
  else for (const c of changes) await addOnHand(db, c.itemId, c.locationId, c.quantity);
}

export async function getBalance(db: Executor, itemId: string, locationId: string): Promise<BalanceRow> {
  const row = await db.selectFrom('balances').selectAll().where('item_id', '=', itemId).where('location_id', '=', locationId).executeTakeFirst();
  return row ?? { item_id: itemId, location_id: locationId, on_hand: 0, reserved: 0 };
}

export async function hasStockAt(db: Executor, locationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('balances')
    .select('item_id')
    .where('location_id', '=', locationId)
    .where((eb) => eb.or([eb('on_hand', '<>', 0), eb('reserved', '<>', 0)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface BalanceFilter {
  itemIds?: readonly string[] | undefined;
  locationIds?: readonly string[] | undefined;
  excludeLocationIds?: readonly string[] | undefined;
  /** Key of the last row of the previous page: `itemId \u0000 locationId`. */
  after?: { itemId: string; locationId: string } | undefined;
  nonZeroOnly?: boolean | undefined;
  limit?: number | undefined;
}

export async function listBalanceRows(db: Executor, filter: BalanceFilter): Promise<BalanceRow[]> {
  let query = db.selectFrom('balances').selectAll();
  if (filter.itemIds) query = query.where('item_id', 'in', filter.itemIds.length ? filter.itemIds : ['']);
  if (filter.locationIds) query = query.where('location_id', 'in', filter.locationIds.length ? filter.locationIds : ['']);
  if (filter.excludeLocationIds?.length) query = query.where('location_id', 'not in', filter.excludeLocationIds);
  if (filter.nonZeroOnly) query = query.where((eb) => eb.or([eb('on_hand', '<>', 0), eb('reserved', '<>', 0)]));
  const after = filter.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('item_id', '>', after.itemId), eb.and([eb('item_id', '=', after.itemId), eb('location_id', '>', after.locationId)])]),
    );
  }
  query = query.orderBy('item_id').orderBy('location_id');
  if (filter.limit !== undefined) query = query.limit(filter.limit + 1);
  return query.execute();
}

/**
 * Reads a balance and, on PostgreSQL, locks its row until the transaction ends, so a count
 * ("set to what was counted") cannot interleave with a concurrent movement. SQLite has one writer.
 */
export async function getBalanceForUpdate(db: Executor, dialect: 'sqlite' | 'postgres', itemId: string, locationId: string): Promise<BalanceRow> {
  let query = db.selectFrom('balances').selectAll().where('item_id', '=', itemId).where('location_id', '=', locationId);
  if (dialect === 'postgres') query = query.forUpdate();
  return (await query.executeTakeFirst()) ?? { item_id: itemId, location_id: locationId, on_hand: 0, reserved: 0 };
}

/**
 * PostgreSQL: locks the existing balance rows of these item × location pairs, in (item, location)
 * order, until the transaction ends. A posting that changes several rows takes them all here
 * first, so two postings over the same rows cannot lock them in opposite orders and deadlock.
 */
export async function lockBalanceRows(db: Executor, keys: ReadonlyArray<{ itemId: string; locationId: string }>): Promise<void> {
  const unique = [...new Map(keys.map((k) => [balanceKey(k.itemId, k.locationId), k])).values()];
  if (unique.length === 0) return;
  // The pairs as two arrays joined by position: one plan for any number of pairs (a row-value IN list is planned per length, slowly).
  const items = unique.map((k) => k.itemId);
  const locations = unique.map((k) => k.locationId);
  await sql`select b.item_id from balances b join unnest(cast(${items} as text[]), cast(${locations} as text[])) as k(item_id, location_id)
    on b.item_id = k.item_id and b.location_id = k.location_id order by b.item_id, b.location_id for update of b`.execute(db);
}

/** Replaces the whole balance cache (a rebuild from the ledger); returns how many rows it wrote. */
export async function replaceAllBalances(db: Executor, rows: BalanceRow[]): Promise<number> {
  await db.deleteFrom('balances').execute();
  for (let i = 0; i < rows.length; i += 500) await db.insertInto('balances').values(rows.slice(i, i + 500)).execute();
  return rows.length;
}
