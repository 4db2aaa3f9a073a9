import type { Insertable, Updateable } from 'kysely';
import { preparedByCount } from '../db/prepared.js';
import type { Executor, LocationKind, LocationRow, LocationsTable } from '../db/schema.js';

export async function insertLocation(db: Executor, row: Insertable<LocationsTable>): Promise<void> {
  await db.insertInto('locations').values(row).execute();
}

export async function updateLocationRow(db: Executor, id: string, changes: Updateable<LocationsTable>): Promise<void> {
  await db.updateTable('locations').set(changes).where('id', '=', id).execute();
}

export async function findLocationByRef(db: Executor, ref: string): Promise<LocationRow | undefined> {
  const rows = await db.selectFrom('locations').selectAll().where((eb) => eb.or([eb('id', '=', ref), eb('code', '=', ref)])).execute();
  return rows.find((r) => r.id === ref) ?? rows[0];
}

const locationsByRefs = preparedByCount<LocationRow>(8, (db, refs) =>
  db.selectFrom('locations').selectAll().where((eb) => eb.or([eb('id', 'in', refs), eb('code', 'in', refs)])),
);

export async function findLocationsByRefs(db: Executor, refs: readonly string[]): Promise<LocationRow[]> {
  if (refs.length === 0) return [];
  return (await locationsByRefs(db, refs)).rows;
}

export async function findLocationsByIds(db: Executor, ids: readonly string[]): Promise<LocationRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('locations').selectAll().where('id', 'in', ids).execute();
}

export interface LocationFilter {
  kind?: LocationKind | undefined;
  parentId?: string | null | undefined;
  siteId?: string | undefined;
  includeArchived?: boolean | undefined;
  afterCode?: string | undefined;
  limit: number;
}

export async function listLocationRows(db: Executor, filter: LocationFilter): Promise<LocationRow[]> {
  let query = db.selectFrom('locations').selectAll();
  if (filter.kind) query = query.where('kind', '=', filter.kind);
  if (filter.parentId === null) query = query.where('parent_id', 'is', null);
  else if (filter.parentId !== undefined) query = query.where('parent_id', '=', filter.parentId);
  if (filter.siteId) query = query.where('site_id', '=', filter.siteId);
  if (!filter.includeArchived) query = query.where('archived_at', 'is', null);
  if (filter.afterCode !== undefined) query = query.where('code', '>', filter.afterCode);
  return query.orderBy('code').limit(filter.limit + 1).execute();
}

/** Every location of one site (or all physical ones), for building trees and roll-ups. */
export async function listPhysicalLocations(db: Executor, siteId?: string): Promise<LocationRow[]> {
  let query = db.selectFrom('locations').selectAll().where('kind', '<>', 'virtual').where('archived_at', 'is', null);
  if (siteId) query = query.where('site_id', '=', siteId);
  return query.orderBy('code').execute();
}

export async function listVirtualLocations(db: Executor): Promise<LocationRow[]> {
  return db.selectFrom('locations').selectAll().where('kind', '=', 'virtual').orderBy('code').execute();
}

export async function countChildren(db: Executor, id: string): Promise<number> {
  const row = await db.selectFrom('locations').select((eb) => eb.fn.countAll<number>().as('n')).where('parent_id', '=', id).where('archived_at', 'is', null).executeTakeFirstOrThrow();
  return Number(row.n);
}
