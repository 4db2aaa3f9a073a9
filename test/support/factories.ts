import type { TestApi } from './api.js';

let counter = 0;
/** A value unique within the test run, for SKUs and codes. */
export function unique(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid.toString(36)}-${counter}`;
}

export interface ItemOverrides {
  sku?: string;
  name?: string;
  unit?: string;
  decimals?: number;
  category?: string;
  reorderPoint?: string;
  barcodes?: Array<{ code: string; kind?: 'gtin' | 'custom' }>;
}

export interface ItemJson {
  id: string;
  sku: string;
  decimals: number;
}

export async function makeItem(api: TestApi, overrides: ItemOverrides = {}): Promise<ItemJson> {
  return api.post<ItemJson>('/api/v1/items', { sku: unique('SKU'), name: 'Test item', ...overrides });
}

export interface LocationJson {
  id: string;
  code: string;
  siteId: string | null;
}

export async function makeLocation(api: TestApi, kind: 'site' | 'zone' | 'bin', parent?: string, extra: Record<string, unknown> = {}): Promise<LocationJson> {
  return api.post<LocationJson>('/api/v1/locations', { code: unique(kind.toUpperCase()), name: `Test ${kind}`, kind, ...(parent && { parent }), ...extra });
}

/** A site with one zone holding two bins: the usual warehouse shape. */
export async function makeWarehouse(api: TestApi): Promise<{ site: LocationJson; zone: LocationJson; binA: LocationJson; binB: LocationJson }> {
  const site = await makeLocation(api, 'site');
  const zone = await makeLocation(api, 'zone', site.code);
  const binA = await makeLocation(api, 'bin', zone.code);
  const binB = await makeLocation(api, 'bin', zone.code);
  return { site, zone, binA, binB };
}

export async function receiveStock(api: TestApi, item: string, location: string, quantity: string | number, unitCost?: string): Promise<void> {
  await api.post('/api/v1/receipts', { location, lines: [{ item, quantity, ...(unitCost && { unitCost }) }] });
}

export interface StockJson {
  total: { onHand: string; reserved: string; available: string; inTransit: string };
  locations: Array<{ location: { code: string }; onHand: string; reserved: string; available: string; inTransit: string }>;
  sites: Array<{ site: { code: string }; onHand: string; reserved: string; available: string; inTransit: string }>;
}

export async function stockOf(api: TestApi, item: string): Promise<StockJson> {
  return api.get<StockJson>(`/api/v1/items/${encodeURIComponent(item)}/stock`);
}

/** On hand at one location code, "0" when the item has nothing there. */
export async function onHandAt(api: TestApi, item: string, code: string): Promise<string> {
  const stock = await stockOf(api, item);
  return stock.locations.find((l) => l.location.code === code)?.onHand ?? '0';
}
