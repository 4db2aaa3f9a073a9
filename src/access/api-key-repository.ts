import type { ApiKeyRow, Executor } from '../db/schema.js';

export async function insertApiKey(db: Executor, row: ApiKeyRow): Promise<void> {
  await db.insertInto('api_keys').values(row).execute();
}

export async function findActiveKeyByHash(db: Executor, hash: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('key_hash', '=', hash).where('revoked_at', 'is', null).executeTakeFirst();
}

export async function findApiKey(db: Executor, id: string): Promise<ApiKeyRow | undefined> {
  return db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listApiKeyRows(db: Executor): Promise<ApiKeyRow[]> {
  return db.selectFrom('api_keys').selectAll().orderBy('created_at').limit(1000).execute();
}

export async function countActiveKeys(db: Executor): Promise<number> {
  const row = await db.selectFrom('api_keys').select((eb) => eb.fn.countAll<number>().as('n')).where('revoked_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function revokeKey(db: Executor, id: string, at: string): Promise<boolean> {
  const result = await db.updateTable('api_keys').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The key configured by STOCKROOM_ADMIN_KEY keeps one row whose hash follows the setting. */
export async function upsertKeyHash(db: Executor, row: ApiKeyRow): Promise<void> {
  await db
    .insertInto('api_keys')
    .values(row)
    .onConflict((oc) => oc.column('id').doUpdateSet({ key_hash: row.key_hash, key_prefix: row.key_prefix, revoked_at: null }))
    .execute();
}
