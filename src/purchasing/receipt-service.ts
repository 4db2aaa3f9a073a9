import { findItemByBarcode, getItem, itemRefsByIds } from '../catalog/item-service.js';
import { runCommand, type CommandResult } from '../db/command.js';
import type { Executor, PurchaseOrderLineRow, PurchaseOrderRow, PurchaseReceiptKind, PurchaseReceiptLineRow } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { postMovements } from '../ledger/posting.js';
import { toMovementsWith } from '../operations/movement-dto.js';
import { applyTracking } from '../tracking/tracked-drafts.js';
import { draft, postingMeta, resolveRefs, type Resolved } from '../operations/refs.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField, type FieldError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { parseCost } from '../shared/money.js';
import { formatScaled, parsePositiveScaled } from '../shared/quantity.js';
import { nowIso, parseOccurredAt } from '../shared/time.js';
import { stateOf, toOrder, toReceipts } from './po-query-service.js';
import * as repo from './po-repository.js';
import { maxReceivable, pickLineForItem, pickLineForReturn, type ScanCandidate } from './po-rules.js';
import { applyStatusFromLines, lockFor, MAX_LINES } from './po-service.js';
import type { ReceiptResult, ReceiveInput, ReceiveLineInput } from './po-types.js';
import { insertReceipt, findReceipt } from './receipt-repository.js';
import { termsForOrder } from './supplier-item-service.js';
import { pickPriceBreak, formatTolerance } from './supplier-rules.js';
import { requireSupplier } from './supplier-service.js';

const SUPPLIER = 'supplier';

type Candidate = ScanCandidate & { row: PurchaseOrderLineRow; isNew: boolean };

interface Planned {
  line: Candidate;
  quantity: number;
  unitCost: number | null;
  location: { ref: string; path: string };
  itemPath: string;
}

/**
 * Receives goods against an order into locations of its destination site: each line named by its
 * order line or by a scanned item (id, SKU or barcode). Partial receipts leave the rest incoming;
 * more than ordered is allowed up to the supplier's tolerance; an item not on the order becomes an
 * unplanned line. The movements (supplier → bin at the line's price), the line totals, the receipt
 * row and the new status are written in one transaction, so a retry with the same Idempotency-Key
 * finds the stored answer and counts nothing twice.
 */
export async function receivePurchaseOrder(store: Store, ctx: CommandContext, ref: string, input: ReceiveInput): Promise<CommandResult<ReceiptResult>> {
  checkShape(input.lines);
  return runCommand(store, ctx, { name: `purchase_order.receive:${ref}`, input }, (trx) => book(trx, ctx, ref, input, 'receipt'));
}

/** Sends received goods back to the supplier: bin → supplier at the line's price, booked against the order. */
export async function returnToSupplier(store: Store, ctx: CommandContext, ref: string, input: ReceiveInput): Promise<CommandResult<ReceiptResult>> {
  checkShape(input.lines);
  return runCommand(store, ctx, { name: `purchase_order.return:${ref}`, input }, (trx) => book(trx, ctx, ref, input, 'return'));
}

async function book(trx: Executor, ctx: CommandContext, ref: string, input: ReceiveInput, kind: PurchaseReceiptKind) {
  const now = nowIso();
  const occurredAt = parseOccurredAt(input.occurredAt, '/occurredAt', now);
  const order = await lockFor(trx, ref, kind === 'receipt' ? 'receive' : 'return');
  const candidates: Candidate[] = (await repo.linesOf(trx, [order.id])).map((row) => ({ ...stateOf(row), row, itemId: row.item_id, lineNo: row.line_no, pending: 0, isNew: false }));
  const planned = kind === 'receipt' ? await planReceipt(trx, order, candidates, input) : await planReturn(trx, order, candidates, input);
  const resolved = await resolveRefs(
    trx,
    planned.map((p) => ({ ref: p.line.itemId, path: p.itemPath })),
    [...planned.map((p) => p.location), { ref: SUPPLIER, path: '/' }],
  );
  for (const p of planned) checkLocation(resolved, p.location, kind === 'receipt' ? order.site_id : null, order.number);

  const newLines = candidates.filter((c) => c.isNew);
  if (candidates.length > MAX_LINES) throw new DomainError('rule-violation', `an order holds at most ${MAX_LINES} lines`);
  await repo.insertLines(trx, newLines.map((c) => c.row));
  for (const c of candidates.filter((c) => c.pending > 0 && !c.isNew)) {
    await repo.updateLineRow(trx, c.row.id, kind === 'receipt' ? { received_quantity: c.received + c.pending } : { returned_quantity: c.returned + c.pending });
  }
  const lines = planned.map((p, i) => {
    const [from, to] = kind === 'receipt' ? [SUPPLIER, p.location.ref] : [p.location.ref, SUPPLIER];
    const movement = draft(resolved, { item: p.line.itemId, quantity: p.quantity, from, to, path: `/lines/${i}/quantity` }, {
      kind, unitCost: p.unitCost, documentType: 'purchase_order', documentId: order.id,
      reference: input.reference ?? order.number, note: input.note ?? null, occurredAt,
    });
    return { draft: movement, input: { lot: input.lines[i]?.lot, serials: input.lines[i]?.serials }, base: `/lines/${i}`, fromVirtual: kind === 'receipt' };
  });
  const drafts = await applyTracking(trx, lines, { now, toCustomer: false });
  const meta = postingMeta(ctx, now);
  const rows = await postMovements(trx, drafts, meta);
  // A tracked line may post several movements (lots, serials coming back from elsewhere): the receipt line names its first.
  const movementOf = (i: number) => rows.find((_, j) => drafts[j]?.path === `/lines/${i}/quantity`)?.id ?? '';
  const receiptId = newId();
  const receiptLines: PurchaseReceiptLineRow[] = planned.map((p, i) => ({
    receipt_id: receiptId, line_no: i + 1, order_line_id: p.line.row.id, item_id: p.line.itemId,
    location_id: resolved.location(p.location.ref).id, quantity: p.quantity, unit_cost: p.unitCost, movement_id: movementOf(i),
  }));
  await insertReceipt(trx, {
    id: receiptId, purchase_order_id: order.id, kind, posting_id: meta.postingId, reference: input.reference ?? null, note: input.note ?? null,
    actor: ctx.actor.id, actor_name: ctx.actor.name, occurred_at: occurredAt, recorded_at: now,
  }, receiptLines);
  if (kind === 'receipt') await applyStatusFromLines(trx, order.id, now);
  const receiptRow = await findReceipt(trx, receiptId);
  const [receipt] = await toReceipts(trx, receiptRow ? [receiptRow] : []);
  const updated = await repo.findOrderByRef(trx, order.id);
  return {
    result: { receipt: receipt as ReceiptResult['receipt'], purchaseOrder: await toOrder(trx, updated ?? order), movements: toMovementsWith(rows, resolved.names(), drafts) },
    audit: [{
      action: kind === 'receipt' ? 'purchase_order.received' : 'purchase_order.returned', entityType: 'purchase_order', entityId: order.id, reason: input.note,
      details: { receipt: receiptId, postingId: meta.postingId, lines: planned.length, unplanned: newLines.length },
    }],
  };
}

async function planReceipt(trx: Executor, order: PurchaseOrderRow, candidates: Candidate[], input: ReceiveInput): Promise<Planned[]> {
  const supplier = await requireSupplier(trx, order.supplier_id);
  const { scanned, decimals } = await identifyItems(trx, input.lines, candidates);
  const offers = await termsForOrder(trx, order.supplier_id, [...scanned.values()]);
  const over: FieldError[] = [];
  const overReceipts: unknown[] = [];
  const planned = input.lines.map((l, i): Planned => {
    const { line, itemPath } = chooseLine(order, candidates, l, i, scanned, 'receipt');
    const places = decimals.get(line.itemId) ?? 0;
    const quantity = parsePositiveScaled(l.quantity, places, `/lines/${i}/quantity`);
    if (l.unitCost !== undefined && !line.unplanned) throw invalidField(`/lines/${i}/unitCost`, 'an ordered line is received at its order price');
    const given = l.unitCost === undefined ? undefined : parseCost(l.unitCost, `/lines/${i}/unitCost`);
    if (line.isNew && line.row.unit_price === null) {
      line.row.unit_price = given ?? pickPriceBreak(offers.get(line.itemId)?.breaks ?? [], quantity)?.unitPrice ?? null;
    }
    if (!line.unplanned) {
      const allowed = maxReceivable(line.quantity, Number(supplier.over_receipt_tolerance_bp)) - line.received - line.pending;
      if (quantity > allowed) {
        const text = (n: number) => formatScaled(n, places);
        const message = `at most ${text(Math.max(0, allowed))} more can be received on line ${line.lineNo} (ordered ${text(line.quantity)}, received ${text(line.received + line.pending)}, tolerance ${formatTolerance(Number(supplier.over_receipt_tolerance_bp))}%)`;
        over.push({ path: `/lines/${i}/quantity`, message });
        overReceipts.push({ path: `/lines/${i}/quantity`, line: line.row.id, ordered: text(line.quantity), received: text(line.received + line.pending), requested: text(quantity), allowed: text(Math.max(0, allowed)) });
      }
    }
    line.pending += quantity;
    return { line, quantity, unitCost: given ?? (line.row.unit_price === null ? null : Number(line.row.unit_price)), location: locationOf(input, l, i), itemPath };
  });
  if (over.length > 0) throw new DomainError('rule-violation', `over-receipt beyond the supplier's tolerance: ${over.map((e) => e.message).join('; ')}`, over, { overReceipts });
  for (const c of candidates.filter((c) => c.isNew)) c.row.received_quantity = c.pending;
  return planned;
}

async function planReturn(trx: Executor, order: PurchaseOrderRow, candidates: Candidate[], input: ReceiveInput): Promise<Planned[]> {
  const { scanned, decimals } = await identifyItems(trx, input.lines, candidates);
  return input.lines.map((l, i): Planned => {
    const { line, itemPath } = chooseLine(order, candidates, l, i, scanned, 'return');
    const places = decimals.get(line.itemId) ?? 0;
    const quantity = parsePositiveScaled(l.quantity, places, `/lines/${i}/quantity`);
    const allowed = line.received - line.returned - line.pending;
    if (quantity > allowed) {
      const message = `at most ${formatScaled(Math.max(0, allowed), places)} of line ${line.lineNo} can go back (received ${formatScaled(line.received, places)}, returned ${formatScaled(line.returned + line.pending, places)})`;
      throw new DomainError('rule-violation', message, [{ path: `/lines/${i}/quantity`, message }]);
    }
    line.pending += quantity;
    return { line, quantity, unitCost: line.row.unit_price === null ? null : Number(line.row.unit_price), location: locationOf(input, l, i), itemPath };
  });
}

/** The order line a request line means: named by id, or the line a scanned item belongs on (a new unplanned one if none). */
function chooseLine(order: PurchaseOrderRow, candidates: Candidate[], l: ReceiveLineInput, i: number, scanned: Map<string, string>, kind: PurchaseReceiptKind): { line: Candidate; itemPath: string } {
  if (l.line !== undefined) {
    const line = candidates.find((c) => c.row.id === l.line && !c.isNew);
    if (!line) throw invalidField(`/lines/${i}/line`, `'${l.line}' is not a line of ${order.number}`);
    if (kind === 'receipt' && line.closed) throw new DomainError('rule-violation', `line ${line.lineNo} of ${order.number} is closed`, [{ path: `/lines/${i}/line`, message: 'the line is closed' }]);
    return { line, itemPath: `/lines/${i}/line` };
  }
  const itemPath = `/lines/${i}/item`;
  const itemId = scanned.get(l.item ?? '') ?? '';
  const picked = kind === 'receipt' ? pickLineForItem(candidates, itemId) : pickLineForReturn(candidates, itemId);
  if (picked === 'closed') throw new DomainError('rule-violation', `${order.number} has '${l.item}' only on closed lines`, [{ path: itemPath, message: 'every line of this item is closed' }]);
  if (picked) return { line: picked, itemPath };
  if (kind === 'return') throw new DomainError('rule-violation', `nothing of '${l.item}' received on ${order.number} is left to return`, [{ path: itemPath, message: 'nothing of this item is left to return' }]);
  const row: PurchaseOrderLineRow = {
    id: newId(), purchase_order_id: order.id, line_no: Math.max(0, ...candidates.map((c) => c.lineNo)) + 1, item_id: itemId, quantity: 0, unit_price: null,
    expected_date: null, received_quantity: 0, returned_quantity: 0, unplanned: 1, closed_at: null,
  };
  const line: Candidate = { ...stateOf(row), row, itemId, lineNo: row.line_no, pending: 0, isNew: true };
  candidates.push(line);
  return { line, itemPath };
}

/**
 * Finds the items of scanned lines by id, SKU or barcode, and the decimals of every item involved.
 * Unknown codes are reported together, each at its line.
 */
async function identifyItems(trx: Executor, lines: ReceiveLineInput[], candidates: Candidate[]): Promise<{ scanned: Map<string, string>; decimals: Map<string, number> }> {
  const scanned = new Map<string, string>();
  const errors: FieldError[] = [];
  for (const [i, l] of lines.entries()) {
    if (l.item === undefined || scanned.has(l.item)) continue;
    const code = l.item;
    const item = (await unlessNotFound(() => getItem(trx, code))) ?? (await unlessNotFound(() => findItemByBarcode(trx, code)));
    if (item) scanned.set(l.item, item.id);
    else errors.push({ path: `/lines/${i}/item`, message: `no item has the id, SKU or barcode '${l.item}'` });
  }
  if (errors.length > 0) throw new DomainError('validation', errors.map((e) => e.message).join('; '), errors);
  const refs = await itemRefsByIds(trx, [...scanned.values(), ...candidates.map((c) => c.itemId)]);
  return { scanned, decimals: new Map([...refs.values()].map((r) => [r.id, r.decimals])) };
}

/** The value, or null when the lookup found nothing; any other failure still propagates. */
async function unlessNotFound<T>(lookup: () => Promise<T>): Promise<T | null> {
  try {
    return await lookup();
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not-found') return null;
    throw error;
  }
}

function locationOf(input: ReceiveInput, l: ReceiveLineInput, i: number): { ref: string; path: string } {
  if (l.location !== undefined) return { ref: l.location, path: `/lines/${i}/location` };
  if (input.location !== undefined) return { ref: input.location, path: '/location' };
  throw invalidField(`/lines/${i}/location`, 'name the location, on the line or for the whole receipt');
}

/** Receipts go into the order's destination site; returns leave from any physical location. */
function checkLocation(resolved: Resolved, side: { ref: string; path: string }, siteId: string | null, number: string): void {
  const location = resolved.location(side.ref);
  if (location.kind === 'virtual') throw invalidField(side.path, `'${location.code}' is a virtual location; name a bin, zone or site`);
  if (siteId !== null && location.siteId !== siteId) throw invalidField(side.path, `'${location.code}' is not in the site ${number} is delivered to`);
}

function checkShape(lines: ReceiveLineInput[]): void {
  if (lines.length === 0) throw invalidField('/lines', 'at least one line is needed');
  lines.forEach((l, i) => {
    if ((l.line === undefined) === (l.item === undefined)) throw invalidField(`/lines/${i}`, 'name either the order line (line) or the item (item)');
  });
}
