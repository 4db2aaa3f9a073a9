import type { Executor } from '../db/schema.js';

export async function listReasonCodeRows(db: Executor): Promise<Array<{ code: string; name: string }>> {
  return db.selectFrom('reason_codes').select(['code', 'name']).orderBy('code').execute();
}

export async function reasonCodeExists(db: Executor, code: string): Promise<boolean> {
  return (await db.selectFrom('reason_codes').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export async function insertReasonCode(db: Executor, row: { code: string; name: string; created_at: string }): Promise<void> {
  await db.insertInto('reason_codes').values(row).execute();
}
