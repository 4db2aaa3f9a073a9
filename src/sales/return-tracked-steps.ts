import { itemRefsByIds } from '../catalog/item-service.js';
import type { ItemRef } from '../catalog/item-types.js';
import type { Executor, ReturnEntryRow, ReturnLineRow, ReturnRow } from '../db/schema.js';
import { findOrdersByIds } from './order-repository.js';
import { DomainError, invalidField } from '../shared/errors.js';
import { checkSerialNumbers } from '../tracking/lot-rules.js';
import type { TrackingInput } from '../tracking/tracked-drafts.js';
import type { Holding } from './return-rules.js';
import { checkTrackingFits, knownLot, loadOrderShipped, returnableSerials, type OrderShipped, type TrackingRequest } from './return-tracked-lines.js';
import * as repo from './return-tracking-repository.js';
import { defaultSerials, serialsHeld, serialsReceived, type SerialEntry } from './return-tracking-rules.js';

/** Units a disposition takes from one quality-control location, with their serials for a serial-tracked line. */
export interface TrackedTake extends Holding {
  serials?: string[] | undefined;
}

/**
 * The lots and serials of a return's receipts and dispositions. A lot-tracked line moves its one
 * lot (a lot the request names must be it); a serial-tracked line moves the serials the request
 * names, or all it has for the step when that is the quantity. Serials used by earlier lines of
 * the same request are not offered again.
 */
export class StepTracking {
  private readonly used = new Set<string>();
  private shipped: OrderShipped | undefined;

  private constructor(
    private readonly db: Executor,
    private readonly row: ReturnRow,
    private readonly items: Map<string, ItemRef>,
    private readonly authorised: Map<string, string[]>,
    private readonly entries: Map<string, SerialEntry[]>,
  ) {}

  static async load(db: Executor, row: ReturnRow, lines: readonly ReturnLineRow[], history: readonly ReturnEntryRow[]): Promise<StepTracking> {
    const [items, claims, carried] = await Promise.all([
      itemRefsByIds(db, lines.map((l) => l.item_id)), repo.serialsOfLines(db, lines.map((l) => l.id)), repo.entryTracking(db, row.id),
    ]);
    const authorised = new Map(lines.map((l) => [l.id, claims.filter((c) => c.line_id === l.id).map((c) => c.serial_number)]));
    const entries = new Map(lines.map((l) => [l.id, history.filter((e) => e.line_id === l.id).map((e) => ({
      action: e.action, fromLocationId: e.from_location_id, toLocationId: e.to_location_id, serials: carried.serials.get(e.id) ?? [],
    }))]));
    return new StepTracking(db, row, items, authorised, entries);
  }

  item(line: ReturnLineRow): ItemRef {
    const item = this.items.get(line.item_id);
    if (!item) throw new Error(`item ${line.item_id} vanished`);
    return item;
  }

  /** What a receipt line moves: the line's lot, or serials that are expected on the line (authorised, or else returnable from the customer). */
  async receipt(line: ReturnLineRow, request: TrackingRequest, quantity: number, path: string): Promise<TrackingInput> {
    const item = this.item(line);
    if (item.tracking === 'lot') return { lot: await this.lineLot(item, line, request, path) };
    checkTrackingFits(item, request, path);
    if (item.tracking !== 'serial') return {};
    const received = new Set(serialsReceived(this.entries.get(line.id) ?? []));
    const expected = (this.authorised.get(line.id) ?? []).filter((s) => !received.has(s) && !this.used.has(`${item.id}\u0000${s}`));
    const authorisedAny = (this.authorised.get(line.id) ?? []).length > 0;
    let numbers: string[];
    if (request.serials !== undefined) {
      numbers = checkSerialNumbers(request.serials, `${path}/serials`);
      const stray = numbers.findIndex((n) => authorisedAny && !expected.includes(n));
      if (stray >= 0) throw invalidField(`${path}/serials/${stray}`, `serial ${numbers[stray] ?? ''} is not expected on line ${line.line_no} (expected ${expected.join(', ') || 'none'})`);
    } else {
      const fallback = authorisedAny ? defaultSerials(expected, quantity) : null;
      if (!fallback) throw invalidField(`${path}/serials`, `${item.sku} is serial-tracked: name the serials that arrived${expected.length ? ` (expected ${expected.join(', ')})` : ''}`);
      numbers = fallback;
    }
    const shipped = authorisedAny ? undefined : await this.orderShipped(line);
    const rows = await returnableSerials(this.db, item, numbers, quantity, `${path}/serials`, { shipped, exceptReturnId: this.row.id });
    return { serials: this.take(item, rows.map((r) => r.serial_number), `${path}/serials`) };
  }

  /** What a disposition line moves: the line's lot; for a serial line, the named (or all held) serials, grouped by the location holding them. */
  async disposal(line: ReturnLineRow, request: TrackingRequest, quantity: number, path: string, from: string | undefined): Promise<{ input: TrackingInput; takes?: TrackedTake[] }> {
    const item = this.item(line);
    if (item.tracking === 'lot') return { input: { lot: await this.lineLot(item, line, request, path) } };
    checkTrackingFits(item, request, path);
    if (item.tracking !== 'serial') return { input: {} };
    const held = serialsHeld(this.entries.get(line.id) ?? []);
    const candidates = [...held].filter(([s, at]) => !this.used.has(`${item.id}\u0000${s}`) && (from === undefined || at === from)).map(([s]) => s);
    let numbers: string[];
    if (request.serials !== undefined) {
      numbers = checkSerialNumbers(request.serials, `${path}/serials`);
      if (numbers.length !== quantity) throw invalidField(`${path}/serials`, `${quantity} units need ${quantity} serial numbers, ${numbers.length} given`);
      const stray = numbers.findIndex((n) => !candidates.includes(n));
      if (stray >= 0) throw invalidField(`${path}/serials/${stray}`, `serial ${numbers[stray] ?? ''} of line ${line.line_no} is not in quality control${from === undefined ? '' : ' there'} (in quality control: ${candidates.join(', ') || 'none'})`);
    } else {
      const fallback = defaultSerials(candidates, quantity);
      if (!fallback) throw invalidField(`${path}/serials`, `line ${line.line_no} has ${candidates.join(', ') || 'no serials'} in quality control: name the serials to move`);
      numbers = fallback;
    }
    const taken = this.take(item, numbers, `${path}/serials`);
    const byPlace = new Map<string, string[]>();
    for (const s of taken) byPlace.set(held.get(s) ?? '', [...(byPlace.get(held.get(s) ?? '') ?? []), s]);
    return { input: {}, takes: [...byPlace].map(([locationId, serials]) => ({ locationId, quantity: serials.length, serials })) };
  }

  /** The lot a step of a lot-tracked line moves: the line's, which a lot named in the request must be. */
  private async lineLot(item: ItemRef, line: ReturnLineRow, request: TrackingRequest, path: string): Promise<string> {
    if (request.serials !== undefined) throw invalidField(`${path}/serials`, `${item.sku} is not serial-tracked`);
    if (line.lot_id === null) {
      const message = `line ${line.line_no} names no lot, so its ${item.sku} cannot be moved; cancel the return and authorise one that names the lot`;
      throw new DomainError('rule-violation', message, [{ path, message }]);
    }
    if (request.lot !== undefined) {
      const lot = await knownLot(this.db, item, request.lot, `${path}/lot`);
      if (lot.id !== line.lot_id) throw invalidField(`${path}/lot`, `line ${line.line_no} is for another lot of ${item.sku}, not ${lot.lot_number}`);
    }
    return line.lot_id;
  }

  private take(item: ItemRef, numbers: string[], path: string): string[] {
    for (const [i, n] of numbers.entries()) {
      const key = `${item.id}\u0000${n}`;
      if (this.used.has(key)) throw invalidField(`${path}/${i}`, `serial ${n} is on an earlier line of this request`);
      this.used.add(key);
    }
    return numbers;
  }

  private async orderShipped(line: ReturnLineRow): Promise<OrderShipped | undefined> {
    if (this.row.sales_order_id === null || line.order_line_id === null) return undefined;
    if (!this.shipped) {
      const [order] = await findOrdersByIds(this.db, [this.row.sales_order_id]);
      this.shipped = await loadOrderShipped(this.db, { id: this.row.sales_order_id, number: order?.number ?? this.row.sales_order_id }, [...this.items.keys()], []);
    }
    return this.shipped;
  }
}
