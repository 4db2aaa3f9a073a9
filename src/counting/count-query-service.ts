import { itemRefsByIds } from '../catalog/item-service.js';
import type { CountLineRow, CountRow, CountStatus, Executor } from '../db/schema.js';
import { getLocation, locationRefsByIds } from '../locations/location-service.js';
import type { Actor } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { decodeCursor, toPage, type Page } from '../shared/page.js';
import * as repo from './count-repository.js';
import type { Count, CountSummary } from './count-types.js';
import { toCount, toSummary, type ItemNames, type LocationNames } from './count-view.js';

export async function getCount(db: Executor, ref: string, actor: Actor): Promise<Count> {
  const row = await repo.findCountByRef(db, ref);
  if (!row) throw notFound('count', ref);
  return countView(db, row, actor);
}

/** The count with its lines as this actor may see them (a blind count hides expected figures from counters). */
export async function countView(db: Executor, row: CountRow, actor: Actor, lines?: CountLineRow[]): Promise<Count> {
  const rows = lines ?? (await repo.linesOf(db, row.id));
  const { items, locations } = await namesFor(db, rows, [row.site_id]);
  return toCount(row, rows, items, locations, actor);
}

export async function namesFor(db: Executor, lines: CountLineRow[], extraLocationIds: string[] = []): Promise<{ items: ItemNames; locations: LocationNames }> {
  const [items, locations] = await Promise.all([
    itemRefsByIds(db, lines.map((l) => l.item_id)),
    locationRefsByIds(db, [...lines.map((l) => l.location_id), ...extraLocationIds]),
  ]);
  return { items, locations };
}

export interface CountListQuery {
  status?: readonly CountStatus[] | undefined;
  site?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

export async function listCounts(db: Executor, query: CountListQuery): Promise<Page<CountSummary>> {
  const siteId = query.site === undefined ? undefined : (await getLocation(db, query.site)).id;
  const beforeId = query.cursor === undefined ? undefined : decodeCursor<string>(query.cursor, 'string');
  const rows = await repo.listCountRows(db, { status: query.status, siteId, beforeId, limit: query.limit });
  const sites = await locationRefsByIds(db, rows.map((r) => r.site_id));
  return toPage(rows, query.limit, (r) => r.id, (r) => toSummary(r, sites));
}
