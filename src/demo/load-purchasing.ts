import type { Store } from '../db/store.js';
import { setReorderPolicy } from '../planning/reorder-service.js';
import { addSupplierItem } from '../purchasing/supplier-item-service.js';
import { createSupplier } from '../purchasing/supplier-service.js';
import type { CommandContext } from '../shared/context.js';
import { formatCost } from '../shared/money.js';
import { formatScaled } from '../shared/quantity.js';
import type { DemoItem } from './demo-types.js';
import { LOC } from './layout.js';

export interface PurchasingCounts {
  suppliers: number;
  terms: number;
  policies: number;
}

/** A reorder policy at the central warehouse: a case of safety stock, three weeks of cover, eight weeks of sales averaged. */
const WH1_POLICY = { method: 'computed', coverDays: 21, windowDays: 56 } as const;

/**
 * The demo's buying side: each category's supplier as a real supplier (EUR, its lead time), every
 * item offered by its supplier (preferred, in cases, at its unit cost), and a computed reorder
 * policy for every item the central warehouse stocks, so suggestions follow a year of sales.
 */
export async function loadPurchasing(store: Store, ctx: CommandContext, items: readonly DemoItem[]): Promise<PurchasingCounts> {
  const suppliers = new Map(items.map((i) => [i.supplier.code, i.supplier]));
  for (const s of suppliers.values()) {
    await createSupplier(store, ctx, { code: s.code, name: s.name, currency: 'EUR', leadTimeDays: s.leadDays, paymentTerms: '30 days net', overReceiptTolerance: '5' });
  }
  let policies = 0;
  for (const item of items) {
    const pack = formatScaled(item.pack, item.decimals);
    await addSupplierItem(store, ctx, item.supplier.code, {
      item: item.sku, supplierSku: `${item.supplier.code}-${item.sku}`, preferred: true, packSize: pack,
      prices: [{ minQuantity: '0', unitPrice: formatCost(item.cost) as string }],
    });
    if (item.home.wh1 === undefined) continue;
    await setReorderPolicy(store, ctx, item.sku, LOC.wh1, { ...WH1_POLICY, safetyStock: pack });
    policies++;
  }
  return { suppliers: suppliers.size, terms: items.length, policies };
}
