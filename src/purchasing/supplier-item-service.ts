import { getItem, itemRefsByIds, resolveItemRefs } from '../catalog/item-service.js';
import { runCommand, type CommandResult } from '../db/command.js';
import type { Executor, SupplierItemRow, SupplierRow } from '../db/schema.js';
import type { Store } from '../db/store.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField, notFound } from '../shared/errors.js';
import { formatCost, parseCost } from '../shared/money.js';
import { decodeCursor, toPage, type Page } from '../shared/page.js';
import { formatScaled, parsePositiveScaled, parseScaled } from '../shared/quantity.js';
import { nowIso } from '../shared/time.js';
import * as repo from './supplier-repository.js';
import { normalizePriceBreaks, type PriceBreak } from './supplier-rules.js';
import { guardUnique, requireSupplier, suppliersByIds } from './supplier-service.js';
import type { NewSupplierItem, SupplierItem, SupplierItemInput } from './supplier-types.js';

/** What an order needs to know of one supplier's terms for one item, in scaled integers. */
export interface OfferTerms {
  supplierSku: string | null;
  breaks: PriceBreak[];
  minOrderQuantity: number | null;
  packSize: number | null;
  leadTimeDays: number | null;
}

const MAX_PRICE_BREAKS = 50;

export async function addSupplierItem(store: Store, ctx: CommandContext, supplierRef: string, input: NewSupplierItem): Promise<CommandResult<SupplierItem>> {
  return runCommand(store, ctx, { name: `supplier.item.add:${supplierRef}`, input }, async (trx) => {
    const supplier = await requireSupplier(trx, supplierRef);
    const item = (await resolveItemRefs(trx, [{ ref: input.item, path: '/item' }])).get(input.item);
    if (!item) throw notFound('item', input.item, '/item');
    const terms = parseTerms(input, item.decimals);
    const now = nowIso();
    if (input.preferred) await repo.clearPreferred(trx, item.id, supplier.id);
    await guardUnique(
      () =>
        repo.insertTerms(trx, {
          supplier_id: supplier.id, item_id: item.id, supplier_sku: input.supplierSku ?? null, min_order_quantity: terms.minOrderQuantity ?? null,
          pack_size: terms.packSize ?? null, lead_time_days: input.leadTimeDays ?? null, preferred: input.preferred ? 1 : 0, created_at: now, updated_at: now,
        }),
      `supplier '${supplier.code}' already has terms for item '${item.sku}'; change them with PATCH`, '/item',
    );
    await repo.replacePrices(trx, supplier.id, item.id, terms.breaks ?? []);
    return {
      result: await loadSupplierItem(trx, supplier, item.id),
      audit: [{ action: 'supplier.item_added', entityType: 'supplier', entityId: supplier.id, details: { item: item.sku, preferred: input.preferred ?? false } }],
    };
  });
}

export async function updateSupplierItem(store: Store, ctx: CommandContext, supplierRef: string, itemRef: string, changes: SupplierItemInput): Promise<CommandResult<SupplierItem>> {
  return runCommand(store, ctx, { name: `supplier.item.update:${supplierRef}:${itemRef}`, input: changes }, async (trx) => {
    const { supplier, item } = await requireTerms(trx, supplierRef, itemRef);
    const terms = parseTerms(changes, item.decimals);
    if (changes.preferred) await repo.clearPreferred(trx, item.id, supplier.id);
    await guardUnique(
      () =>
        repo.updateTerms(trx, supplier.id, item.id, {
          ...(changes.supplierSku !== undefined && { supplier_sku: changes.supplierSku }),
          ...(terms.minOrderQuantity !== undefined && { min_order_quantity: terms.minOrderQuantity }),
          ...(terms.packSize !== undefined && { pack_size: terms.packSize }),
          ...(changes.leadTimeDays !== undefined && { lead_time_days: changes.leadTimeDays }),
          ...(changes.preferred !== undefined && { preferred: changes.preferred ? 1 : 0 }),
          updated_at: nowIso(),
        }),
      `another supplier became preferred for '${item.sku}' at the same time; try again`, '/preferred',
    );
    if (terms.breaks !== undefined) await repo.replacePrices(trx, supplier.id, item.id, terms.breaks);
    return {
      result: await loadSupplierItem(trx, supplier, item.id),
      audit: [{ action: 'supplier.item_updated', entityType: 'supplier', entityId: supplier.id, details: { item: item.sku, ...changes } }],
    };
  });
}

export async function removeSupplierItem(store: Store, ctx: CommandContext, supplierRef: string, itemRef: string): Promise<CommandResult<SupplierItem>> {
  return runCommand(store, ctx, { name: `supplier.item.remove:${supplierRef}:${itemRef}`, input: {} }, async (trx) => {
    const { supplier, item } = await requireTerms(trx, supplierRef, itemRef);
    const removed = await loadSupplierItem(trx, supplier, item.id);
    await repo.deleteTerms(trx, supplier.id, item.id);
    return { result: removed, audit: [{ action: 'supplier.item_removed', entityType: 'supplier', entityId: supplier.id, details: { item: item.sku } }] };
  });
}

export async function getSupplierItem(db: Executor, supplierRef: string, itemRef: string): Promise<SupplierItem> {
  const { supplier, item } = await requireTerms(db, supplierRef, itemRef);
  return loadSupplierItem(db, supplier, item.id);
}

/** One supplier's catalogue: the items it offers, paged. */
export async function listSupplierItems(db: Executor, supplierRef: string, query: { cursor?: string | undefined; limit: number }): Promise<Page<SupplierItem>> {
  const supplier = await requireSupplier(db, supplierRef);
  const after = query.cursor === undefined ? undefined : decodeCursor<string>(query.cursor, 'string');
  const rows = await repo.listTermsRows(db, { supplierId: supplier.id, after, limit: query.limit });
  const page = toPage(rows, query.limit, (r) => r.item_id, (r) => r);
  return { data: await toSupplierItems(db, page.data), nextCursor: page.nextCursor };
}

/** Who sells an item: the preferred supplier first. */
export async function listItemSuppliers(db: Executor, itemRef: string, query: { cursor?: string | undefined; limit: number }): Promise<Page<SupplierItem>> {
  const item = await getItem(db, itemRef);
  const after = query.cursor === undefined ? undefined : decodeCursor<string>(query.cursor, 'string');
  const rows = await repo.listTermsRows(db, { itemId: item.id, after, limit: query.limit });
  const page = toPage(rows, query.limit, repo.termsCursorOf, (r) => r);
  return { data: await toSupplierItems(db, page.data), nextCursor: page.nextCursor };
}

/** One supplier's terms for the items of an order, keyed by item id; items it has no terms for are absent. */
export async function termsForOrder(db: Executor, supplierId: string, itemIds: readonly string[]): Promise<Map<string, OfferTerms>> {
  const rows = await repo.findTermsForItems(db, supplierId, itemIds);
  const prices = await repo.listPrices(db, rows.map((r) => ({ supplierId, itemId: r.item_id })));
  return new Map(rows.map((r) => [r.item_id, {
    supplierSku: r.supplier_sku,
    breaks: prices.filter((p) => p.item_id === r.item_id).map((p) => ({ minQuantity: Number(p.min_quantity), unitPrice: Number(p.unit_price) })),
    minOrderQuantity: r.min_order_quantity === null ? null : Number(r.min_order_quantity),
    packSize: r.pack_size === null ? null : Number(r.pack_size),
    leadTimeDays: r.lead_time_days,
  }]));
}

interface ParsedTerms {
  breaks?: PriceBreak[] | undefined;
  minOrderQuantity?: number | null | undefined;
  packSize?: number | null | undefined;
}

/** Scales the terms' quantities by the item's decimals and prices to four places; undefined means "not given". */
function parseTerms(input: SupplierItemInput, decimals: number): ParsedTerms {
  if (input.prices !== undefined && input.prices.length > MAX_PRICE_BREAKS) throw invalidField('/prices', `at most ${MAX_PRICE_BREAKS} price breaks`);
  const breaks = input.prices?.map((p, i) => {
    const minQuantity = parseScaled(p.minQuantity, decimals, `/prices/${i}/minQuantity`);
    if (minQuantity < 0) throw invalidField(`/prices/${i}/minQuantity`, 'must not be negative');
    return { minQuantity, unitPrice: parseCost(p.unitPrice, `/prices/${i}/unitPrice`) };
  });
  const positive = (value: string | number | null | undefined, path: string) =>
    value === undefined ? undefined : value === null ? null : parsePositiveScaled(value, decimals, path);
  return {
    breaks: breaks === undefined ? undefined : normalizePriceBreaks(breaks, '/prices'),
    minOrderQuantity: positive(input.minOrderQuantity, '/minOrderQuantity'),
    packSize: positive(input.packSize, '/packSize'),
  };
}

async function requireTerms(db: Executor, supplierRef: string, itemRef: string): Promise<{ supplier: SupplierRow; item: { id: string; sku: string; decimals: number } }> {
  const supplier = await requireSupplier(db, supplierRef);
  const item = await getItem(db, itemRef);
  if (!(await repo.findTerms(db, supplier.id, item.id))) {
    throw new DomainError('not-found', `supplier '${supplier.code}' has no terms for item '${item.sku}'`);
  }
  return { supplier, item };
}

async function loadSupplierItem(db: Executor, supplier: SupplierRow, itemId: string): Promise<SupplierItem> {
  const row = await repo.findTerms(db, supplier.id, itemId);
  if (!row) throw new Error(`terms of ${supplier.id} for ${itemId} vanished`);
  return (await toSupplierItems(db, [row]))[0] as SupplierItem;
}

async function toSupplierItems(db: Executor, rows: SupplierItemRow[]): Promise<SupplierItem[]> {
  const [suppliers, items, prices] = await Promise.all([
    suppliersByIds(db, rows.map((r) => r.supplier_id)),
    itemRefsByIds(db, rows.map((r) => r.item_id)),
    repo.listPrices(db, rows.map((r) => ({ supplierId: r.supplier_id, itemId: r.item_id }))),
  ]);
  return rows.map((r) => {
    const supplier = suppliers.get(r.supplier_id);
    const item = items.get(r.item_id);
    const decimals = item?.decimals ?? 0;
    const quantity = (value: number | null) => (value === null ? null : formatScaled(Number(value), decimals));
    return {
      supplier: { id: r.supplier_id, code: supplier?.code ?? r.supplier_id, name: supplier?.name ?? '', currency: supplier?.currency ?? '' },
      item: { id: r.item_id, sku: item?.sku ?? r.item_id, name: item?.name ?? '', unit: item?.unit ?? '' },
      supplierSku: r.supplier_sku,
      prices: prices
        .filter((p) => p.supplier_id === r.supplier_id && p.item_id === r.item_id)
        .map((p) => ({ minQuantity: formatScaled(Number(p.min_quantity), decimals), unitPrice: formatCost(Number(p.unit_price)) ?? '0' })),
      minOrderQuantity: quantity(r.min_order_quantity), packSize: quantity(r.pack_size), leadTimeDays: r.lead_time_days,
      preferred: r.preferred === 1, createdAt: r.created_at, updatedAt: r.updated_at,
    };
  });
}
