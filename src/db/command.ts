import type { Transaction } from 'kysely';
import { canonicalJson, sha256 } from '../shared/canonical-json.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { nowIso } from '../shared/time.js';
import { preparedQuery } from './prepared.js';
import type { AuditRow, Executor, Schema } from './schema.js';
import { isUniqueViolation, type Store } from './store.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  reason?: string | null | undefined;
  details?: unknown;
}

export interface CommandOutcome<T> {
  result: T;
  audit: AuditEntry[];
}

export interface CommandResult<T> {
  result: T;
  /** True when an earlier request with the same Idempotency-Key produced this result. */
  replayed: boolean;
}

/**
 * The one way to change state: runs `work` in a write transaction together with its audit rows
 * and, when the request carried an Idempotency-Key, the stored result that makes a retry return
 * the first answer instead of doing the work twice.
 */
export async function runCommand<T>(
  store: Store,
  ctx: CommandContext,
  operation: { name: string; input: unknown },
  work: (trx: Transaction<Schema>) => Promise<CommandOutcome<T>>,
): Promise<CommandResult<T>> {
  const key = ctx.idempotencyKey;
  const requestHash = key === undefined ? '' : sha256(`${operation.name}\n${canonicalJson(operation.input)}`);
  try {
    return await store.write(async (trx) => {
      if (key !== undefined) {
        const earlier = await findStored<T>(trx, ctx.actor.id, key, requestHash);
        if (earlier) return earlier;
      }
      const outcome = await work(trx);
      await writeAudit(trx, ctx, outcome.audit);
      if (key !== undefined) await storeResult(trx, ctx.actor.id, key, requestHash, outcome.result);
      return { result: outcome.result, replayed: false };
    });
  } catch (error) {
    // Two requests with one key raced on PostgreSQL: the loser's work rolled back, either on the key's
    // unique index or refused because of the winner's effects (the last units it just shipped); answer
    // with the winner's result. A request that failed on its own finds nothing stored and keeps its error.
    if (key !== undefined && (isUniqueViolation(error) || error instanceof DomainError)) {
      const earlier = await findStored<T>(store.db, ctx.actor.id, key, requestHash);
      if (earlier) return earlier;
    }
    throw error;
  }
}

async function findStored<T>(db: Executor, actor: string, key: string, hash: string): Promise<CommandResult<T> | null> {
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'response'])
    .where('actor', '=', actor)
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== hash) {
    throw new DomainError(
      'idempotency-key-reuse',
      `Idempotency-Key '${key}' was already used for a different request`,
    );
  }
  return { result: JSON.parse(row.response) as T, replayed: true };
}

async function storeResult(db: Executor, actor: string, key: string, hash: string, result: unknown): Promise<void> {
  await db
    .insertInto('idempotency_keys')
    .values({ actor, key, request_hash: hash, response: JSON.stringify(result), created_at: nowIso() })
    .execute();
}

type AuditValues = Omit<AuditRow, 'seq'> & Record<string, unknown>;
const insertOneAudit = preparedQuery<AuditValues>(
  ['id', 'actor', 'actor_name', 'action', 'entity_type', 'entity_id', 'reason', 'details', 'at'],
  (db, row) => db.insertInto('audit_log').values(row),
);

/**
 * Writes audit rows now. Commands normally return their entries for runCommand to write; a command
 * that ends on a contended row writes them first, so that row's lock is held as briefly as possible.
 */
export async function writeAudit(db: Executor, ctx: CommandContext, entries: AuditEntry[]): Promise<void> {
  await insertAuditRows(db, auditRows(ctx, entries));
}

/** Writes audit rows made by `auditRows` (possibly of several commands, each with its own actor). */
export async function insertAuditRows(db: Executor, rows: Array<Omit<AuditRow, 'seq'>>): Promise<void> {
  if (rows.length === 1) await insertOneAudit(db, rows[0] as AuditValues);
  else if (rows.length > 1) await db.insertInto('audit_log').values(rows).execute();
}

/** The audit rows for these entries, for a statement that writes them together with its change. */
export function auditRows(ctx: CommandContext, entries: AuditEntry[]): Array<Omit<AuditRow, 'seq'>> {
  const at = nowIso();
  return entries.map((e) => ({
    id: newId(),
    actor: ctx.actor.id,
    actor_name: ctx.actor.name,
    action: e.action,
    entity_type: e.entityType,
    entity_id: e.entityId,
    reason: e.reason ?? null,
    details: e.details === undefined ? null : JSON.stringify(e.details),
    at,
  }));
}
