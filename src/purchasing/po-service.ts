import { resolveItemRefs } from '../catalog/item-service.js';
import { runCommand, type AuditEntry, type CommandResult } from '../db/command.js';
import type { Executor, PurchaseOrderLineRow, PurchaseOrderRow, SupplierRow } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { resolveLocationRefs } from '../locations/location-service.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField, notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { parseCost } from '../shared/money.js';
import { parsePositiveScaled } from '../shared/quantity.js';
import { nowIso } from '../shared/time.js';
import { lockOrder, stateOf, toOrder } from './po-query-service.js';
import * as repo from './po-repository.js';
import { actionProblem, poNumber, statusFromLines, type PoAction } from './po-rules.js';
import type { ActionInput, LineChanges, NewLineInput, NewPurchaseOrder, PurchaseOrder, PurchaseOrderChanges } from './po-types.js';
import { termsForOrder, type OfferTerms } from './supplier-item-service.js';
import { addDays, checkDate, leadTimeDays, orderQuantityProblem, pickPriceBreak } from './supplier-rules.js';
import { findSupplierByRef } from './supplier-repository.js';
import { requireSupplier } from './supplier-service.js';

export const MAX_LINES = 1000;

export async function createPurchaseOrder(store: Store, ctx: CommandContext, input: NewPurchaseOrder): Promise<CommandResult<PurchaseOrder>> {
  if ((input.lines?.length ?? 0) > MAX_LINES) throw invalidField('/lines', `an order holds at most ${MAX_LINES} lines`);
  const expectedDate = input.expectedDate ? checkDate(input.expectedDate, '/expectedDate') : null;
  return runCommand(store, ctx, { name: 'purchase_order.create', input }, async (trx) => {
    const { order, audit: entry } = await insertDraftOrder(trx, ctx, input, expectedDate);
    return { result: order, audit: [entry] };
  });
}

/**
 * Writes a draft order inside the caller's transaction, for commands that create several at once
 * (purchase suggestions); returns it with the audit entry the caller's command must record.
 */
export async function insertDraftOrder(trx: Executor, ctx: CommandContext, input: NewPurchaseOrder, expectedDate: string | null = null): Promise<{ order: PurchaseOrder; audit: AuditEntry }> {
  const supplier = await supplierForOrder(trx, input.supplier);
  const siteId = await siteFor(trx, input.site);
  const id = newId();
  const now = nowIso();
  const lines = await buildLines(trx, supplier, id, input.lines ?? [], { basePath: (i) => `/lines/${i}`, firstLineNo: 1, expectedDate, now });
  const number = poNumber(await repo.nextDocumentNumber(trx, 'purchase_order'));
  await repo.insertOrder(trx, {
    id, number, supplier_id: supplier.id, site_id: siteId, status: 'draft', currency: supplier.currency, expected_date: expectedDate,
    notes: input.notes ?? null, created_by: ctx.actor.id, created_by_name: ctx.actor.name, created_at: now, updated_at: now, ordered_at: null, closed_at: null,
  });
  await repo.insertLines(trx, lines);
  return { order: await reload(trx, id), audit: audit('created', id, undefined, { number, supplier: supplier.code, lines: lines.length }) };
}

/** Changes the header of a draft: where it goes, when it is expected, its notes. The supplier is fixed; order anew to change it. */
export async function updatePurchaseOrder(store: Store, ctx: CommandContext, ref: string, changes: PurchaseOrderChanges): Promise<CommandResult<PurchaseOrder>> {
  const expectedDate = changes.expectedDate ? checkDate(changes.expectedDate, '/expectedDate') : changes.expectedDate;
  return runCommand(store, ctx, { name: `purchase_order.update:${ref}`, input: changes }, async (trx) => {
    const order = await lockFor(trx, ref, 'edit');
    const siteId = changes.site === undefined ? undefined : await siteFor(trx, changes.site);
    await repo.updateOrderRow(trx, order.id, {
      ...(siteId !== undefined && { site_id: siteId }),
      ...(expectedDate !== undefined && { expected_date: expectedDate }),
      ...(changes.notes !== undefined && { notes: changes.notes }),
      updated_at: nowIso(),
    });
    return { result: await reload(trx, order.id), audit: [audit('updated', order.id, undefined, changes)] };
  });
}

export async function addLine(store: Store, ctx: CommandContext, ref: string, input: NewLineInput): Promise<CommandResult<PurchaseOrder>> {
  return runCommand(store, ctx, { name: `purchase_order.line.add:${ref}`, input }, async (trx) => {
    const order = await lockFor(trx, ref, 'edit');
    const existing = await repo.linesOf(trx, [order.id]);
    if (existing.length >= MAX_LINES) throw new DomainError('rule-violation', `an order holds at most ${MAX_LINES} lines`);
    const supplier = await requireSupplier(trx, order.supplier_id);
    const firstLineNo = Math.max(0, ...existing.map((l) => l.line_no)) + 1;
    const lines = await buildLines(trx, supplier, order.id, [input], { basePath: () => '', firstLineNo, expectedDate: order.expected_date, now: nowIso() });
    await repo.insertLines(trx, lines);
    await touch(trx, order.id);
    return { result: await reload(trx, order.id), audit: [audit('line_added', order.id, undefined, { line: lines[0]?.id, item: input.item, quantity: input.quantity })] };
  });
}

/** Changes a draft line. A new quantity picks the price break that fits it, unless a price is given too. */
export async function updateLine(store: Store, ctx: CommandContext, ref: string, lineId: string, changes: LineChanges): Promise<CommandResult<PurchaseOrder>> {
  const expectedDate = changes.expectedDate ? checkDate(changes.expectedDate, '/expectedDate') : changes.expectedDate;
  return runCommand(store, ctx, { name: `purchase_order.line.update:${ref}:${lineId}`, input: changes }, async (trx) => {
    const order = await lockFor(trx, ref, 'edit');
    const line = await lineOf(trx, order, lineId);
    const item = (await resolveItemRefs(trx, [{ ref: line.item_id, path: '/item' }])).get(line.item_id);
    if (!item) throw notFound('item', line.item_id);
    const terms = (await termsForOrder(trx, order.supplier_id, [item.id])).get(item.id);
    const quantity = changes.quantity === undefined ? Number(line.quantity) : parsePositiveScaled(changes.quantity, item.decimals, '/quantity');
    if (changes.quantity !== undefined) checkOrderQuantity(quantity, terms, item.decimals, '/quantity');
    const repriced = changes.quantity === undefined ? undefined : pickPriceBreak(terms?.breaks ?? [], quantity)?.unitPrice;
    const unitPrice = changes.unitPrice === undefined ? repriced : parseCost(changes.unitPrice, '/unitPrice');
    await repo.updateLineRow(trx, line.id, {
      quantity,
      ...(unitPrice !== undefined && { unit_price: unitPrice }),
      ...(expectedDate !== undefined && { expected_date: expectedDate }),
    });
    await touch(trx, order.id);
    return { result: await reload(trx, order.id), audit: [audit('line_updated', order.id, undefined, { line: line.id, ...changes })] };
  });
}

export async function removeLine(store: Store, ctx: CommandContext, ref: string, lineId: string): Promise<CommandResult<PurchaseOrder>> {
  return runCommand(store, ctx, { name: `purchase_order.line.remove:${ref}:${lineId}`, input: {} }, async (trx) => {
    const order = await lockFor(trx, ref, 'edit');
    const line = await lineOf(trx, order, lineId);
    await repo.deleteLineRow(trx, line.id);
    await touch(trx, order.id);
    return { result: await reload(trx, order.id), audit: [audit('line_removed', order.id, undefined, { line: line.id, item: line.item_id })] };
  });
}

/** Sends the order: from now on it is expected (incoming) and can be received; it can no longer be edited. */
export async function orderPurchaseOrder(store: Store, ctx: CommandContext, ref: string, input: ActionInput): Promise<CommandResult<PurchaseOrder>> {
  return runCommand(store, ctx, { name: `purchase_order.order:${ref}`, input }, async (trx) => {
    const order = await lockFor(trx, ref, 'order');
    if ((await repo.linesOf(trx, [order.id])).length === 0) throw new DomainError('rule-violation', `${order.number} has no lines to order`);
    const supplier = await requireSupplier(trx, order.supplier_id);
    if (supplier.archived_at !== null) throw new DomainError('rule-violation', `supplier '${supplier.code}' is archived; restore it or order elsewhere`);
    const now = nowIso();
    await repo.updateOrderRow(trx, order.id, { status: 'ordered', ordered_at: now, updated_at: now });
    return { result: await reload(trx, order.id), audit: [audit('ordered', order.id, input.note)] };
  });
}

/** Cancels an order nothing has arrived for yet; its lines stay as they were, so no discrepancy is reported. */
export async function cancelPurchaseOrder(store: Store, ctx: CommandContext, ref: string, input: ActionInput): Promise<CommandResult<PurchaseOrder>> {
  return runCommand(store, ctx, { name: `purchase_order.cancel:${ref}`, input }, async (trx) => {
    const order = await lockFor(trx, ref, 'cancel');
    const now = nowIso();
    await repo.updateOrderRow(trx, order.id, { status: 'cancelled', closed_at: now, updated_at: now });
    return { result: await reload(trx, order.id), audit: [audit('cancelled', order.id, input.note)] };
  });
}

/** Ends an order: whatever has not arrived is no longer expected, and each line left short is a discrepancy. */
export async function closePurchaseOrder(store: Store, ctx: CommandContext, ref: string, input: ActionInput): Promise<CommandResult<PurchaseOrder>> {
  return runCommand(store, ctx, { name: `purchase_order.close:${ref}`, input }, async (trx) => {
    const order = await lockFor(trx, ref, 'close');
    const now = nowIso();
    await repo.closeOpenLines(trx, order.id, now);
    await repo.updateOrderRow(trx, order.id, { status: 'closed', closed_at: now, updated_at: now });
    return { result: await reload(trx, order.id), audit: [audit('closed', order.id, input.note)] };
  });
}

/** Stops expecting the rest of one line (the supplier will not deliver it): an under-receipt. */
export async function closeLine(store: Store, ctx: CommandContext, ref: string, lineId: string, input: ActionInput): Promise<CommandResult<PurchaseOrder>> {
  return runCommand(store, ctx, { name: `purchase_order.line.close:${ref}:${lineId}`, input }, async (trx) => {
    const order = await lockFor(trx, ref, 'close-line');
    const line = await lineOf(trx, order, lineId);
    if (line.unplanned === 1) throw new DomainError('rule-violation', `line ${line.line_no} was not ordered, so nothing is expected on it`);
    if (line.closed_at !== null) throw new DomainError('rule-violation', `line ${line.line_no} is already closed`);
    const now = nowIso();
    await repo.updateLineRow(trx, line.id, { closed_at: now });
    await applyStatusFromLines(trx, order.id, now);
    const state = stateOf(line);
    return { result: await reload(trx, order.id), audit: [audit('line_closed', order.id, input.note, { line: line.id, ordered: state.quantity, received: state.received })] };
  });
}

/** After lines changed, sets the status they imply (partially received, received, or closed when nothing is left). */
export async function applyStatusFromLines(trx: Executor, orderId: string, now: string): Promise<void> {
  const status = statusFromLines((await repo.linesOf(trx, [orderId])).map(stateOf));
  await repo.updateOrderRow(trx, orderId, { status, updated_at: now, ...(status === 'closed' && { closed_at: now }) });
}

interface LineDefaults {
  basePath: (index: number) => string;
  firstLineNo: number;
  expectedDate: string | null;
  now: string;
}

/**
 * Turns requested lines into rows: quantities scaled by the item's decimals and checked against the
 * supplier's minimum and pack size, the price from the supplier's breaks unless given, the expected
 * date from the line, else the order, else today plus the lead time.
 */
async function buildLines(trx: Executor, supplier: SupplierRow, orderId: string, inputs: NewLineInput[], defaults: LineDefaults): Promise<PurchaseOrderLineRow[]> {
  const items = await resolveItemRefs(trx, inputs.map((l, i) => ({ ref: l.item, path: `${defaults.basePath(i)}/item` })));
  const offers = await termsForOrder(trx, supplier.id, [...items.values()].map((i) => i.id));
  return inputs.map((input, i) => {
    const path = defaults.basePath(i);
    const item = items.get(input.item);
    if (!item) throw notFound('item', input.item, `${path}/item`);
    const terms = offers.get(item.id);
    const quantity = parsePositiveScaled(input.quantity, item.decimals, `${path}/quantity`);
    checkOrderQuantity(quantity, terms, item.decimals, `${path}/quantity`);
    const unitPrice = input.unitPrice === undefined ? pickPriceBreak(terms?.breaks ?? [], quantity)?.unitPrice : parseCost(input.unitPrice, `${path}/unitPrice`);
    if (unitPrice === undefined) {
      throw invalidField(`${path}/unitPrice`, `supplier '${supplier.code}' has no price for ${item.sku} at this quantity; give unitPrice`);
    }
    const lead = leadTimeDays(terms?.leadTimeDays, supplier.lead_time_days);
    const expectedDate = input.expectedDate ? checkDate(input.expectedDate, `${path}/expectedDate`) : (defaults.expectedDate ?? (lead === null ? null : addDays(defaults.now, lead)));
    return {
      id: newId(), purchase_order_id: orderId, line_no: defaults.firstLineNo + i, item_id: item.id, quantity, unit_price: unitPrice, expected_date: expectedDate,
      received_quantity: 0, returned_quantity: 0, unplanned: 0, closed_at: null,
    };
  });
}

function checkOrderQuantity(quantity: number, terms: OfferTerms | undefined, decimals: number, path: string): void {
  const problem = terms ? orderQuantityProblem(quantity, terms, decimals) : null;
  if (problem) throw new DomainError('rule-violation', problem, [{ path, message: problem }]);
}

async function supplierForOrder(trx: Executor, ref: string): Promise<SupplierRow> {
  const supplier = await findSupplierByRef(trx, ref);
  if (!supplier) throw invalidField('/supplier', `supplier '${ref}' does not exist`);
  if (supplier.archived_at !== null) throw invalidField('/supplier', `supplier '${ref}' is archived`);
  return supplier;
}

/** Orders are delivered to a site; the receipt then puts the goods in any bin of it. */
async function siteFor(trx: Executor, ref: string): Promise<string> {
  const site = (await resolveLocationRefs(trx, [{ ref, path: '/site' }])).get(ref);
  if (!site || site.kind !== 'site') throw invalidField('/site', `'${ref}' is not a site; an order is delivered to a site (a warehouse or store)`);
  return site.id;
}

/** Locks an order for a change and refuses the change when its status does not allow it. */
export async function lockFor(trx: Executor, ref: string, action: PoAction): Promise<PurchaseOrderRow> {
  const order = await lockOrder(trx, ref);
  const problem = actionProblem(order.status, action);
  if (problem) throw new DomainError('rule-violation', `${order.number}: ${problem}`);
  return order;
}

async function lineOf(trx: Executor, order: PurchaseOrderRow, lineId: string): Promise<PurchaseOrderLineRow> {
  const line = (await repo.linesOf(trx, [order.id])).find((l) => l.id === lineId);
  if (!line) throw notFound(`line of ${order.number}`, lineId);
  return line;
}

async function touch(trx: Executor, orderId: string): Promise<void> {
  await repo.updateOrderRow(trx, orderId, { updated_at: nowIso() });
}

async function reload(trx: Executor, id: string): Promise<PurchaseOrder> {
  const row = await repo.findOrderByRef(trx, id);
  if (!row) throw new Error(`purchase order ${id} vanished`);
  return toOrder(trx, row);
}

function audit(what: string, orderId: string, reason?: string | undefined, details?: unknown): AuditEntry {
  return { action: `purchase_order.${what}`, entityType: 'purchase_order', entityId: orderId, reason, details };
}
