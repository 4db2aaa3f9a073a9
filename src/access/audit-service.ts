import type { AuditRow, Executor } from '../db/schema.js';
import { decodeCursor, toPage, type Page } from '../shared/page.js';
import { parseTimestamp } from '../shared/time.js';

export interface AuditEntry {
  id: string;
  seq: number;
  at: string;
  actor: { id: string; name: string };
  action: string;
  entity: { type: string; id: string };
  reason: string | null;
  details: unknown;
}

export interface AuditQuery {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

/** Who did what, when and why: newest first. */
export async function listAudit(db: Executor, query: AuditQuery): Promise<Page<AuditEntry>> {
  let q = db.selectFrom('audit_log').selectAll();
  if (query.entityType) q = q.where('entity_type', '=', query.entityType);
  if (query.entityId) q = q.where('entity_id', '=', query.entityId);
  if (query.actor) q = q.where('actor', '=', query.actor);
  if (query.action) q = q.where('action', '=', query.action);
  if (query.from) q = q.where('at', '>=', parseTimestamp(query.from, '/from'));
  if (query.to) q = q.where('at', '<', parseTimestamp(query.to, '/to'));
  if (query.cursor) q = q.where('seq', '<', decodeCursor<number>(query.cursor, 'number'));
  const rows = await q.orderBy('seq', 'desc').limit(query.limit + 1).execute();
  return toPage(rows, query.limit, (r) => Number(r.seq), toEntry);
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id, seq: Number(row.seq), at: row.at, actor: { id: row.actor, name: row.actor_name }, action: row.action,
    entity: { type: row.entity_type, id: row.entity_id }, reason: row.reason,
    details: row.details === null ? null : (JSON.parse(row.details) as unknown),
  };
}
