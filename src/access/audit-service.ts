import type { AuditRow, Executor } from '../db/schema.js';
import { decodeCursor, toPage, type Page } from '../shared/page.js';
import { parseTimestamp } from '../shared/time.js';
import { listAuditRows } from './audit-repository.js';
import type { AuditEntry } from './audit-types.js';

export type { AuditEntry } from './audit-types.js';

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
  const rows = await listAuditRows(db, {
    ...query,
    from: query.from === undefined ? undefined : parseTimestamp(query.from, '/from'),
    to: query.to === undefined ? undefined : parseTimestamp(query.to, '/to'),
    beforeSeq: query.cursor === undefined ? undefined : decodeCursor<number>(query.cursor, 'number'),
  });
  return toPage(rows, query.limit, (r) => Number(r.seq), toEntry);
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id, seq: Number(row.seq), at: row.at, actor: { id: row.actor, name: row.actor_name }, action: row.action,
    entity: { type: row.entity_type, id: row.entity_id }, reason: row.reason,
    details: row.details === null ? null : (JSON.parse(row.details) as unknown),
  };
}
