import { itemRefsByIds } from '../catalog/item-service.js';
import type { CountLineRow, CountRow, CountStatus, Executor } from '../db/schema.js';
import { getLocation, locationRefsByIds } from '../locations/location-service.js';
import type { Actor } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { decodeCursor, toPage, type Page } from '../shared/page.js';
import { lotsWithIds } from '../tracking/tracking-lookup.js';
import * as repo from './count-repository.js';
import type { Count, CountSummary } from './count-types.js';
import { toCount, toSummary, type ItemNames, type LineSerials, type LineTracking, type LocationNames } from './count-view.js';

export async function getCount(db: Executor, ref: string, actor: Actor): Promise<Count> {
  const row = await repo.findCountByRef(db, ref);
  if (!row) throw notFound('count', ref);
  return countView(db, row, actor);
}

/** The count with its lines as this actor may see them (a blind count hides expected figures from counters). */
export async function countView(db: Executor, row: CountRow, actor: Actor, lines?: CountLineRow[]): Promise<Count> {
  const rows = lines ?? (await repo.linesOf(db, row.id));
  const [names, tracking] = await Promise.all([namesFor(db, rows, [row.site_id]), trackingOf(db, rows)]);
  return toCount(row, rows, { ...names, tracking }, actor);
}

/** The lots the lines count and the serials of each serial line (expected, on hand at the entry, counted). */
export async function trackingOf(db: Executor, lines: CountLineRow[]): Promise<LineTracking> {
  const [lots, serialRows] = await Promise.all([
    lotsWithIds(db, lines.flatMap((l) => (l.lot_id === null ? [] : [l.lot_id]))),
    repo.serialsOfLines(db, lines.map((l) => l.id)),
  ]);
  const serials = new Map<string, LineSerials>();
  for (const r of serialRows) {
    const entry = serials.get(r.line_id) ?? { expected: [], onHand: [], counted: [] };
    (r.role === 'expected' ? entry.expected : r.role === 'on_hand' ? entry.onHand : entry.counted).push(r.serial_number);
    serials.set(r.line_id, entry);
  }
  return { lots, serials };
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
