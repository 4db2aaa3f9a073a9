import type { LightMyRequestResponse } from 'fastify';
import type { Count } from '../../src/counting/count-types.js';
import type { ShrinkageReport } from '../../src/counting/shrinkage-types.js';
import type { TestApi } from './api.js';
import { makeItem, makeWarehouse, receiveStock, type ItemJson, type LocationJson } from './factories.js';

export type { Count, ShrinkageReport };

/** A warehouse with two bins, a bolt (counted, 2.50 each) and rope by the metre (two decimals, 1.20 a metre) in stock. */
export interface CountSetup {
  site: LocationJson;
  binA: LocationJson;
  binB: LocationJson;
  bolt: ItemJson;
  rope: ItemJson;
}

export async function countSetup(api: TestApi): Promise<CountSetup> {
  const { site, binA, binB } = await makeWarehouse(api);
  const bolt = await makeItem(api, { name: 'Bolt M6' });
  const rope = await makeItem(api, { name: 'Rope', unit: 'm', decimals: 2 });
  await receiveStock(api, bolt.sku, binA.code, 10, '2.5');
  await receiveStock(api, bolt.sku, binB.code, 4, '2.5');
  await receiveStock(api, rope.sku, binA.code, '20.5', '1.2');
  return { site, binA, binB, bolt, rope };
}

export async function createCount(api: TestApi, body: Record<string, unknown>, headers?: Record<string, string>): Promise<Count> {
  return api.post<Count>('/api/v1/counts', body, headers);
}

/** Sends a request with another key (a counter's operator key, a viewer). */
export function as(api: TestApi, key: string, method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  return api.app.inject({ method, url, headers: { authorization: `Bearer ${key}`, ...headers }, ...(body !== undefined && { payload: body as object }) });
}

export async function countAction(api: TestApi, count: Count, action: 'start' | 'submit' | 'approve' | 'cancel', body: Record<string, unknown> = {}, headers?: Record<string, string>): Promise<Count> {
  return api.post<Count>(`/api/v1/counts/${count.id}/${action}`, body, headers);
}

export async function enter(api: TestApi, count: Count, entries: Array<Record<string, unknown>>): Promise<Count> {
  return api.post<Count>(`/api/v1/counts/${count.id}/entries`, { entries });
}

/** A started count over the given bins. */
export async function startedCount(api: TestApi, s: CountSetup, extra: Record<string, unknown> = {}): Promise<Count> {
  const count = await createCount(api, { scope: { type: 'selection', site: s.site.code, bins: [s.binA.code, s.binB.code] }, ...extra });
  return countAction(api, count, 'start');
}

export const lineFor = (count: Count, sku: string, bin: string) => {
  const line = count.lines.find((l) => l.item.sku === sku && l.location.code === bin);
  if (!line) throw new Error(`${count.number} has no line for ${sku} at ${bin}`);
  return line;
};

export async function shrinkage(api: TestApi, query: string): Promise<ShrinkageReport> {
  return api.get<ShrinkageReport>(`/api/v1/reports/shrinkage?${query}`);
}
