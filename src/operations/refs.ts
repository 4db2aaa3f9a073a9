import { resolveItemRefs } from '../catalog/item-service.js';
import type { ItemRef } from '../catalog/item-types.js';
import { resolveLocationRefs } from '../locations/location-service.js';
import type { LocationRef } from '../locations/location-types.js';
import type { Executor } from '../db/schema.js';
import type { MovementDraft, PostingMeta } from '../ledger/movement-types.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { FieldRef } from '../shared/references.js';
import type { Names } from './movement-dto.js';

/** The items and locations an operation names, resolved together so every bad reference is reported at once. */
export class Resolved {
  constructor(readonly items: Map<string, ItemRef>, readonly locations: Map<string, LocationRef>) {}

  item(ref: string): ItemRef {
    const item = this.items.get(ref);
    if (!item) throw new Error(`item ${ref} was not resolved`);
    return item;
  }

  location(ref: string): LocationRef {
    const location = this.locations.get(ref);
    if (!location) throw new Error(`location ${ref} was not resolved`);
    return location;
  }

  names(): Names {
    return { items: new Map([...this.items.values()].map((i) => [i.id, i])), locations: new Map([...this.locations.values()].map((l) => [l.id, l])) };
  }
}

export async function resolveRefs(db: Executor, items: FieldRef[], locations: FieldRef[]): Promise<Resolved> {
  const [itemResult, locationResult] = await Promise.allSettled([resolveItemRefs(db, items), resolveLocationRefs(db, locations)]);
  const errors = [itemResult, locationResult].flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  if (errors.length > 0) {
    const domain = errors.filter((e): e is DomainError => e instanceof DomainError);
    if (domain.length !== errors.length) throw errors[0];
    const fieldErrors = domain.flatMap((e) => e.fieldErrors);
    throw new DomainError('validation', domain.map((e) => e.message).join('; '), fieldErrors);
  }
  return new Resolved(
    (itemResult as PromiseFulfilledResult<Map<string, ItemRef>>).value,
    (locationResult as PromiseFulfilledResult<Map<string, LocationRef>>).value,
  );
}

/** Builds a draft movement from resolved references. */
export function draft(
  resolved: Resolved,
  line: { item: string; quantity: number; from: string; to: string; path: string },
  rest: Omit<MovementDraft, 'itemId' | 'quantity' | 'from' | 'to' | 'path' | 'display'>,
): MovementDraft {
  const item = resolved.item(line.item);
  const from = resolved.location(line.from);
  const to = resolved.location(line.to);
  return {
    ...rest, itemId: item.id, quantity: line.quantity, path: line.path, tracking: item.tracking,
    from: { id: from.id, mayGoNegative: from.mayGoNegative }, to: { id: to.id, mayGoNegative: to.mayGoNegative },
    display: { sku: item.sku, decimals: item.decimals, fromCode: from.code },
  };
}

export function postingMeta(ctx: CommandContext, recordedAt: string): PostingMeta {
  return { postingId: newId(), actor: ctx.actor.id, actorName: ctx.actor.name, idempotencyKey: ctx.idempotencyKey ?? null, recordedAt };
}
