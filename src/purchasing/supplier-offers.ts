import type { Executor } from '../db/schema.js';
import * as repo from './supplier-repository.js';
import { leadTimeDays } from './supplier-rules.js';

/** What one active supplier offers for one item: enough to choose a supplier and price an order. */
export interface SupplierOffer {
  supplierId: string;
  code: string;
  name: string;
  currency: string;
  preferred: boolean;
  moq: number | null;
  packSize: number | null;
  /** The item's own lead time with this supplier, else the supplier's default; null when neither is set. */
  leadTimeDays: number | null;
  /** Ascending by minimum quantity; unit prices in 1/10,000 of the currency. */
  unitPriceBreaks: Array<{ minQuantity: number; unitPrice: number }>;
}

/** Every active supplier's offer for each of the items, keyed by item id (items nobody supplies are absent). */
export async function offersForItems(db: Executor, itemIds: readonly string[]): Promise<Map<string, SupplierOffer[]>> {
  const terms = await repo.findTermsOfItems(db, itemIds);
  const [suppliers, prices] = await Promise.all([
    repo.findSuppliersByIds(db, [...new Set(terms.map((t) => t.supplier_id))]),
    repo.listPrices(db, terms.map((t) => ({ supplierId: t.supplier_id, itemId: t.item_id }))),
  ]);
  const active = new Map(suppliers.filter((s) => s.archived_at === null).map((s) => [s.id, s]));
  const offers = new Map<string, SupplierOffer[]>();
  for (const t of terms) {
    const supplier = active.get(t.supplier_id);
    if (!supplier) continue;
    const offer: SupplierOffer = {
      supplierId: supplier.id, code: supplier.code, name: supplier.name, currency: supplier.currency, preferred: t.preferred === 1,
      moq: t.min_order_quantity === null ? null : Number(t.min_order_quantity),
      packSize: t.pack_size === null ? null : Number(t.pack_size),
      leadTimeDays: leadTimeDays(t.lead_time_days, supplier.lead_time_days),
      unitPriceBreaks: prices
        .filter((p) => p.supplier_id === t.supplier_id && p.item_id === t.item_id)
        .map((p) => ({ minQuantity: Number(p.min_quantity), unitPrice: Number(p.unit_price) })),
    };
    offers.set(t.item_id, [...(offers.get(t.item_id) ?? []), offer]);
  }
  return offers;
}
