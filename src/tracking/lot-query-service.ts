import { getItem, itemRefsByIds } from '../catalog/item-service.js';
import type { Executor, LotBalanceRow, LotRow } from '../db/schema.js';
import { listLotBalanceRows } from '../ledger/lot-balance-repository.js';
import { listMovementRows } from '../ledger/movement-repository.js';
import { getLocation, locationRefsByIds } from '../locations/location-service.js';
import { toMovements } from '../operations/movement-dto.js';
import { notFound } from '../shared/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../shared/page.js';
import { formatScaled } from '../shared/quantity.js';
import { nowIso } from '../shared/time.js';
import { isExpired } from './fefo-rules.js';
import { utcToday } from './lot-rules.js';
import * as repo from './tracking-repository.js';
import type { Lot, LotTrace } from './tracking-types.js';

/** A recall lists at most this many movements of one lot (the totals always cover all of them). */
const MAX_TRACE_MOVEMENTS = 1000;
const NO_EXPIRY = '9999-12-31';
const MS_PER_DAY = 86_400_000;

export interface LotQuery {
  item?: string | undefined;
  expiringWithinDays?: number | undefined;
  expired?: boolean | undefined;
  withStock?: boolean | undefined;
  location?: string | undefined;
  cursor?: string | undefined;
  limit: number;
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10);

/** Lots by expiry (earliest first, lots without expiry last), filtered by item, expiry window, expired, stock (anywhere, or at a location). */
export async function listLots(db: Executor, query: LotQuery): Promise<Page<Lot>> {
  const today = utcToday(nowIso());
  const itemId = query.item === undefined ? undefined : (await getItem(db, query.item)).id;
  const locationId = query.location === undefined ? undefined : (await getLocation(db, query.location)).id;
  const after = query.cursor === undefined ? undefined : splitKey(decodeCursor<string>(query.cursor, 'string'));
  const rows = await repo.listLotRows(db, {
    itemId, locationId, afterKey: after, limit: query.limit, withStock: query.withStock,
    expiresBy: query.expiringWithinDays === undefined ? undefined : addDays(today, query.expiringWithinDays),
    expiredBefore: query.expired ? today : undefined,
  });
  const pageRows = rows.slice(0, query.limit);
  const last = pageRows[pageRows.length - 1];
  return {
    data: await toLots(db, pageRows, today),
    nextCursor: rows.length > query.limit && last ? encodeCursor(`${last.expires_on ?? NO_EXPIRY}\u0000${last.id}`) : null,
  };
}

/** The expiry alert list: lots with stock that expire within `withinDays`, and those already expired with stock. */
export async function expiringLots(db: Executor, query: { withinDays: number; item?: string | undefined; cursor?: string | undefined; limit: number }): Promise<Page<Lot>> {
  return listLots(db, { item: query.item, expiringWithinDays: query.withinDays, withStock: true, cursor: query.cursor, limit: query.limit });
}

export async function getLot(db: Executor, id: string): Promise<Lot> {
  const [row] = await repo.lotsByIds(db, [id]);
  if (!row) throw notFound('lot', id);
  return (await toLots(db, [row], utcToday(nowIso())))[0] as Lot;
}

/** A recall: every movement of the lot, where units went to customers (by document and reference) and what remains where. */
export async function traceLot(db: Executor, id: string): Promise<LotTrace> {
  const lot = await getLot(db, id);
  const [rows, item] = await Promise.all([
    listMovementRows(db, { lotId: id, order: 'asc', limit: MAX_TRACE_MOVEMENTS }),
    itemRefsByIds(db, [lot.item.id]).then((m) => m.get(lot.item.id)),
  ]);
  const decimals = item?.decimals ?? 0;
  const shown = rows.slice(0, MAX_TRACE_MOVEMENTS);
  const places = await locationRefsByIds(db, shown.flatMap((m) => [m.from_location_id, m.to_location_id]));
  const movements = await toMovements(db, shown);
  const kindOf = (locationId: string) => places.get(locationId);
  const received = shown.filter((m) => kindOf(m.from_location_id)?.virtualKind === 'supplier').reduce((s, m) => s + Number(m.quantity), 0);
  const shipped = shown.flatMap((m) => {
    const to = kindOf(m.to_location_id);
    if (to?.virtualKind !== 'customer') return [];
    return [{
      to: { id: to.id, code: to.code }, document: m.document_type && m.document_id ? { type: m.document_type, id: m.document_id } : null,
      reference: m.reference, quantity: formatScaled(Number(m.quantity), decimals), occurredAt: m.occurred_at,
    }];
  });
  return {
    lot, received: formatScaled(received, decimals), shipped,
    remaining: lot.locations.filter((l) => l.onHand !== '0' || l.reserved !== '0').map((l) => ({ location: l.location, onHand: l.onHand, reserved: l.reserved })),
    movements, movementsTruncated: rows.length > MAX_TRACE_MOVEMENTS,
  };
}

async function toLots(db: Executor, rows: LotRow[], today: string): Promise<Lot[]> {
  const [items, balances] = await Promise.all([itemRefsByIds(db, rows.map((r) => r.item_id)), listLotBalanceRows(db, { lotIds: rows.map((r) => r.id), nonZeroOnly: true })]);
  const places = await locationRefsByIds(db, balances.map((b) => b.location_id));
  return rows.map((row) => {
    const decimals = items.get(row.item_id)?.decimals ?? 0;
    const expired = isExpired(row.expires_on, today);
    const here = balances.filter((b) => b.lot_id === row.id && places.get(b.location_id)?.kind !== 'virtual');
    const total = (pick: (b: LotBalanceRow) => number) => formatScaled(here.reduce((s, b) => s + pick(b), 0), decimals);
    return {
      id: row.id, item: { id: row.item_id, sku: items.get(row.item_id)?.sku ?? row.item_id }, number: row.lot_number,
      manufacturedOn: row.manufactured_on, expiresOn: row.expires_on, expired,
      daysLeft: row.expires_on === null ? null : Math.round((Date.parse(`${row.expires_on}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / MS_PER_DAY),
      firstReceivedAt: row.first_received_at, onHand: total((b) => Number(b.on_hand)), reserved: total((b) => Number(b.reserved)),
      locations: here.map((b) => {
        const place = places.get(b.location_id);
        const free = expired || !place?.sellable ? 0 : Math.max(0, Number(b.on_hand) - Number(b.reserved));
        return {
          location: { id: b.location_id, code: place?.code ?? b.location_id },
          onHand: formatScaled(Number(b.on_hand), decimals), reserved: formatScaled(Number(b.reserved), decimals), available: formatScaled(free, decimals),
        };
      }),
    };
  });
}

function splitKey(key: string): { expiresOn: string; id: string } {
  const [expiresOn = NO_EXPIRY, id = ''] = key.split('\u0000');
  return { expiresOn, id };
}
