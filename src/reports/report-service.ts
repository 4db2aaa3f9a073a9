import { getItem } from '../catalog/item-service.js';
import type { Executor } from '../db/schema.js';
import { locationRefsByIds } from '../locations/location-service.js';
import { invalidField } from '../shared/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../shared/page.js';
import { formatScaled } from '../shared/quantity.js';
import * as repo from './report-repository.js';
import {
  ACTIVITY_KINDS, activityKindOf, COMMON_DECIMALS, dayRange, decodeSortCursor, encodeSortCursor, foldStockGroups, formatBig, isQuantitySort,
  onHandByDay, toCommonScale, VALUE_DECIMALS, type ActivityKind, type ItemSort, type SortOrder, type StockTotals,
} from './report-rules.js';

type Place = { id: string; code: string; name: string };

interface TotalsText {
  itemsInStock: number;
  /** Sum of every item's on hand in its own unit: a rough size of the stock when no costs are known. */
  units: string;
  /** On hand × last unit cost over the items that have one; null when none has. */
  value: string | null;
  itemsWithoutCost: number;
}

export interface StockSummary extends TotalsText {
  belowReorder: number;
  sites: Array<TotalsText & { site: Place }>;
}

const totalsText = (t: StockTotals): TotalsText => ({
  itemsInStock: t.itemsValued + t.itemsUnvalued,
  units: formatBig(t.units, COMMON_DECIMALS),
  value: t.itemsValued > 0 ? formatBig(t.value, VALUE_DECIMALS) : null,
  itemsWithoutCost: t.itemsUnvalued,
});

/** Stock value and units for the business and per site, with the number of items to reorder. */
export async function stockSummary(db: Executor): Promise<StockSummary> {
  const [overall, perSite, belowReorder] = await Promise.all([repo.listStockGroups(db, false), repo.listStockGroups(db, true), repo.countBelowReorder(db)]);
  const toGroups = (rows: repo.StockGroupRow[]) =>
    rows.map((r) => ({ siteId: r.site_id ?? '', decimals: r.decimals, unitCost: r.unit_cost, onHand: r.on_hand, items: r.items }));
  const { total } = foldStockGroups(toGroups(overall));
  const { bySite } = foldStockGroups(toGroups(perSite));
  const sites = await locationRefsByIds(db, [...bySite.keys()]);
  return {
    ...totalsText(total),
    belowReorder,
    sites: [...bySite]
      .flatMap(([id, totals]) => {
        const site = sites.get(id);
        return site ? [{ site: { id: site.id, code: site.code, name: site.name }, ...totalsText(totals) }] : [];
      })
      .sort((a, b) => (a.site.code < b.site.code ? -1 : 1)),
  };
}

export interface ItemStockEntry {
  item: { id: string; sku: string; name: string; category: string | null; unit: string; decimals: number; reorderPoint: string | null };
  onHand: string;
  reserved: string;
  available: string;
  belowReorder: boolean;
}

export interface ItemStockQuery {
  search?: string | undefined;
  category?: string | undefined;
  belowReorder?: boolean | undefined;
  sort: ItemSort;
  order: SortOrder;
  cursor?: string | undefined;
  limit: number;
}

/** Items with their stock totals, sortable by SKU, name, on hand or available, one keyset page at a time. */
export async function itemStockPage(db: Executor, query: ItemStockQuery): Promise<Page<ItemStockEntry>> {
  const after = query.cursor === undefined ? undefined : decodeSortCursor(decodeCursor<string>(query.cursor, 'string'), query.sort, query.order);
  if (after === null) throw invalidField('/cursor', 'the cursor belongs to another sort order; start from the first page');
  const rows = await repo.listItemStockRows(db, {
    ...query,
    after: after && { key: isQuantitySort(query.sort) ? BigInt(after.key) : after.key, sku: after.sku },
  });
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows[pageRows.length - 1];
  const keyOf = (row: repo.ItemStockRow): string => {
    if (query.sort === 'sku') return row.sku;
    if (query.sort === 'name') return row.name;
    return toCommonScale(query.sort === 'onHand' ? row.on_hand : row.available, row.decimals).toString();
  };
  return {
    data: pageRows.map((r) => ({
      item: {
        id: r.id, sku: r.sku, name: r.name, category: r.category, unit: r.unit, decimals: r.decimals,
        reorderPoint: r.reorder_point === null ? null : formatScaled(Number(r.reorder_point), r.decimals),
      },
      onHand: formatScaled(r.on_hand, r.decimals),
      reserved: formatScaled(r.reserved, r.decimals),
      available: formatScaled(r.available, r.decimals),
      belowReorder: r.reorder_point !== null && r.available < Number(r.reorder_point),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(encodeSortCursor({ sort: query.sort, order: query.order, key: keyOf(last), sku: last.sku })) : null,
  };
}

export interface StockHistory {
  item: { id: string; sku: string; unit: string } | null;
  points: Array<{ date: string; onHand: string }>;
}

/** On hand in physical locations at the end of each of the last `days` UTC days, for one item or the whole business. */
export async function stockHistory(db: Executor, query: { item?: string | undefined; days: number }, today = new Date()): Promise<StockHistory> {
  const item = query.item === undefined ? undefined : await getItem(db, query.item);
  const days = dayRange(today, query.days);
  const since = `${days[0]}T00:00:00.000Z`;
  const [current, changes] = await Promise.all([repo.currentOnHandByDecimals(db, item?.id), repo.netChangeByDay(db, since, item?.id)]);
  const now = current.reduce((sum, r) => sum + toCommonScale(r.on_hand, r.decimals), 0n);
  const netByDay = new Map<string, bigint>();
  for (const c of changes) netByDay.set(c.day, (netByDay.get(c.day) ?? 0n) + toCommonScale(c.net, c.decimals));
  return {
    item: item ? { id: item.id, sku: item.sku, unit: item.unit } : null,
    points: onHandByDay(now, netByDay, days).map((p) => ({ date: p.date, onHand: formatBig(p.onHand, COMMON_DECIMALS) })),
  };
}

export type DayActivity = { date: string } & Record<ActivityKind, number>;

/** Movements per UTC day over the last `days` days, grouped into receipts, shipments, transfers, adjustments and other. */
export async function movementsPerDay(db: Executor, query: { item?: string | undefined; days: number }, today = new Date()): Promise<{ days: DayActivity[] }> {
  const itemId = query.item === undefined ? undefined : (await getItem(db, query.item)).id;
  const days = dayRange(today, query.days);
  const counts = await repo.movementCountsByDay(db, `${days[0]}T00:00:00.000Z`, itemId);
  const byDay = new Map(days.map((date) => [date, { date, ...Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, 0])) } as DayActivity]));
  for (const c of counts) {
    const entry = byDay.get(c.day);
    if (entry) entry[activityKindOf(c.kind)] += c.count;
  }
  return { days: [...byDay.values()] };
}
