import { sql, type ExpressionBuilder, type RawBuilder } from 'kysely';
import type { Executor, ItemRow, Schema } from '../db/schema.js';
import { COMMON_DECIMALS, type ItemSort, type SortOrder } from './report-rules.js';

/** The reports read across tables: on-hand stock lives in `balances`, limited to physical locations. */

function physicalBalances(db: Executor) {
  return db.selectFrom('balances as b').innerJoin('locations as l', 'l.id', 'b.location_id').where('l.kind', '<>', 'virtual');
}

/** The unit cost of an item's latest costed movement, or null when it never had one. */
function lastUnitCost(eb: ExpressionBuilder<Schema & { s: { item_id: string } }, 's'>) {
  return eb
    .selectFrom('movements as m')
    .select('m.unit_cost')
    .whereRef('m.item_id', '=', 's.item_id')
    .where('m.unit_cost', 'is not', null)
    .orderBy('m.seq', 'desc')
    .limit(1);
}

export interface StockGroupRow {
  site_id: string | null;
  decimals: number;
  unit_cost: number | null;
  on_hand: number;
  items: number;
}

/**
 * On hand grouped by precision and last unit cost (and by site when asked), so the caller can
 * bring each group to a common scale and value it exactly. `items` counts distinct items per group.
 */
export async function listStockGroups(db: Executor, bySite: boolean): Promise<StockGroupRow[]> {
  const perItem = physicalBalances(db)
    .select(['b.item_id', bySite ? 'l.site_id' : sql<string | null>`null`.as('site_id'), (eb) => eb.fn.sum<number>('b.on_hand').as('on_hand')])
    .groupBy(bySite ? ['b.item_id', 'l.site_id'] : ['b.item_id']);
  const costed = db
    .selectFrom(perItem.as('s'))
    .innerJoin('items as i', 'i.id', 's.item_id')
    .where('s.on_hand', '<>', 0)
    .select((eb) => ['s.site_id', 'i.decimals', 's.on_hand', lastUnitCost(eb).as('unit_cost')]);
  const rows = await db
    .selectFrom(costed.as('c'))
    .select((eb) => ['c.site_id', 'c.decimals', 'c.unit_cost', eb.fn.sum<number>('c.on_hand').as('on_hand'), eb.fn.countAll<number>().as('items')])
    .groupBy(['c.site_id', 'c.decimals', 'c.unit_cost'])
    .execute();
  return rows.map((r) => ({
    site_id: r.site_id, decimals: Number(r.decimals), unit_cost: r.unit_cost === null ? null : Number(r.unit_cost), on_hand: Number(r.on_hand), items: Number(r.items),
  }));
}

/** On hand, reserved and available per item over physical locations (available only where sellable). */
function itemFigures(db: Executor, itemIds?: readonly string[]) {
  let query = physicalBalances(db).select((eb) => [
    'b.item_id',
    eb.fn.sum<number>('b.on_hand').as('on_hand'),
    eb.fn.sum<number>('b.reserved').as('reserved'),
    eb.fn.sum<number>(sql`case when l.sellable = 1 and b.on_hand > b.reserved then b.on_hand - b.reserved else 0 end`).as('available'),
  ]);
  if (itemIds) query = query.where('b.item_id', 'in', itemIds.length ? itemIds : ['']);
  return query.groupBy('b.item_id');
}

/** An item's quantity column brought to COMMON_DECIMALS, so items of any precision sort together. */
function commonScaled(column: 'f.on_hand' | 'f.available'): RawBuilder<number> {
  const cases = Array.from({ length: COMMON_DECIMALS + 1 }, (_, d) => sql`when ${sql.lit(d)} then ${sql.lit(10 ** (COMMON_DECIMALS - d))}`);
  return sql<number>`coalesce(${sql.ref(column)}, 0) * case i.decimals ${sql.join(cases, sql` `)} end`;
}

export interface ItemStockFilter {
  search?: string | undefined;
  category?: string | undefined;
  belowReorder?: boolean | undefined;
  sort: ItemSort;
  order: SortOrder;
  /** Key and SKU of the last row of the previous page; quantity keys at COMMON_DECIMALS. */
  after?: { key: string | bigint; sku: string } | undefined;
  limit: number;
}

export type ItemStockRow = ItemRow & { on_hand: number; reserved: number; available: number };

/** Active items with their stock, filtered, sorted and keyset-paged; fetches `limit + 1` rows. */
export async function listItemStockRows(db: Executor, filter: ItemStockFilter): Promise<ItemStockRow[]> {
  const joinFigures = filter.belowReorder === true || filter.sort === 'onHand' || filter.sort === 'available';
  const key = filter.sort === 'sku' ? sql.ref('i.sku') : filter.sort === 'name' ? sql.ref('i.name') : commonScaled(filter.sort === 'onHand' ? 'f.on_hand' : 'f.available');
  const direction = filter.order === 'asc' ? sql`>` : sql`<`;
  // Aggregating every item's balances is only worth it when the filter or the order needs them;
  // otherwise the join matches nothing and the page's figures are fetched for its own items below.
  let query = db
    .selectFrom('items as i')
    .leftJoin(itemFigures(db, joinFigures ? undefined : []).as('f'), 'f.item_id', 'i.id')
    .selectAll('i')
    .where('i.archived_at', 'is', null);
  if (filter.search) {
    const pattern = `%${filter.search.toLowerCase()}%`;
    const exact = filter.search;
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['i.sku']), 'like', pattern),
        eb(eb.fn('lower', ['i.name']), 'like', pattern),
        eb('i.id', 'in', eb.selectFrom('item_barcodes').select('item_id').where('code', 'in', [exact, exact.padStart(14, '0')])),
      ]),
    );
  }
  if (filter.category) query = query.where('i.category', '=', filter.category);
  if (filter.belowReorder) query = query.where('i.reorder_point', 'is not', null).where(sql<boolean>`coalesce(f.available, 0) < i.reorder_point`);
  if (filter.after) {
    const { key: after, sku } = filter.after;
    query = filter.sort === 'sku'
      ? query.where(sql<boolean>`i.sku ${direction} ${sku}`)
      : query.where(sql<boolean>`(${key} ${direction} ${after} or (${key} = ${after} and i.sku ${direction} ${sku}))`);
  }
  if (filter.sort !== 'sku') query = query.orderBy(key, filter.order);
  const items = await query.orderBy('i.sku', filter.order).limit(filter.limit + 1).execute();
  const figures = await itemFigures(db, items.map((i) => i.id)).execute();
  const byItem = new Map(figures.map((f) => [f.item_id, f]));
  return items.map((item) => {
    const f = byItem.get(item.id);
    return { ...item, on_hand: Number(f?.on_hand ?? 0), reserved: Number(f?.reserved ?? 0), available: Number(f?.available ?? 0) };
  });
}

export interface DecimalsTotalRow {
  decimals: number;
  on_hand: number;
}

/** Current on hand in physical locations, per item precision (or for one item). */
export async function currentOnHandByDecimals(db: Executor, itemId?: string): Promise<DecimalsTotalRow[]> {
  let query = physicalBalances(db).innerJoin('items as i', 'i.id', 'b.item_id').select((eb) => ['i.decimals', eb.fn.sum<number>('b.on_hand').as('on_hand')]);
  if (itemId) query = query.where('b.item_id', '=', itemId);
  const rows = await query.groupBy('i.decimals').execute();
  return rows.map((r) => ({ decimals: Number(r.decimals), on_hand: Number(r.on_hand) }));
}

const day = sql<string>`substr(m.occurred_at, 1, 10)`;

/** Net change of physical on hand per UTC day and precision, for movements that occurred since `since`. */
export async function netChangeByDay(db: Executor, since: string, itemId?: string): Promise<Array<{ day: string; decimals: number; net: number }>> {
  let query = db
    .selectFrom('movements as m')
    .innerJoin('items as i', 'i.id', 'm.item_id')
    .innerJoin('locations as fl', 'fl.id', 'm.from_location_id')
    .innerJoin('locations as tl', 'tl.id', 'm.to_location_id')
    .where('m.occurred_at', '>=', since)
    .select((eb) => [
      day.as('day'),
      'i.decimals',
      eb.fn.sum<number>(sql`(case when tl.kind <> 'virtual' then m.quantity else 0 end) - (case when fl.kind <> 'virtual' then m.quantity else 0 end)`).as('net'),
    ]);
  if (itemId) query = query.where('m.item_id', '=', itemId);
  const rows = await query.groupBy([day, 'i.decimals']).execute();
  return rows.map((r) => ({ day: r.day, decimals: Number(r.decimals), net: Number(r.net) }));
}

/** How many movements of each kind occurred per UTC day since `since`. */
export async function movementCountsByDay(db: Executor, since: string, itemId?: string): Promise<Array<{ day: string; kind: string; count: number }>> {
  let query = db.selectFrom('movements as m').where('m.occurred_at', '>=', since).select((eb) => [day.as('day'), 'm.kind', eb.fn.countAll<number>().as('count')]);
  if (itemId) query = query.where('m.item_id', '=', itemId);
  const rows = await query.groupBy([day, 'm.kind']).execute();
  return rows.map((r) => ({ day: r.day, kind: r.kind, count: Number(r.count) }));
}

/** Active items with a reorder point whose total available stock is below it. */
export async function countBelowReorder(db: Executor): Promise<number> {
  const row = await db
    .selectFrom('items as i')
    .leftJoin(itemFigures(db).as('f'), 'f.item_id', 'i.id')
    .where('i.archived_at', 'is', null)
    .where('i.reorder_point', 'is not', null)
    .where(sql<boolean>`coalesce(f.available, 0) < i.reorder_point`)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
