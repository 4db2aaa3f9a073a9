import { runCommand, type CommandResult } from '../db/command.js';
import type { Executor, LocationKind, LocationRow, VirtualKind } from '../db/schema.js';
import { isUniqueViolation, type Store } from '../db/store.js';
import { hasStockAt } from '../ledger/balance-repository.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField, notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { decodeCursor, toPage, type Page } from '../shared/page.js';
import { indexReferences, type FieldRef } from '../shared/references.js';
import { nowIso } from '../shared/time.js';
import { formatCoordinate, mayGoNegative, parentProblem, parseCoordinate } from './location-rules.js';
import * as repo from './location-repository.js';
import type { Location, LocationChanges, LocationNode, LocationRef, NewLocation } from './location-types.js';

export async function createLocation(store: Store, ctx: CommandContext, input: NewLocation): Promise<CommandResult<Location>> {
  return runCommand(store, ctx, { name: 'location.create', input }, async (trx) => {
    const parentRef = input.parent ?? null;
    const parent = parentRef === null ? null : (await resolveLocationRefs(trx, [{ ref: parentRef, path: '/parent' }])).get(parentRef) ?? null;
    const problem = parentProblem(input.kind, parent?.kind ?? null);
    if (problem) throw invalidField('/parent', problem);
    const id = newId();
    const now = nowIso();
    const virtualKind: VirtualKind | null = input.kind === 'virtual' ? (parent?.virtualKind ?? null) : null;
    if (input.kind === 'virtual' && virtualKind === null) throw invalidField('/parent', 'a virtual location must sit under one of the built-in virtual locations');
    try {
      await repo.insertLocation(trx, {
        id, code: input.code, name: input.name, kind: input.kind, virtual_kind: virtualKind, parent_id: parent?.id ?? null,
        site_id: input.kind === 'site' ? id : (parent?.siteId ?? null),
        sellable: input.kind === 'virtual' ? 0 : (input.sellable ?? parent?.sellable ?? true) ? 1 : 0,
        allow_negative: input.kind === 'virtual' || input.allowNegative ? 1 : 0,
        archived_at: null, created_at: now, updated_at: now, ...geography(input.kind, input),
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('conflict', `location code '${input.code}' is taken`, [{ path: '/code', message: 'code is taken' }]);
      throw error;
    }
    return { result: await getLocation(trx, id), audit: [{ action: 'location.created', entityType: 'location', entityId: id, details: { code: input.code } }] };
  });
}

export async function updateLocation(store: Store, ctx: CommandContext, ref: string, changes: LocationChanges): Promise<CommandResult<Location>> {
  return runCommand(store, ctx, { name: `location.update:${ref}`, input: changes }, async (trx) => {
    const row = await requireLocation(trx, ref);
    if (row.kind === 'virtual' && (changes.sellable !== undefined || changes.allowNegative !== undefined)) {
      throw invalidField(changes.sellable !== undefined ? '/sellable' : '/allowNegative', 'virtual locations are never sellable and may always go negative');
    }
    await repo.updateLocationRow(trx, row.id, {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.sellable !== undefined && { sellable: changes.sellable ? 1 : 0 }),
      ...(changes.allowNegative !== undefined && { allow_negative: changes.allowNegative ? 1 : 0 }),
      ...geography(row.kind, changes),
      updated_at: nowIso(),
    });
    return { result: await getLocation(trx, row.id), audit: [{ action: 'location.updated', entityType: 'location', entityId: row.id, details: changes }] };
  });
}

/** A location can be archived only when nothing is in it and nothing sits under it. */
export async function archiveLocation(store: Store, ctx: CommandContext, ref: string): Promise<CommandResult<Location>> {
  return runCommand(store, ctx, { name: `location.archive:${ref}`, input: {} }, async (trx) => {
    const row = await requireLocation(trx, ref);
    if (row.kind === 'virtual' && row.parent_id === null) throw new DomainError('rule-violation', 'built-in virtual locations cannot be archived');
    if (await hasStockAt(trx, row.id)) throw new DomainError('rule-violation', `location '${row.code}' still holds or reserves stock`);
    if ((await repo.countChildren(trx, row.id)) > 0) throw new DomainError('rule-violation', `location '${row.code}' still has child locations`);
    await repo.updateLocationRow(trx, row.id, { archived_at: nowIso(), updated_at: nowIso() });
    return { result: await getLocation(trx, row.id), audit: [{ action: 'location.archived', entityType: 'location', entityId: row.id }] };
  });
}

export async function getLocation(db: Executor, ref: string): Promise<Location> {
  return toLocation(await requireLocation(db, ref));
}

export interface ListLocationsQuery {
  kind?: LocationKind | undefined;
  parent?: string | undefined;
  site?: string | undefined;
  includeArchived?: boolean | undefined;
  cursor?: string | undefined;
  limit: number;
}

export async function listLocations(db: Executor, query: ListLocationsQuery): Promise<Page<Location>> {
  const parentId = query.parent === undefined ? undefined : (await requireLocation(db, query.parent, '/parent')).id;
  const siteId = query.site === undefined ? undefined : (await requireLocation(db, query.site, '/site')).id;
  const afterCode = query.cursor === undefined ? undefined : decodeCursor<string>(query.cursor, 'string');
  const rows = await repo.listLocationRows(db, { ...query, parentId, siteId, afterCode });
  return toPage(rows, query.limit, (r) => r.code, toLocation);
}

/** Sites with their zones and bins nested, optionally for one site only. */
export async function locationTree(db: Executor, siteRef?: string): Promise<LocationNode[]> {
  const siteId = siteRef === undefined ? undefined : (await requireLocation(db, siteRef, '/site')).site_id ?? undefined;
  const rows = await repo.listPhysicalLocations(db, siteId);
  const nodes = new Map(rows.map((r) => [r.id, { ...toLocation(r), children: [] as LocationNode[] }]));
  const roots: LocationNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Resolves location references (id or code) for an operation, reporting each bad one at its field. */
export async function resolveLocationRefs(db: Executor, refs: FieldRef[]): Promise<Map<string, LocationRef>> {
  const rows = await repo.findLocationsByRefs(db, [...new Set(refs.map((r) => r.ref))]);
  return indexReferences('location', refs, rows.map((row) => ({ id: row.id, naturalKey: row.code, value: toRef(row) })));
}

export async function locationRefsByIds(db: Executor, ids: readonly string[]): Promise<Map<string, LocationRef>> {
  const rows = await repo.findLocationsByIds(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, toRef(r)]));
}

/** The location and everything nested under it: a site's movements include its zones' and bins'. */
export async function locationIdsWithin(db: Executor, ref: string): Promise<string[]> {
  const root = await requireLocation(db, ref, '/location');
  const candidates = root.kind === 'virtual' ? await repo.listVirtualLocations(db) : await repo.listPhysicalLocations(db, root.site_id ?? undefined);
  const ids = [root.id];
  for (let i = 0; i < ids.length; i++) {
    for (const c of candidates) if (c.parent_id === ids[i]) ids.push(c.id);
  }
  return ids;
}

export async function virtualLocationIds(db: Executor): Promise<string[]> {
  return (await repo.listVirtualLocations(db)).map((l) => l.id);
}

/** Locations stock is sold to: virtual locations of kind customer. */
export async function customerLocationIds(db: Executor): Promise<string[]> {
  const virtual = await locationRefsByIds(db, await virtualLocationIds(db));
  return [...virtual.values()].filter((l) => l.virtualKind === 'customer').map((l) => l.id);
}

export async function physicalLocations(db: Executor, siteId?: string): Promise<LocationRef[]> {
  return (await repo.listPhysicalLocations(db, siteId)).map(toRef);
}

/** The full locations of these ids (archived ones included), e.g. sites with their coordinates for routing. */
export async function locationsByIds(db: Executor, ids: readonly string[]): Promise<Location[]> {
  return (await repo.findLocationsByIds(db, [...new Set(ids)])).map(toLocation);
}

type Geography = Pick<LocationChanges, 'latitude' | 'longitude' | 'region'>;

/** Coordinates and region are routing facts of a site; only the fields given are set (null clears one). */
function geography(kind: LocationKind, input: Geography): Partial<Pick<LocationRow, 'latitude_micro' | 'longitude_micro' | 'region'>> {
  const given = (['latitude', 'longitude', 'region'] as const).find((f) => input[f] !== undefined);
  if (given === undefined) return {};
  if (kind !== 'site') throw invalidField(`/${given}`, 'only a site has coordinates and a region');
  return {
    ...(input.latitude !== undefined && { latitude_micro: input.latitude === null ? null : parseCoordinate(input.latitude, 'latitude', '/latitude') }),
    ...(input.longitude !== undefined && { longitude_micro: input.longitude === null ? null : parseCoordinate(input.longitude, 'longitude', '/longitude') }),
    ...(input.region !== undefined && { region: input.region }),
  };
}

function toRef(row: LocationRow): LocationRef {
  return {
    id: row.id, code: row.code, name: row.name, kind: row.kind, virtualKind: row.virtual_kind, siteId: row.site_id,
    sellable: row.sellable === 1, mayGoNegative: mayGoNegative(row), archived: row.archived_at !== null,
  };
}

function toLocation(row: LocationRow): Location {
  return {
    id: row.id, code: row.code, name: row.name, kind: row.kind, virtualKind: row.virtual_kind, parentId: row.parent_id,
    siteId: row.site_id, sellable: row.sellable === 1, allowNegative: row.allow_negative === 1,
    archived: row.archived_at !== null, createdAt: row.created_at, updatedAt: row.updated_at,
    latitude: formatCoordinate(row.latitude_micro === null ? null : Number(row.latitude_micro)),
    longitude: formatCoordinate(row.longitude_micro === null ? null : Number(row.longitude_micro)), region: row.region,
  };
}

async function requireLocation(db: Executor, ref: string, path?: string): Promise<LocationRow> {
  const row = await repo.findLocationByRef(db, ref);
  if (!row) throw notFound('location', ref, path);
  return row;
}
