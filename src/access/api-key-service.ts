import { runCommand, type CommandResult } from '../db/command.js';
import type { ApiKeyRow, Executor } from '../db/schema.js';
import { isUniqueViolation, type Store } from '../db/store.js';
import type { Actor, CommandContext } from '../shared/context.js';
import { DomainError, notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { nowIso } from '../shared/time.js';
import { generateApiKey, hashApiKey, keyPrefix, type Role } from './api-key-rules.js';
import * as repo from './api-key-repository.js';

export interface ApiKeyInfo {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  createdAt: string;
  revokedAt: string | null;
}

const ENV_ADMIN_ID = 'env-admin';
const CACHE_TTL_MS = 5_000;

export async function createApiKey(store: Store, ctx: CommandContext, input: { name: string; role: Role }): Promise<CommandResult<ApiKeyInfo & { key: string }>> {
  return runCommand(store, ctx, { name: 'api-key.create', input }, async (trx) => {
    const key = generateApiKey();
    const row = keyRow(newId(), input.name, input.role, key);
    await repo.insertApiKey(trx, row);
    return { result: { ...toInfo(row), key }, audit: [{ action: 'api_key.created', entityType: 'api_key', entityId: row.id, details: { name: input.name, role: input.role } }] };
  });
}

export async function revokeApiKey(store: Store, ctx: CommandContext, id: string): Promise<CommandResult<ApiKeyInfo>> {
  return runCommand(store, ctx, { name: `api-key.revoke:${id}`, input: {} }, async (trx) => {
    const row = await repo.findApiKey(trx, id);
    if (!row) throw notFound('API key', id);
    if (!(await repo.revokeKey(trx, id, nowIso()))) throw new DomainError('rule-violation', `API key ${id} is already revoked`);
    return { result: toInfo({ ...row, revoked_at: nowIso() }), audit: [{ action: 'api_key.revoked', entityType: 'api_key', entityId: id }] };
  });
}

export async function listApiKeys(db: Executor): Promise<ApiKeyInfo[]> {
  return (await repo.listApiKeyRows(db)).map(toInfo);
}

/**
 * Makes sure someone can sign in: the key from STOCKROOM_ADMIN_KEY when set, otherwise a new
 * admin key generated on the very first start (returned so it can be printed once).
 */
export async function ensureAdminKey(store: Store, configuredKey: string | undefined): Promise<string | null> {
  if (configuredKey) {
    const upsert = () => store.write((trx) => repo.upsertKeyHash(trx, keyRow(ENV_ADMIN_ID, 'admin (STOCKROOM_ADMIN_KEY)', 'admin', configuredKey)));
    try {
      await upsert();
    } catch (error) {
      // Two processes starting together insert the same row; on PostgreSQL the second can trip the key-hash
      // index before its conflict on the id is seen. The row exists by then, so once more takes the update path.
      if (!isUniqueViolation(error)) throw error;
      await upsert();
    }
    return null;
  }
  return store.write(async (trx) => {
    if ((await repo.countActiveKeys(trx)) > 0) return null;
    const key = generateApiKey();
    await repo.insertApiKey(trx, keyRow(newId(), 'admin (first start)', 'admin', key));
    return key;
  });
}

/**
 * Resolves a presented key to its actor. Answers are cached for a few seconds per process, so a
 * revocation reaches every server process within that time.
 */
export function createAuthenticator(db: Executor): (key: string) => Promise<Actor | null> {
  const cache = new Map<string, { actor: Actor | null; until: number }>();
  return async (key) => {
    const hash = hashApiKey(key);
    const hit = cache.get(hash);
    if (hit && hit.until > Date.now()) return hit.actor;
    const row = await repo.findActiveKeyByHash(db, hash);
    const actor: Actor | null = row ? { id: `api-key:${row.id}`, name: row.name, role: row.role as Role } : null;
    if (cache.size > 10_000) cache.clear();
    cache.set(hash, { actor, until: Date.now() + CACHE_TTL_MS });
    return actor;
  };
}

function keyRow(id: string, name: string, role: Role, key: string): ApiKeyRow {
  return { id, name, role, key_hash: hashApiKey(key), key_prefix: keyPrefix(key), created_at: nowIso(), revoked_at: null };
}

function toInfo(row: ApiKeyRow): ApiKeyInfo {
  return { id: row.id, name: row.name, role: row.role as Role, prefix: row.key_prefix, createdAt: row.created_at, revokedAt: row.revoked_at };
}
