import type { ItemRef } from '../catalog/item-types.js';
import type { Executor, LotRow, ReturnLineRow, ReturnStatus, SerialRow } from '../db/schema.js';
import { customerLocationIds, locationRefsByIds } from '../locations/location-service.js';
import { DomainError, invalidField } from '../shared/errors.js';
import { formatScaled } from '../shared/quantity.js';
import { checkSerialNumbers } from '../tracking/lot-rules.js';
import * as tracking from '../tracking/tracking-repository.js';
import { committedToReturn } from './return-rules.js';
import * as repo from './return-tracking-repository.js';
import { onlyReturnableLot, shippedPerLot, shippedSerials, type ShipmentFlow } from './return-tracking-rules.js';
import { stateOf } from './return-view.js';

/**
 * What an order shipped of each item by lot and by serial, net of reversals, and what the
 * returns against it already take up of each lot. An order's lines of one item share these:
 * a shipment movement names the order, not the line.
 */
export interface OrderShipped {
  orderId: string;
  orderNumber: string;
  lots: Map<string, Map<string, number>>;
  serials: Map<string, string[]>;
  /** Per lot: taken up by returns (an open one its authorisation, a closed one what arrived), and by earlier lines of the request. */
  taken: Map<string, number>;
}

export async function loadOrderShipped(
  db: Executor, order: { id: string; number: string }, itemIds: readonly string[], returnLines: ReadonlyArray<ReturnLineRow & { status: ReturnStatus }>,
): Promise<OrderShipped> {
  const rows = await repo.orderFlows(db, order.id, itemIds);
  const carried = await tracking.serialsOfMovements(db, rows.map((r) => r.id));
  const flowsOf = (itemId: string): ShipmentFlow[] => rows.filter((r) => r.item_id === itemId)
    .map((r) => ({ lotId: r.lot_id, serials: carried.get(r.id) ?? [], quantity: r.quantity, toCustomer: r.to_customer }));
  const taken = new Map<string, number>();
  for (const line of returnLines) {
    if (line.lot_id !== null) taken.set(line.lot_id, (taken.get(line.lot_id) ?? 0) + committedToReturn(line.status, stateOf(line)));
  }
  const ids = [...new Set(itemIds)];
  return {
    orderId: order.id, orderNumber: order.number, taken,
    lots: new Map(ids.map((id) => [id, shippedPerLot(flowsOf(id))])),
    serials: new Map(ids.map((id) => [id, shippedSerials(flowsOf(id))])),
  };
}

/** A request line's lot and serials, before they are checked. */
export interface TrackingRequest {
  lot?: string | undefined;
  serials?: readonly string[] | undefined;
}

export interface LineTracking {
  lotId: string | null;
  serials: SerialRow[];
}

const NONE: LineTracking = { lotId: null, serials: [] };

/** Refuses a lot or serials named for an item not tracked that way. */
export function checkTrackingFits(item: ItemRef, request: TrackingRequest, path: string): void {
  if (item.tracking !== 'lot' && request.lot !== undefined) throw invalidField(`${path}/lot`, `${item.sku} is not lot-tracked`);
  if (item.tracking !== 'serial' && request.serials !== undefined) throw invalidField(`${path}/serials`, `${item.sku} is not serial-tracked`);
}

/**
 * The lot and serials of a return line against an order. A lot-tracked line takes the lot it
 * names, or the one lot with something left to return; it must have been shipped on the order,
 * and at most what shipped from it less what returns already take up comes back. A serial-tracked
 * line may name its serials now (each shipped on the order, still with the customer, on no other
 * return) or when they arrive.
 */
export async function trackingAgainstOrder(db: Executor, shipped: OrderShipped, item: ItemRef, request: TrackingRequest, quantity: number, path: string): Promise<LineTracking> {
  checkTrackingFits(item, request, path);
  if (item.tracking === 'serial') {
    if (request.serials === undefined) return NONE;
    return { lotId: null, serials: await returnableSerials(db, item, request.serials, quantity, `${path}/serials`, { shipped }) };
  }
  if (item.tracking !== 'lot') return NONE;
  const lots = shipped.lots.get(item.id) ?? new Map<string, number>();
  const left = new Map([...lots].map(([lotId, q]) => [lotId, Math.max(0, q - (shipped.taken.get(lotId) ?? 0))]));
  const names = new Map((await tracking.lotsByIds(db, [...lots.keys()])).map((l) => [l.id, l.lot_number]));
  const listed = [...lots].map(([lotId, q]) => `${names.get(lotId) ?? lotId} (${formatScaled(q, item.decimals)})`).join(', ');
  let lotId: string;
  if (request.lot === undefined) {
    const only = onlyReturnableLot(left);
    if (only === null) throw invalidField(`${path}/lot`, `${item.sku} shipped on ${shipped.orderNumber} from lots ${listed}: name the lot that comes back`);
    lotId = only;
  } else {
    const lot = await knownLot(db, item, request.lot, `${path}/lot`);
    if (!lots.has(lot.id)) throw invalidField(`${path}/lot`, `lot ${lot.lot_number} of ${item.sku} was not shipped on ${shipped.orderNumber} (shipped from ${listed || 'no lot'})`);
    lotId = lot.id;
  }
  const text = (n: number) => formatScaled(n, item.decimals);
  if (quantity > (left.get(lotId) ?? 0)) {
    const message = `at most ${text(left.get(lotId) ?? 0)} of lot ${names.get(lotId) ?? lotId} (${item.sku}) can come back: shipped ${text(lots.get(lotId) ?? 0)}, on returns already ${text(shipped.taken.get(lotId) ?? 0)}`;
    throw new DomainError('rule-violation', message, [{ path: `${path}/quantity`, message }]);
  }
  shipped.taken.set(lotId, (shipped.taken.get(lotId) ?? 0) + quantity);
  return { lotId, serials: [] };
}

/** A till return without an order names the lot (an existing one of the item) or the serials (each with the customer now). */
export async function trackingWithoutOrder(db: Executor, item: ItemRef, request: TrackingRequest, quantity: number, path: string): Promise<LineTracking> {
  checkTrackingFits(item, request, path);
  if (item.tracking === 'lot') {
    if (request.lot === undefined) throw invalidField(`${path}/lot`, `${item.sku} is lot-tracked: name the lot that comes back`);
    return { lotId: (await knownLot(db, item, request.lot, `${path}/lot`)).id, serials: [] };
  }
  if (item.tracking === 'serial') {
    if (request.serials === undefined) throw invalidField(`${path}/serials`, `${item.sku} is serial-tracked: name the serials that come back, one per unit`);
    return { lotId: null, serials: await returnableSerials(db, item, request.serials, quantity, `${path}/serials`, {}) };
  }
  return NONE;
}

/** A lot of the item by number or id; an unknown one is a bad field (the customer cannot return a lot that never existed). */
export async function knownLot(db: Executor, item: ItemRef, ref: string, path: string): Promise<LotRow> {
  if (ref.trim() === '') throw invalidField(path, 'a lot number cannot be empty');
  const lot = await tracking.findLot(db, item.id, ref);
  if (!lot) throw invalidField(path, `${item.sku} has no lot '${ref}'`);
  return lot;
}

export interface SerialScope {
  /** Against an order: only serials it shipped, and not those that already came back on one of its returns. */
  shipped?: OrderShipped | undefined;
  /** A return whose own claims do not count against it (its receipt of the serials it authorised). */
  exceptReturnId?: string | undefined;
}

/**
 * Serials that may come back: as many as units, each a serial of the item that is with the
 * customer now and claimed by no other open return; against an order, one it shipped that has not
 * already come back on one of its returns. Answers the rows in the order given.
 */
export async function returnableSerials(db: Executor, item: ItemRef, given: readonly string[], quantity: number, path: string, scope: SerialScope): Promise<SerialRow[]> {
  const numbers = checkSerialNumbers(given, path);
  if (numbers.length !== quantity) throw invalidField(path, `${item.sku} is serial-tracked: ${quantity} units need ${quantity} serial numbers, ${numbers.length} given`);
  const found = new Map((await tracking.findSerials(db, item.id, numbers)).map((s) => [s.serial_number, s]));
  const rows = numbers.map((number, i) => {
    const row = found.get(number);
    if (!row) throw invalidField(`${path}/${i}`, `${item.sku} has no serial ${number}`);
    if (scope.shipped && !(scope.shipped.serials.get(item.id) ?? []).includes(number)) throw invalidField(`${path}/${i}`, `serial ${number} was not shipped on ${scope.shipped.orderNumber}`);
    return row;
  });
  const at = (number: string) => `${path}/${numbers.indexOf(number)}`;
  const conflict = (number: string, message: string) => new DomainError('conflict', message, [{ path: at(number), message }]);
  const numberOf = new Map(rows.map((r) => [r.id, r.serial_number]));
  if (scope.shipped) {
    const [back] = await repo.receivedAgainstOrder(db, scope.shipped.orderId, rows.map((r) => r.id));
    if (back) throw conflict(numberOf.get(back.serial_id) ?? '', `serial ${numberOf.get(back.serial_id) ?? ''} already came back on ${back.number}`);
  }
  const customers = await customerLocationIds(db);
  const away = rows.filter((r) => !customers.includes(r.location_id));
  if (away.length > 0) {
    const places = await locationRefsByIds(db, away.map((r) => r.location_id));
    const first = away[0] as SerialRow;
    throw conflict(first.serial_number, `serial ${first.serial_number} is at ${places.get(first.location_id)?.code ?? first.location_id}, not with the customer`);
  }
  const [claimed] = await repo.openClaims(db, rows.map((r) => r.id), scope.exceptReturnId);
  if (claimed) throw conflict(numberOf.get(claimed.serial_id) ?? '', `serial ${numberOf.get(claimed.serial_id) ?? ''} is already on ${claimed.number}`);
  return rows;
}
