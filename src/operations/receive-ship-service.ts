import { runCommand, type CommandResult } from '../db/command.js';
import type { Store } from '../db/store.js';
import type { MovementKind } from '../ledger/movement-types.js';
import { postMovements } from '../ledger/posting.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField } from '../shared/errors.js';
import { parseCost } from '../shared/money.js';
import { parsePositiveScaled } from '../shared/quantity.js';
import { nowIso, parseOccurredAt } from '../shared/time.js';
import { applyTracking } from '../tracking/tracked-drafts.js';
import { toMovementsWith, type Movement } from './movement-dto.js';
import type { PostingResult, ReceiveInput, ShipInput } from './operation-types.js';
import { draft, postingMeta, resolveRefs, type Resolved } from './refs.js';

/** Stock arrives from a supplier (virtual) into a physical location, optionally with its unit cost. */
export async function receive(store: Store, ctx: CommandContext, input: ReceiveInput): Promise<CommandResult<PostingResult<Movement>>> {
  const source = input.source ?? 'supplier';
  return postLines(store, ctx, 'receipt', input, {
    from: { ref: source, path: '/source', mustBe: 'supplier' },
    to: { ref: input.location, path: '/location', mustBe: 'physical' },
    unitCost: (i) => {
      const cost = input.lines[i]?.unitCost;
      return cost === undefined ? null : parseCost(cost, `/lines/${i}/unitCost`);
    },
  });
}

/** Stock leaves a sellable physical location for a customer (virtual). */
export async function ship(store: Store, ctx: CommandContext, input: ShipInput): Promise<CommandResult<PostingResult<Movement>>> {
  return postLines(store, ctx, 'shipment', input, {
    from: { ref: input.location, path: '/location', mustBe: 'sellable' },
    to: { ref: input.destination ?? 'customer', path: '/destination', mustBe: 'customer' },
    unitCost: () => null,
  });
}

type LocationRule = 'physical' | 'sellable' | 'supplier' | 'customer';

interface Route {
  from: { ref: string; path: string; mustBe: LocationRule };
  to: { ref: string; path: string; mustBe: LocationRule };
  unitCost: (line: number) => number | null;
}

async function postLines(
  store: Store,
  ctx: CommandContext,
  kind: MovementKind,
  input: ReceiveInput | ShipInput,
  route: Route,
): Promise<CommandResult<PostingResult<Movement>>> {
  if (input.lines.length === 0) throw invalidField('/lines', 'at least one line is needed');
  return runCommand(store, ctx, { name: kind, input }, async (trx) => {
    const now = nowIso();
    const resolved = await resolveRefs(
      trx,
      input.lines.map((l, i) => ({ ref: l.item, path: `/lines/${i}/item` })),
      [route.from, route.to],
    );
    checkLocation(resolved, route.from);
    checkLocation(resolved, route.to);
    const occurredAt = parseOccurredAt(input.occurredAt, '/occurredAt', now);
    const fromVirtual = resolved.location(route.from.ref).kind === 'virtual';
    const lines = input.lines.map((line, i) => {
      const item = resolved.item(line.item);
      const quantity = parsePositiveScaled(line.quantity, item.decimals, `/lines/${i}/quantity`);
      const planned = draft(resolved, { item: line.item, quantity, from: route.from.ref, to: route.to.ref, path: `/lines/${i}/quantity` }, {
        kind, unitCost: route.unitCost(i), reference: input.reference ?? null, note: input.note ?? null, occurredAt,
      });
      return { draft: planned, input: { lot: line.lot, serials: line.serials }, base: `/lines/${i}`, fromVirtual };
    });
    const drafts = await applyTracking(trx, lines, { now, toCustomer: kind === 'shipment' });
    const meta = postingMeta(ctx, now);
    const rows = await postMovements(trx, drafts, meta);
    const movements = toMovementsWith(rows, resolved.names(), drafts);
    return {
      result: { postingId: meta.postingId, movements },
      audit: [{ action: `stock.${kind}`, entityType: 'posting', entityId: meta.postingId, reason: input.note, details: { reference: input.reference, lines: rows.length } }],
    };
  });
}

function checkLocation(resolved: Resolved, side: { ref: string; path: string; mustBe: LocationRule }): void {
  const location = resolved.location(side.ref);
  const fail = (message: string) => {
    throw new DomainError('validation', message, [{ path: side.path, message }]);
  };
  if (side.mustBe === 'supplier' && location.virtualKind !== 'supplier') fail(`'${location.code}' is not a supplier location`);
  if (side.mustBe === 'customer' && location.virtualKind !== 'customer') fail(`'${location.code}' is not a customer location`);
  if ((side.mustBe === 'physical' || side.mustBe === 'sellable') && location.kind === 'virtual') fail(`'${location.code}' is a virtual location; name a site, zone or bin`);
  if (side.mustBe === 'sellable' && !location.sellable) fail(`'${location.code}' is not sellable (damaged, quality control or on hold); move the stock out first`);
}
