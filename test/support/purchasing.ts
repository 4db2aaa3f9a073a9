import type { PurchaseOrder, ReceiptResult } from '../../src/purchasing/po-types.js';
import type { Supplier, SupplierItem } from '../../src/purchasing/supplier-types.js';
import type { TestApi } from './api.js';
import { makeItem, makeWarehouse, stockOf, unique, type ItemJson, type LocationJson } from './factories.js';

export type { PurchaseOrder, ReceiptResult, Supplier, SupplierItem };

export async function makeSupplier(api: TestApi, overrides: Record<string, unknown> = {}): Promise<Supplier> {
  return api.post<Supplier>('/api/v1/suppliers', { code: unique('SUP'), name: 'Test supplier', currency: 'EUR', ...overrides });
}

export async function addTerms(api: TestApi, supplier: string, body: Record<string, unknown>): Promise<SupplierItem> {
  return api.post<SupplierItem>(`/api/v1/suppliers/${encodeURIComponent(supplier)}/items`, body);
}

export async function createOrder(api: TestApi, body: Record<string, unknown>): Promise<PurchaseOrder> {
  return api.post<PurchaseOrder>('/api/v1/purchase-orders', body);
}

export async function orderAction(api: TestApi, order: PurchaseOrder, action: 'order' | 'cancel' | 'close', note?: string): Promise<PurchaseOrder> {
  return api.post<PurchaseOrder>(`/api/v1/purchase-orders/${order.id}/${action}`, note === undefined ? {} : { note });
}

export async function receive(api: TestApi, order: PurchaseOrder, body: Record<string, unknown>, headers?: Record<string, string>): Promise<ReceiptResult> {
  return api.post<ReceiptResult>(`/api/v1/purchase-orders/${order.id}/receipts`, body, headers);
}

export async function getOrder(api: TestApi, order: PurchaseOrder): Promise<PurchaseOrder> {
  return api.get<PurchaseOrder>(`/api/v1/purchase-orders/${order.id}`);
}

/** A supplier, a warehouse and two items (one counted, one by the metre with two decimals), ready to order. */
export interface Setup {
  supplier: Supplier;
  bolt: ItemJson;
  rope: ItemJson;
  site: LocationJson;
  binA: LocationJson;
  binB: LocationJson;
}

export async function purchasingSetup(api: TestApi, supplierOverrides: Record<string, unknown> = {}): Promise<Setup> {
  const supplier = await makeSupplier(api, supplierOverrides);
  const bolt = await makeItem(api, { name: 'Bolt M6' });
  const rope = await makeItem(api, { name: 'Rope', unit: 'm', decimals: 2 });
  const { site, binA, binB } = await makeWarehouse(api);
  return { supplier, bolt, rope, site, binA, binB };
}

/** An ordered (sent) purchase order of 50 bolts at 0.12 and 12.5 m of rope at 1.2. */
export async function orderedOrder(api: TestApi, s: Setup, extra: Record<string, unknown> = {}): Promise<PurchaseOrder> {
  const draft = await createOrder(api, {
    supplier: s.supplier.code, site: s.site.code,
    lines: [{ item: s.bolt.sku, quantity: 50, unitPrice: '0.12' }, { item: s.rope.sku, quantity: '12.5', unitPrice: '1.2' }], ...extra,
  });
  return orderAction(api, draft, 'order');
}

/** The item's incoming figure in total and at one site, from the stock API. */
export async function incomingOf(api: TestApi, item: string, siteCode: string): Promise<{ total: string; site: string }> {
  const stock = await stockOf(api, item);
  return { total: stock.total.incoming, site: stock.sites.find((x) => x.site.code === siteCode)?.incoming ?? '0' };
}

export const lineOf = (order: PurchaseOrder, lineNo: number) => {
  const line = order.lines.find((l) => l.lineNo === lineNo);
  if (!line) throw new Error(`${order.number} has no line ${lineNo}`);
  return line;
};
