import type { Updateable } from 'kysely';
import type { Executor, ReasonCodesTable } from '../db/schema.js';

export interface ReasonCodeRow {
  code: string;
  name: string;
  archived_at: string | null;
}

export async function listReasonCodeRows(db: Executor, includeArchived = false): Promise<ReasonCodeRow[]> {
  let query = db.selectFrom('reason_codes').select(['code', 'name', 'archived_at']);
  if (!includeArchived) query = query.where('archived_at', 'is', null);
  return query.orderBy('code').execute();
}

export async function findReasonCode(db: Executor, code: string): Promise<ReasonCodeRow | undefined> {
  return db.selectFrom('reason_codes').select(['code', 'name', 'archived_at']).where('code', '=', code).executeTakeFirst();
}

export async function insertReasonCode(db: Executor, row: { code: string; name: string; created_at: string }): Promise<void> {
  await db.insertInto('reason_codes').values({ ...row, archived_at: null }).execute();
}

export async function updateReasonCodeRow(db: Executor, code: string, changes: Updateable<ReasonCodesTable>): Promise<void> {
  await db.updateTable('reason_codes').set(changes).where('code', '=', code).execute();
}
