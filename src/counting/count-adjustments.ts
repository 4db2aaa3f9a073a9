import type { CountLineRow, Executor } from '../db/schema.js';
import type { MovementDraft, MovementKind, SerialRef } from '../ledger/movement-types.js';
import { resolveLocationRefs } from '../locations/location-service.js';
import type { LocationRef } from '../locations/location-types.js';
import { applyTracking, type TrackedLine } from '../tracking/tracked-drafts.js';
import { serialsNumbered } from '../tracking/tracking-lookup.js';
import type { SerialVariance } from './count-rules.js';
import type { ItemNames, LineTracking } from './count-view.js';

const LOSS = 'loss';

/** A counted line whose stock differs from the ledger's at its entry. */
export interface VariedLine {
  line: CountLineRow;
  variance: number;
  /** For a serial-tracked line: which serials were missing and which were found. */
  serials: SerialVariance | null;
}

export interface CountDocument {
  reasonOf: (line: CountLineRow) => string;
  countId: string;
  number: string;
  note: string | null;
  now: string;
}

type Place = LocationRef;

/**
 * The movements that make the ledger agree with what was counted, dated at each line's entry.
 * Quantities (and lots) move between the line's location and `loss` by the variance. A serial line
 * moves serials, not a figure: each missing one still at the location goes to `loss`; each found one
 * comes from where the ledger has it — another bin (a move: a unit is in one place), `loss` or any
 * other virtual location, or, for a number never seen, `loss` as a new serial. What has moved since
 * the entry is left as the ledger has it, as with quantities.
 */
export async function countAdjustments(trx: Executor, varied: readonly VariedLine[], items: ItemNames, tracking: LineTracking, doc: CountDocument): Promise<MovementDraft[]> {
  if (varied.length === 0) return [];
  const places = await resolveLocationRefs(trx, [{ ref: LOSS, path: '/' }, ...varied.map((v) => ({ ref: v.line.location_id, path: pathOf(v.line) }))]);
  const loss = places.get(LOSS);
  if (!loss) throw new Error('the loss location is missing');
  const placeOf = (id: string): Place => {
    const place = places.get(id);
    if (!place) throw new Error(`location ${id} was not resolved`);
    return place;
  };
  const base = (line: CountLineRow, quantity: number, from: Place, to: Place, kind: MovementKind = 'adjustment'): MovementDraft => {
    const item = items.get(line.item_id);
    return {
      itemId: line.item_id, quantity, kind, path: pathOf(line), tracking: item?.tracking,
      from: { id: from.id, mayGoNegative: from.mayGoNegative }, to: { id: to.id, mayGoNegative: to.mayGoNegative },
      unitCost: kind === 'move' || line.unit_cost === null ? null : Number(line.unit_cost), reasonCode: doc.reasonOf(line),
      documentType: 'count', documentId: doc.countId, reference: doc.number, note: doc.note, occurredAt: line.counted_at ?? doc.now,
      display: { sku: item?.sku ?? line.item_id, decimals: item?.decimals ?? 0, fromCode: from.code },
    };
  };
  const drafts: MovementDraft[] = [];
  const serialLines: Array<VariedLine & { serials: SerialVariance }> = [];
  for (const v of varied) {
    if (v.serials) {
      serialLines.push({ ...v, serials: v.serials });
      continue;
    }
    const bin = placeOf(v.line.location_id);
    const [from, to] = v.variance > 0 ? [loss, bin] : [bin, loss];
    const draft = base(v.line, Math.abs(v.variance), from, to);
    const lot = v.line.lot_id === null ? undefined : tracking.lots.get(v.line.lot_id);
    drafts.push(v.line.lot_id === null ? draft : { ...draft, lotId: v.line.lot_id, display: { ...draft.display, lotNumber: lot?.lot_number } });
  }
  return [...drafts, ...(await serialDrafts(trx, serialLines, { loss, placeOf, base, now: doc.now }))];
}

const pathOf = (line: CountLineRow) => `/lines/${line.line_no - 1}`;

interface SerialContext {
  loss: Place;
  placeOf: (id: string) => Place;
  base: (line: CountLineRow, quantity: number, from: Place, to: Place, kind?: MovementKind) => MovementDraft;
  now: string;
}

async function serialDrafts(trx: Executor, lines: ReadonlyArray<VariedLine & { serials: SerialVariance }>, ctx: SerialContext): Promise<MovementDraft[]> {
  if (lines.length === 0) return [];
  const now = await serialsNow(trx, lines);
  const elsewhere = await resolveLocationRefs(trx, [...new Set([...now.values()].map((s) => s.location_id))].map((ref) => ({ ref, path: '/' })));
  const relocated = new Set<string>();
  const drafts: MovementDraft[] = [];
  const gains: TrackedLine[] = [];
  for (const { line, serials } of lines) {
    const bin = ctx.placeOf(line.location_id);
    const moves = new Map<string, SerialRef[]>();
    const fromLoss: string[] = [];
    for (const number of serials.unexpected) {
      const serial = now.get(`${line.item_id}\u0000${number}`);
      if (serial?.location_id === line.location_id) continue;
      const place = serial ? elsewhere.get(serial.location_id) : undefined;
      if (serial && place && place.kind !== 'virtual') {
        relocated.add(serial.id);
        moves.set(place.id, [...(moves.get(place.id) ?? []), { id: serial.id, number, path: `${pathOf(line)}/serials` }]);
      } else {
        fromLoss.push(number);
      }
    }
    for (const [fromId, refs] of moves) drafts.push({ ...ctx.base(line, refs.length, elsewhere.get(fromId) as Place, bin, 'move'), serials: refs });
    const lost = serials.missing.flatMap((number): SerialRef[] => {
      const serial = now.get(`${line.item_id}\u0000${number}`);
      return serial && serial.location_id === line.location_id && !relocated.has(serial.id) ? [{ id: serial.id, number, path: `${pathOf(line)}/serials` }] : [];
    });
    if (lost.length > 0) drafts.push({ ...ctx.base(line, lost.length, bin, ctx.loss), serials: lost });
    if (fromLoss.length > 0) gains.push({ draft: ctx.base(line, fromLoss.length, ctx.loss, bin), input: { serials: fromLoss }, base: pathOf(line), fromVirtual: true });
  }
  // Found units from a virtual location (or never seen: created at `loss`) go through tracking's rules for stock coming in.
  return [...drafts, ...(await applyTracking(trx, gains, { now: ctx.now, toCustomer: false }))];
}

/** Where each serial a line found or missed is now, by item and number. */
async function serialsNow(trx: Executor, lines: ReadonlyArray<VariedLine & { serials: SerialVariance }>): Promise<Map<string, { id: string; location_id: string }>> {
  const byItem = new Map<string, Set<string>>();
  for (const { line, serials } of lines) {
    const numbers = byItem.get(line.item_id) ?? new Set<string>();
    for (const n of [...serials.missing, ...serials.unexpected]) numbers.add(n);
    byItem.set(line.item_id, numbers);
  }
  const result = new Map<string, { id: string; location_id: string }>();
  for (const [itemId, numbers] of byItem) {
    for (const s of await serialsNumbered(trx, itemId, [...numbers])) result.set(`${itemId}\u0000${s.serial_number}`, { id: s.id, location_id: s.location_id });
  }
  return result;
}
