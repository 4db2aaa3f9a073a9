import { resolveItemRefs } from '../catalog/item-service.js';
import { runCommand, type CommandResult } from '../db/command.js';
import type { Executor, ReorderPolicyRow } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { resolveLocationRefs } from '../locations/location-service.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField, notFound } from '../shared/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../shared/page.js';
import { parseScaled } from '../shared/quantity.js';
import { nowIso } from '../shared/time.js';
import type { PolicyInput, ReorderStatus } from './planning-types.js';
import * as repo from './policy-repository.js';
import { evaluatePolicies, type Evaluation } from './reorder-evaluation.js';
import { validatePolicy } from './reorder-rules.js';

/** Policies examined per chunk, and at most per call when only low ones are wanted (the rest is behind the cursor). */
const CHUNK = 200;
const MAX_SCANNED = 5000;

/** Sets (creates or replaces) the reorder policy of an item at a site. */
export async function setReorderPolicy(store: Store, ctx: CommandContext, itemRef: string, siteRef: string, input: PolicyInput): Promise<CommandResult<ReorderStatus>> {
  return runCommand(store, ctx, { name: `reorder_policy.set:${itemRef}:${siteRef}`, input }, async (trx) => {
    const { itemId, siteId, decimals } = await resolvePair(trx, itemRef, siteRef);
    const row = policyRow(input, decimals, { item_id: itemId, site_id: siteId, updated_by: ctx.actor.id, updated_at: nowIso() });
    await repo.upsertPolicy(trx, row);
    const [evaluation] = await evaluatePolicies(trx, [row]);
    return { result: (evaluation as Evaluation).status, audit: [{ action: 'reorder_policy.set', entityType: 'item', entityId: itemId, details: { site: siteId, ...input } }] };
  });
}

export async function removeReorderPolicy(store: Store, ctx: CommandContext, itemRef: string, siteRef: string): Promise<CommandResult<null>> {
  return runCommand(store, ctx, { name: `reorder_policy.remove:${itemRef}:${siteRef}`, input: {} }, async (trx) => {
    const { itemId, siteId } = await resolvePair(trx, itemRef, siteRef);
    if (!(await repo.deletePolicy(trx, itemId, siteId))) throw notFound('reorder policy', `${itemRef} at ${siteRef}`);
    return { result: null, audit: [{ action: 'reorder_policy.removed', entityType: 'item', entityId: itemId, details: { site: siteId } }] };
  });
}

export interface ReorderQuery {
  site?: string | undefined;
  item?: string | undefined;
  /** Only policies whose stock position is below the reorder point: the low-stock alerts. */
  low?: boolean | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Policies with their levels and stock position, by site then item; with `low`, only the alerts. */
export async function listReorderStatus(db: Executor, query: ReorderQuery, today = new Date()): Promise<Page<ReorderStatus>> {
  const evaluations = await scanPolicies(db, query, today);
  return { data: evaluations.data.map((e) => e.status), nextCursor: evaluations.nextCursor };
}

/** Walks policies in key order, evaluating a chunk at a time, until `limit` matches or MAX_SCANNED rows were examined. */
export async function scanPolicies(db: Executor, query: ReorderQuery, today: Date): Promise<Page<Evaluation>> {
  const siteId = query.site === undefined ? undefined : (await resolveSite(db, query.site, '/site')).id;
  const itemId = query.item === undefined ? undefined : (await resolveItem(db, query.item, '/item')).id;
  let after = query.cursor === undefined ? undefined : decodeKey(query.cursor);
  const found: Evaluation[] = [];
  for (let scanned = 0; scanned < MAX_SCANNED; scanned += CHUNK) {
    const rows = await repo.listPolicyRows(db, { siteId, itemId, after, limit: CHUNK });
    const chunk = rows.slice(0, CHUNK);
    const evaluations = await evaluatePolicies(db, chunk, today);
    for (const [i, row] of chunk.entries()) {
      const evaluation = evaluations.find((e) => e.itemId === row.item_id && e.siteId === row.site_id);
      if (evaluation && (!query.low || evaluation.status.low)) found.push(evaluation);
      const more = i < chunk.length - 1 || rows.length > CHUNK;
      if (found.length === query.limit) return { data: found, nextCursor: more ? encodeKey(row) : null };
    }
    const last = chunk[chunk.length - 1];
    if (rows.length <= CHUNK || !last) return { data: found, nextCursor: null };
    after = { siteId: last.site_id, itemId: last.item_id };
  }
  return { data: found, nextCursor: after ? encodeKey({ site_id: after.siteId, item_id: after.itemId }) : null };
}

function policyRow(input: PolicyInput, decimals: number, keys: Pick<ReorderPolicyRow, 'item_id' | 'site_id' | 'updated_by' | 'updated_at'>): ReorderPolicyRow {
  if (input.method === 'manual') {
    const min = parseScaled(input.min, decimals, '/min');
    const max = parseScaled(input.max, decimals, '/max');
    validatePolicy({ kind: 'manual', min, max });
    return { ...keys, method: 'manual', min_quantity: min, max_quantity: max, safety_stock: null, cover_days: null, window_days: null, lead_time_days: null };
  }
  const safetyStock = parseScaled(input.safetyStock ?? '0', decimals, '/safetyStock');
  validatePolicy({ kind: 'computed', safetyStock, ...(input.coverDays !== undefined && { coverDays: input.coverDays }) });
  return {
    ...keys, method: 'computed', min_quantity: null, max_quantity: null, safety_stock: safetyStock,
    cover_days: input.coverDays ?? null, window_days: input.windowDays ?? null, lead_time_days: input.leadTimeDays ?? null,
  };
}

async function resolvePair(db: Executor, itemRef: string, siteRef: string) {
  const [item, site] = await Promise.all([resolveItem(db, itemRef, '/item'), resolveSite(db, siteRef, '/site')]);
  if (item.archived) throw new DomainError('rule-violation', `item ${item.sku} is archived`);
  return { itemId: item.id, siteId: site.id, decimals: item.decimals };
}

async function resolveItem(db: Executor, ref: string, path: string) {
  const item = (await resolveItemRefs(db, [{ ref, path }])).get(ref);
  if (!item) throw notFound('item', ref, path);
  return item;
}

export async function resolveSite(db: Executor, ref: string, path: string) {
  const site = (await resolveLocationRefs(db, [{ ref, path }])).get(ref);
  if (!site) throw notFound('location', ref, path);
  if (site.kind !== 'site') throw invalidField(path, `'${ref}' is not a site; reorder levels and orders are per site (a warehouse or store)`);
  return site;
}

function encodeKey(row: Pick<ReorderPolicyRow, 'site_id' | 'item_id'>): string {
  return encodeCursor(`${row.site_id}\u0000${row.item_id}`);
}

function decodeKey(cursor: string): { siteId: string; itemId: string } {
  const [siteId, itemId] = decodeCursor<string>(cursor, 'string').split('\u0000');
  if (!siteId || !itemId) throw invalidField('/cursor', 'cursor is not one this server issued');
  return { siteId, itemId };
}
