import type { Movement } from '../../src/operations/movement-dto.js';
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
  tracking?: 'none' | 'lot' | 'serial';
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

interface FiguresJson {
  onHand: string;
  reserved: string;
  available: string;
  inTransit: string;
  incoming: string;
}

export interface StockJson {
  total: FiguresJson;
  locations: Array<{ location: { code: string } } & FiguresJson>;
  sites: Array<{ site: { code: string } } & FiguresJson>;
}

export async function stockOf(api: TestApi, item: string): Promise<StockJson> {
  return api.get<StockJson>(`/api/v1/items/${encodeURIComponent(item)}/stock`);
}

/** On hand at one location code, "0" when the item has nothing there. */
export async function onHandAt(api: TestApi, item: string, code: string): Promise<string> {
  const stock = await stockOf(api, item);
  return stock.locations.find((l) => l.location.code === code)?.onHand ?? '0';
}

export interface ApiKeyJson {
  id: string;
  key: string;
  role: 'admin' | 'operator' | 'viewer';
}

export async function makeApiKey(api: TestApi, role: ApiKeyJson['role'], name = unique(`${role}-key`)): Promise<ApiKeyJson> {
  return api.post<ApiKeyJson>('/api/v1/api-keys', { name, role });
}

/** Movements as the API returns them: the server's own response type. */
export type MovementJson = Movement;

export interface PostingJson {
  postingId: string;
  movements: MovementJson[];
}

/** Posts one movement between two locations and returns it. */
export async function postMovement(api: TestApi, body: Record<string, unknown>): Promise<MovementJson> {
  const posting = await api.post<PostingJson>('/api/v1/movements', body);
  return posting.movements[0] as MovementJson;
}

/**
 * Follows `nextCursor` from `url` (which must already carry a `limit`) until the last page,
 * returning every row and how many pages it took.
 */
export async function allPages<T>(api: TestApi, url: string): Promise<{ rows: T[]; pages: number }> {
  const rows: T[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const separator = url.includes('?') ? '&' : '?';
    const page: { data: T[]; nextCursor: string | null } = await api.get(cursor === null ? url : `${url}${separator}cursor=${encodeURIComponent(cursor)}`);
    rows.push(...page.data);
    pages += 1;
    cursor = page.nextCursor;
  } while (cursor !== null && pages < 1000);
  return { rows, pages };
}

let gtinCounter = 0;
function withCheckDigit(body: string): string {
  const sum = [...body].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

/** A valid EAN-13 (GTIN-13) no other call in this process returns: twelve digits plus their check digit. */
export function uniqueGtin13(): string {
  gtinCounter += 1;
  return withCheckDigit(`2${String(process.pid % 100_000).padStart(5, '0')}${String(gtinCounter).padStart(6, '0')}`);
}

/** A valid UPC-A (GTIN-12) no other call in this process returns. */
export function uniqueUpc12(): string {
  gtinCounter += 1;
  return withCheckDigit(`7${String(process.pid % 100_000).padStart(5, '0')}${String(gtinCounter).padStart(5, '0')}`);
}
