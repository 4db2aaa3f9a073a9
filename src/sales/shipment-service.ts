import { findItemByBarcode, itemRefsByIds } from '../catalog/item-service.js';
import { runCommand, type CommandResult } from '../db/command.js';
import type { Executor, ReservationRow, SalesOrderLineRow, SalesOrderRow } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { postMovements } from '../ledger/posting.js';
import { useHold } from '../ledger/reservations.js';
import { toMovementsWith, type Movement } from '../operations/movement-dto.js';
import { draft, postingMeta, resolveRefs } from '../operations/refs.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField } from '../shared/errors.js';
import { formatScaled, parsePositiveScaled } from '../shared/quantity.js';
import { nowIso, parseOccurredAt } from '../shared/time.js';
import { locationRefsByIds } from '../locations/location-service.js';
import { applyTracking, type TrackedLine } from '../tracking/tracked-drafts.js';
import { heldLotsToUse } from '../tracking/tracked-holds.js';
import { serialPlaces } from '../tracking/serial-service.js';
import { statusFromLines } from './order-rules.js';
import * as repo from './order-repository.js';
import { audit, confirmHolds, lockFor, setStatus } from './order-transitions.js';
import type { SalesOrder, ShipInput } from './order-types.js';
import { activeHoldsOf, holdsWithReservations, toSalesOrders } from './order-view.js';

type Hold = Awaited<ReturnType<typeof holdsWithReservations>>[number];

/**
 * Ships what the order holds: each unit leaves its bin for `customer` through the ledger, using up
 * the hold (document `sales_order`), in one posting. A partial shipment leaves the rest held.
 * Without lines, everything held ships. Picking first is optional.
 */
export async function shipSalesOrder(store: Store, ctx: CommandContext, ref: string, input: ShipInput): Promise<CommandResult<{ order: SalesOrder; movements: Movement[] }>> {
  return runCommand(store, ctx, { name: `sales_order.ship:${ref}`, input }, async (trx) => {
    const order = await lockFor(trx, ref, 'ship');
    const now = nowIso();
    const occurredAt = parseOccurredAt(input.occurredAt, '/occurredAt', now);
    await confirmHolds(trx, ctx, order, now);
    const lines = await repo.linesOf(trx, [order.id]);
    const holds = await holdsWithReservations(trx, order);
    const wanted = await requestedQuantities(trx, lines, holds, input);
    if (wanted.every((w) => w.quantity === 0)) throw new DomainError('rule-violation', `${order.number} holds nothing to ship`);
    const locations = await locationRefsByIds(trx, holds.map((h) => h.location_id));
    const left = new Map(holds.map((h) => [h.reservation_id, Number(h.reservation.quantity)]));
    const uses: Array<{ reservation: ReservationRow; quantity: number; path: string; base: string }> = [];
    for (const { line, quantity, path, base } of wanted) {
      let rest = quantity;
      const byBin = activeHoldsOf(holds, line).sort((a, b) => ((locations.get(a.location_id)?.code ?? '') < (locations.get(b.location_id)?.code ?? '') ? -1 : 1));
      for (const hold of byBin) {
        const take = Math.min(rest, left.get(hold.reservation_id) ?? 0);
        if (take === 0) continue;
        uses.push({ reservation: { ...hold.reservation, quantity: left.get(hold.reservation_id) ?? 0 }, quantity: take, path, base });
        left.set(hold.reservation_id, (left.get(hold.reservation_id) ?? 0) - take);
        rest -= take;
      }
    }
    const resolved = await resolveRefs(trx, [...new Set(uses.map((u) => u.reservation.item_id))].map((ref) => ({ ref, path: '/lines' })),
      [...new Set([...uses.map((u) => u.reservation.location_id), 'customer'])].map((ref) => ({ ref, path: '/lines' })));
    const tracked: TrackedLine[] = [];
    const serialsFor = await serialPicker(trx, wanted);
    for (const use of uses) {
      const item = resolved.item(use.reservation.item_id);
      const lots = item.tracking === 'lot' ? await heldLotsToUse(trx, use.reservation, use.quantity, now, item) : undefined;
      if (!(await useHold(trx, use.reservation, use.quantity, now, lots))) throw new DomainError('conflict', `${order.number} changed while being shipped; retry`);
      const shipment = draft(resolved, { item: use.reservation.item_id, quantity: use.quantity, from: use.reservation.location_id, to: 'customer', path: use.path }, {
        kind: 'shipment', fromReserved: true, documentType: 'sales_order', documentId: order.id, reference: input.reference ?? order.number, note: input.note ?? null, occurredAt,
      });
      const serials = item.tracking === 'serial' ? serialsFor(use.base, use.reservation.location_id, use.quantity) : undefined;
      const perLot = lots ? lots.map((l) => ({ ...shipment, quantity: l.quantity, lotId: l.lotId, display: { ...shipment.display, lotNumber: l.lotNumber } })) : [shipment];
      tracked.push(...perLot.map((d) => ({ draft: d, input: { serials }, base: use.base, fromVirtual: false })));
    }
    const drafts = await applyTracking(trx, tracked, { now, toCustomer: true });
    const rows = await postMovements(trx, drafts, postingMeta(ctx, now));
    for (const { line, quantity } of wanted) if (quantity > 0) await repo.updateLineRow(trx, line.id, { shipped: Number(line.shipped) + quantity });
    await applyShipmentStatus(trx, order, now);
    const movements = toMovementsWith(rows, resolved.names(), drafts);
    const [result] = await toSalesOrders(trx, [(await repo.findOrderByRef(trx, order.id)) as SalesOrderRow]);
    return {
      result: { order: result as SalesOrder, movements },
      audit: [audit('shipped', order.id, input.note, { movements: movements.map((m) => m.id), lines: wanted.filter((w) => w.quantity > 0).map((w) => ({ line: w.line.id, quantity: w.quantity })) })],
    };
  });
}

/**
 * Hands each use of a serial-tracked line the serials the request named that are at the use's
 * bin; what is not there is left for the ledger's checks to refuse at the line's field.
 */
async function serialPicker(db: Executor, wanted: Array<{ line: SalesOrderLineRow; base: string; serials: string[] }>) {
  const pools = new Map<string, Array<{ number: string; locationId: string | null }>>();
  for (const w of wanted) {
    if (w.serials.length === 0) continue;
    const places = await serialPlaces(db, w.line.item_id, w.serials);
    pools.set(w.base, w.serials.map((number) => ({ number, locationId: places.get(number) ?? null })));
  }
  return (base: string, locationId: string, quantity: number): string[] => {
    const pool = pools.get(base) ?? [];
    const here = pool.filter((s) => s.locationId === locationId).slice(0, quantity);
    const picked = here.length === quantity ? here : pool.slice(0, quantity);
    pools.set(base, pool.filter((s) => !picked.includes(s)));
    return picked.map((s) => s.number);
  };
}

async function applyShipmentStatus(trx: Executor, order: SalesOrderRow, now: string): Promise<void> {
  const lines = await repo.linesOf(trx, [order.id]);
  await setStatus(trx, order, statusFromLines(order.status, lines.map((l) => ({ quantity: Number(l.quantity), backordered: Number(l.backordered), shipped: Number(l.shipped) }))), now);
}

/** Which line ships how much: each entry names a line (its id) or an item (id, SKU or barcode). */
async function requestedQuantities(db: Executor, lines: SalesOrderLineRow[], holds: Hold[], input: ShipInput) {
  const items = await itemRefsByIds(db, lines.map((l) => l.item_id));
  const held = new Map(lines.map((l) => [l.id, activeHoldsOf(holds, l).reduce((s, h) => s + Number(h.reservation.quantity), 0)]));
  if (input.lines === undefined) return lines.map((line) => ({ line, quantity: held.get(line.id) ?? 0, path: '/', base: '', serials: [] as string[] }));
  const wanted = new Map<string, { line: SalesOrderLineRow; quantity: number; path: string; base: string; serials: string[] }>();
  for (const [i, entry] of input.lines.entries()) {
    const path = `/lines/${i}`;
    const line = await lineFor(db, lines, items, entry, path);
    const decimals = items.get(line.item_id)?.decimals ?? 0;
    const quantity = parsePositiveScaled(entry.quantity, decimals, `${path}/quantity`);
    const total = (wanted.get(line.id)?.quantity ?? 0) + quantity;
    if (total > (held.get(line.id) ?? 0)) {
      const message = `line ${line.line_no} holds ${formatScaled(held.get(line.id) ?? 0, decimals)} to ship`;
      throw new DomainError('rule-violation', message, [{ path: `${path}/quantity`, message }]);
    }
    const before = wanted.get(line.id);
    wanted.set(line.id, { line, quantity: total, path: `${path}/quantity`, base: before?.base ?? path, serials: [...(before?.serials ?? []), ...(entry.serials ?? [])] });
  }
  return [...wanted.values()];
}

async function lineFor(db: Executor, lines: SalesOrderLineRow[], items: Map<string, { id: string; sku: string }>, entry: { line?: string | undefined; item?: string | undefined }, path: string) {
  if (entry.line !== undefined) {
    const line = lines.find((l) => l.id === entry.line);
    if (!line) throw invalidField(`${path}/line`, `'${entry.line}' is not a line of this order`);
    return line;
  }
  if (entry.item === undefined) throw invalidField(path, 'name the line or the item');
  const ref = entry.item;
  let line = lines.find((l) => l.item_id === ref || items.get(l.item_id)?.sku === ref);
  if (!line) {
    const scanned = await findItemByBarcode(db, ref).catch(() => null);
    line = lines.find((l) => l.item_id === scanned?.id);
  }
  if (!line) throw invalidField(`${path}/item`, `'${ref}' is not on this order`);
  return line;
}
