import type { Insertable } from 'kysely';
import type { Executor, ReorderPoliciesTable, ReorderPolicyRow } from '../db/schema.js';

export async function upsertPolicy(db: Executor, row: Insertable<ReorderPoliciesTable>): Promise<void> {
  const { item_id: _item, site_id: _site, ...changes } = row;
  await db
    .insertInto('reorder_policies')
    .values(row)
    .onConflict((oc) => oc.columns(['item_id', 'site_id']).doUpdateSet(changes))
    .execute();
}

export async function deletePolicy(db: Executor, itemId: string, siteId: string): Promise<boolean> {
  const result = await db.deleteFrom('reorder_policies').where('item_id', '=', itemId).where('site_id', '=', siteId).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function findPolicy(db: Executor, itemId: string, siteId: string): Promise<ReorderPolicyRow | undefined> {
  return db.selectFrom('reorder_policies').selectAll().where('item_id', '=', itemId).where('site_id', '=', siteId).executeTakeFirst();
}

export interface PolicyFilter {
  siteId?: string | undefined;
  itemId?: string | undefined;
  /** Key of the last row of the previous page. */
  after?: { siteId: string; itemId: string } | undefined;
  limit: number;
}

/** Policies in (site, item) order, one more than `limit` so the caller knows whether a next page exists. */
export async function listPolicyRows(db: Executor, filter: PolicyFilter): Promise<ReorderPolicyRow[]> {
  let query = db.selectFrom('reorder_policies').selectAll();
  if (filter.siteId !== undefined) query = query.where('site_id', '=', filter.siteId);
  if (filter.itemId !== undefined) query = query.where('item_id', '=', filter.itemId);
  const after = filter.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([eb('site_id', '>', after.siteId), eb.and([eb('site_id', '=', after.siteId), eb('item_id', '>', after.itemId)])]),
    );
  }
  return query.orderBy('site_id').orderBy('item_id').limit(filter.limit + 1).execute();
}
