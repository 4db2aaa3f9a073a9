import { itemRefsByIds } from '../catalog/item-service.js';
import type { Executor, ReorderPolicyRow } from '../db/schema.js';
import { listBalanceRows } from '../ledger/balance-repository.js';
import { dailyFlow } from '../ledger/movement-repository.js';
import { customerLocationIds, physicalLocations } from '../locations/location-service.js';
import type { LocationRef } from '../locations/location-types.js';
import { figuresFor } from '../operations/stock-rules.js';
import { inTransitTo } from '../operations/transfer-service.js';
import { draftedBySite, incomingBySite } from '../purchasing/po-query-service.js';
import { offersForItems, type SupplierOffer } from '../purchasing/supplier-offers.js';
import { addScaled, formatScaled } from '../shared/quantity.js';
import { averageDailyDemand } from './demand.js';
import type { ReorderStatus } from './planning-types.js';
import { formatRatio } from './ratio.js';
import { isLowStock, reorderLevels, stockPosition, suggestedQuantity, type ReorderLevels } from './reorder-rules.js';
import { chooseSupplier } from './suggestion-rules.js';

export const DEFAULT_WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

/** A policy with its figures worked out, and what a purchase suggestion needs to go on. */
export interface Evaluation {
  status: ReorderStatus;
  itemId: string;
  siteId: string;
  decimals: number;
  /** Scaled units to order before pack and MOQ rounding; 0 unless low. */
  needed: number;
  offers: SupplierOffer[];
}

/**
 * Works out levels, stock position and the low-stock flag of a page of policies at `today`, with a
 * fixed number of queries whatever the page size. Sales are what left the site's locations for
 * customer locations, averaged over the policy's window of whole UTC days ending yesterday.
 */
export async function evaluatePolicies(db: Executor, rows: readonly ReorderPolicyRow[], today = new Date()): Promise<Evaluation[]> {
  if (rows.length === 0) return [];
  const itemIds = [...new Set(rows.map((r) => r.item_id))];
  const [items, locations, incoming, drafted, transit, offers, customers, balances] = await Promise.all([
    itemRefsByIds(db, itemIds), physicalLocations(db), incomingBySite(db, itemIds), draftedBySite(db, itemIds), inTransitTo(db, itemIds),
    offersForItems(db, itemIds), customerLocationIds(db), listBalanceRows(db, { itemIds }),
  ]);
  const byId = new Map(locations.map((l) => [l.id, l]));
  const siteOf = (locationId: string) => byId.get(locationId)?.siteId ?? null;
  const key = (itemId: string, siteId: string | null) => `${itemId}\u0000${siteId}`;
  const available = sumBy(balances, (b) => key(b.item_id, siteOf(b.location_id)), (b) => figuresFor(b, byId.get(b.location_id)?.sellable ?? false, 0).available);
  const incomingAt = sumBy(incoming, (i) => key(i.itemId, i.siteId), (i) => i.quantity);
  const draftedAt = sumBy(drafted, (d) => key(d.itemId, d.siteId), (d) => d.quantity);
  const transitAt = sumBy(transit, (t) => key(t.itemId, siteOf(t.locationId)), (t) => t.quantity);
  const sales = await salesBySite(db, rows, locations, customers, today);
  const yesterday = new Date(startOfDay(today) - DAY_MS).toISOString().slice(0, 10);

  return rows.flatMap((row) => {
    const item = items.get(row.item_id);
    const site = byId.get(row.site_id);
    if (!item || !site) return [];
    const k = key(row.item_id, row.site_id);
    const itemOffers = offers.get(row.item_id) ?? [];
    const pick = chooseSupplier({ needed: 1, suppliers: itemOffers });
    const supplierLead = pick?.supplier.leadTimeDays ?? null;
    const leadTimeDays = row.lead_time_days ?? supplierLead ?? 0;
    const leadTimeSource = row.lead_time_days !== null ? 'policy' : supplierLead !== null ? 'supplier' : 'none';
    let levels: ReorderLevels;
    let dailyDemand: string | null = null;
    if (row.method === 'manual') {
      levels = reorderLevels({ kind: 'manual', min: Number(row.min_quantity), max: Number(row.max_quantity) });
    } else {
      const demand = averageDailyDemand(sales.get(k) ?? [], row.window_days ?? DEFAULT_WINDOW_DAYS, yesterday);
      levels = reorderLevels({ kind: 'computed', safetyStock: Number(row.safety_stock ?? 0), ...(row.cover_days !== null && { coverDays: row.cover_days }) }, demand, leadTimeDays);
      dailyDemand = formatRatio(demand.rate, item.decimals, 4);
    }
    const onWay = (incomingAt.get(k) ?? 0) + (transitAt.get(k) ?? 0);
    const position = stockPosition(available.get(k) ?? 0, onWay);
    // Draft orders are not expected until sent, so they leave the alert on, but they do cover the need.
    const needed = Math.max(0, suggestedQuantity(position, levels) - (draftedAt.get(k) ?? 0));
    const chosen = pick && itemOffers.find((o) => o.supplierId === pick.supplier.supplierId);
    const q = (n: number) => formatScaled(n, item.decimals);
    const status: ReorderStatus = {
      item: { id: item.id, sku: item.sku, name: item.name, unit: item.unit },
      site: { id: site.id, code: site.code, name: site.name },
      policy: {
        method: row.method,
        min: row.min_quantity === null ? null : q(Number(row.min_quantity)),
        max: row.max_quantity === null ? null : q(Number(row.max_quantity)),
        safetyStock: row.safety_stock === null ? null : q(Number(row.safety_stock)),
        coverDays: row.cover_days, windowDays: row.window_days, leadTimeDays: row.lead_time_days,
      },
      reorderPoint: q(levels.reorderPoint), orderUpTo: q(levels.orderUpTo), basis: levels.basis, dailyDemand,
      leadTimeDays, leadTimeSource,
      available: q(available.get(k) ?? 0), incoming: q(incomingAt.get(k) ?? 0), inTransit: q(transitAt.get(k) ?? 0), position: q(position),
      onDraftOrders: q(draftedAt.get(k) ?? 0),
      low: isLowStock(position, levels.reorderPoint), suggestedQuantity: q(needed),
      supplier: chosen ? { id: chosen.supplierId, code: chosen.code, name: chosen.name, preferred: chosen.preferred } : null,
      updatedAt: row.updated_at,
    };
    return [{ status, itemId: item.id, siteId: site.id, decimals: item.decimals, needed, offers: itemOffers }];
  });
}

/** Daily sales of the computed policies' items, per item × site, over the longest window asked for. */
async function salesBySite(db: Executor, rows: readonly ReorderPolicyRow[], locations: readonly LocationRef[], customers: readonly string[], today: Date) {
  const computed = rows.filter((r) => r.method === 'computed');
  const sales = new Map<string, Array<{ date: string; quantity: number }>>();
  const until = new Date(startOfDay(today)).toISOString();
  for (const siteId of new Set(computed.map((r) => r.site_id))) {
    const atSite = computed.filter((r) => r.site_id === siteId);
    const window = Math.max(...atSite.map((r) => r.window_days ?? DEFAULT_WINDOW_DAYS));
    const flows = await dailyFlow(db, {
      itemIds: atSite.map((r) => r.item_id),
      fromLocationIds: locations.filter((l) => l.siteId === siteId).map((l) => l.id),
      toLocationIds: customers,
      since: new Date(startOfDay(today) - window * DAY_MS).toISOString(),
      until,
    });
    for (const flow of flows) {
      const k = `${flow.item_id}\u0000${siteId}`;
      sales.set(k, [...(sales.get(k) ?? []), { date: flow.day, quantity: Number(flow.quantity) }]);
    }
  }
  return sales;
}

function startOfDay(date: Date): number {
  return Math.floor(date.getTime() / DAY_MS) * DAY_MS;
}

function sumBy<T>(list: readonly T[], keyOf: (t: T) => string, valueOf: (t: T) => number): Map<string, number> {
  const sums = new Map<string, number>();
  for (const entry of list) sums.set(keyOf(entry), addScaled(sums.get(keyOf(entry)) ?? 0, valueOf(entry)));
  return sums;
}
