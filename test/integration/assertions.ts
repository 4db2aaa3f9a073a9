import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApi } from '../support/api.js';
import { settled } from '../support/events.js';

export interface ProblemJson {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Array<{ path: string; message: string }>;
  shortfalls?: Array<{ path: string; item: string; location: string; requested: string; available: string }>;
}

/**
 * Asserts an RFC 9457 answer: status, problem+json content type, the stable `type` and, when
 * given, that each listed JSON Pointer appears among the field errors.
 */
export function expectProblem(response: LightMyRequestResponse, status: number, type: string, paths: string[] = []): ProblemJson {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toContain('application/problem+json');
  const body = response.json<ProblemJson>();
  expect(body).toMatchObject({ type, status, title: expect.any(String), detail: expect.any(String) });
  if (paths.length > 0) expect((body.errors ?? []).map((e) => e.path)).toEqual(expect.arrayContaining(paths));
  return body;
}

/** Every table a request could write to; comparing them before and after proves a refusal changed nothing. */
const TABLES = [
  'items', 'item_barcodes', 'locations', 'movements', 'balances', 'reservations', 'transfers', 'transfer_lines',
  'reason_codes', 'api_keys', 'audit_log', 'idempotency_keys',
  'suppliers', 'supplier_items', 'supplier_item_prices', 'purchase_orders', 'purchase_order_lines', 'purchase_receipts', 'purchase_receipt_lines', 'document_numbers', 'reorder_policies',
  'events',
  'channels', 'channel_locations', 'channel_item_buffers', 'sales_orders', 'sales_order_lines', 'sales_order_holds', 'pick_lists', 'pick_list_lines',
  'webhook_subscriptions', 'webhook_deliveries',
  'returns', 'return_lines', 'return_entries', 'return_line_serials',
  'counts', 'count_lines', 'count_line_serials',
  'lots', 'lot_balances', 'reservation_lots', 'serials', 'movement_serials',
] as const;

/** The whole database as sorted JSON rows per table (test databases are small). */
export async function snapshot(api: TestApi): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  for (const table of TABLES) {
    // An event's seq is given after its commit, possibly between two snapshots: the event itself is what a refusal must not add.
    // A webhook's lease is taken and handed back by the delivery worker in the background, whatever the request did.
    const columns = table === 'events' ? sql`id, type, payload, created_at`
      : table === 'webhook_subscriptions' ? sql`id, url, description, event_types, secret, status, after_seq, created_by, created_at, updated_at` : sql`*`;
    const { rows } = await sql<Record<string, unknown>>`select ${columns} from ${sql.table(table)}`.execute(api.db.store.db);
    result[table] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return result;
}

/**
 * Sends a request that must be refused with the given problem, and checks that the database is
 * exactly as it was before (no movement, balance, audit row or idempotency record was written).
 */
export async function expectRefused(
  api: TestApi,
  send: () => Promise<LightMyRequestResponse>,
  status: number,
  type: string,
  paths: string[] = [],
): Promise<ProblemJson> {
  // Work that follows earlier writes (numbering events, the availability feed) must not land between the two snapshots.
  await settled(api);
  const before = await snapshot(api);
  const problem = expectProblem(await send(), status, type, paths);
  expect(await snapshot(api)).toEqual(before);
  return problem;
}

/** The consistency check recomputes balances from the ledger: after any test it must find no drift. */
export async function expectConsistent(api: TestApi): Promise<void> {
  const report = await api.get<{ ok: boolean; drift: unknown[]; unbalancedItems: string[] }>('/api/v1/consistency');
  expect(report).toMatchObject({ ok: true, drift: [], unbalancedItems: [] });
}
