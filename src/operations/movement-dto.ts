import { itemRefsByIds } from '../catalog/item-service.js';
import type { Executor, MovementRow } from '../db/schema.js';
import { locationRefsByIds } from '../locations/location-service.js';
import { formatCost } from '../shared/money.js';
import { formatScaled } from '../shared/quantity.js';
import type { MovementDraft } from '../ledger/movement-types.js';
import { trackingCarried } from '../tracking/tracking-names.js';
import type { Movement } from './movement-view.js';

export type { Movement } from './movement-view.js';

export interface Names {
  items: Map<string, { id: string; sku: string; decimals: number }>;
  locations: Map<string, { id: string; code: string }>;
}

/** What a movement carried of lots and serials, when the caller knows it already. */
export interface Carried {
  lotNumber?: string | undefined;
  serials?: readonly string[] | undefined;
}

export function toMovement(row: MovementRow, names: Names, carried: Carried = {}): Movement {
  const item = names.items.get(row.item_id) ?? { id: row.item_id, sku: row.item_id, decimals: 0 };
  const location = (id: string) => ({ id, code: names.locations.get(id)?.code ?? id });
  return {
    id: row.id, seq: Number(row.seq), postingId: row.posting_id, kind: row.kind,
    item: { id: item.id, sku: item.sku }, quantity: formatScaled(Number(row.quantity), item.decimals),
    from: location(row.from_location_id), to: location(row.to_location_id),
    unitCost: formatCost(row.unit_cost === null ? null : Number(row.unit_cost)), reasonCode: row.reason_code,
    document: row.document_type && row.document_id ? { type: row.document_type, id: row.document_id } : null,
    reference: row.reference, reversesId: row.reverses_id, note: row.note,
    lot: row.lot_id === null ? null : { id: row.lot_id, number: carried.lotNumber ?? row.lot_id }, serials: [...(carried.serials ?? [])],
    actor: { id: row.actor, name: row.actor_name }, occurredAt: row.occurred_at, recordedAt: row.recorded_at,
  };
}

/** Shapes posted rows; `drafts` (the ones posted, in the same order) name their lots and serials. */
export function toMovementsWith(rows: MovementRow[], names: Names, drafts?: readonly MovementDraft[]): Movement[] {
  return rows.map((r, i) => toMovement(r, names, carriedBy(drafts?.[i])));
}

export function carriedBy(draft: MovementDraft | undefined): Carried {
  return { lotNumber: draft?.display.lotNumber, serials: draft?.serials?.map((s) => s.number) };
}

/** Looks up the names the rows refer to, then shapes them. */
export async function toMovements(db: Executor, rows: MovementRow[]): Promise<Movement[]> {
  const [items, locations] = await Promise.all([
    itemRefsByIds(db, rows.map((r) => r.item_id)),
    locationRefsByIds(db, rows.flatMap((r) => [r.from_location_id, r.to_location_id])),
  ]);
  const tracked = await trackingCarried(db, rows, (itemId) => items.get(itemId)?.tracking);
  return rows.map((r) => toMovement(r, { items, locations }, tracked.get(r.id)));
}
