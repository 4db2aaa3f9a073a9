import type { Return, ReturnStepResult, ReturnSummary } from '../../src/sales/return-types.js';
import type { TestApi } from './api.js';
import { makeLocation, type ItemJson, type LocationJson } from './factories.js';
import { createSalesOrder, makeChannel, makeSite, orderAction, stockedItem, type Channel, type SalesOrder } from './sales.js';

export type { Return, ReturnStepResult, ReturnSummary };

export interface ReturnsShop {
  site: LocationJson;
  binA: LocationJson;
  binB: LocationJson;
  /** A bin in a zone flagged not sellable: quality control. */
  qc: LocationJson;
  channel: Channel;
  bolt: ItemJson;
  rope: ItemJson;
}

/** A site with two sellable bins and a quality-control bin, a web channel selling from it, and two stocked items (one counted, one by the metre). */
export async function makeReturnsShop(api: TestApi, channel: Record<string, unknown> = {}): Promise<ReturnsShop> {
  const { site, binA, binB } = await makeSite(api);
  const qcZone = await makeLocation(api, 'zone', site.code, { sellable: false });
  const qc = await makeLocation(api, 'bin', qcZone.code);
  const bolt = await stockedItem(api, [[binA.code, 10]]);
  const rope = await stockedItem(api, [[binB.code, '5.5']], { decimals: 2, unit: 'm' });
  return { site, binA, binB, qc, channel: await makeChannel(api, [site.code], channel), bolt, rope };
}

/** An order for 4 bolts and 2.5 m of rope from the shop's channel, shipped in full unless `ship` names what to ship. */
export async function shippedOrder(api: TestApi, shop: ReturnsShop, ship?: Array<{ item: string; quantity: string | number }>): Promise<SalesOrder> {
  const order = await createSalesOrder(api, { channel: shop.channel.code, customerName: 'Grace Hopper', lines: [{ item: shop.bolt.sku, quantity: 4 }, { item: shop.rope.sku, quantity: '2.5' }] });
  const shipped = await orderAction(api, order, 'ship', ship ? { lines: ship } : {});
  if (shipped.statusCode !== 200) throw new Error(`ship: ${shipped.statusCode} ${shipped.body}`);
  return shipped.json<{ order: SalesOrder }>().order;
}

export async function createReturn(api: TestApi, body: Record<string, unknown>, headers?: Record<string, string>): Promise<Return> {
  return api.post<Return>('/api/v1/returns', body, headers);
}

export async function returnStep(api: TestApi, ret: { id: string }, step: 'receive' | 'dispose' | 'cancel' | 'close', body: Record<string, unknown> = {}, headers?: Record<string, string>) {
  return api.request('POST', `/api/v1/returns/${ret.id}/${step}`, body, headers);
}

/** A step that must succeed; its answer. */
export async function stepOk(api: TestApi, ret: { id: string }, step: 'receive' | 'dispose', body: Record<string, unknown>, headers?: Record<string, string>): Promise<ReturnStepResult> {
  const response = await returnStep(api, ret, step, body, headers);
  if (response.statusCode !== 200) throw new Error(`${step}: ${response.statusCode} ${response.body}`);
  return response.json<ReturnStepResult>();
}

export async function getReturn(api: TestApi, ref: string): Promise<Return> {
  return api.get<Return>(`/api/v1/returns/${encodeURIComponent(ref)}`);
}

/** Per line: [sku, authorised, received, restocked, scrapped, in QC]. */
export function lineFigures(ret: ReturnSummary): Array<[string, string, string, string, string, string]> {
  return ret.lines.map((l) => [l.item.sku, l.authorised, l.received, l.restocked, l.scrapped, l.inQc]);
}
