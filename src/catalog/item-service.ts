import { runCommand, type CommandResult } from '../db/command.js';
import type { Executor, ItemRow } from '../db/schema.js';
import { isUniqueViolation, type Store } from '../db/store.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField, notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { decodeCursor, toPage, type Page } from '../shared/page.js';
import { formatScaled, MAX_DECIMALS, parseScaled } from '../shared/quantity.js';
import { indexReferences, type FieldRef } from '../shared/references.js';
import { nowIso } from '../shared/time.js';
import { barcodeProblem, normalizeBarcode, type BarcodeKind } from './barcode-rules.js';
import * as repo from './item-repository.js';
import type { Barcode, Item, ItemChanges, ItemRef, NewItem } from './item-types.js';

export async function createItem(store: Store, ctx: CommandContext, input: NewItem): Promise<CommandResult<Item>> {
  const decimals = input.decimals ?? 0;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw invalidField('/decimals', `decimals must be an integer from 0 to ${MAX_DECIMALS}`);
  }
  const tracking = input.tracking ?? 'none';
  if (tracking === 'serial' && decimals !== 0) throw invalidField('/tracking', 'a serial-tracked item counts whole units: its decimals must be 0');
  const barcodes = (input.barcodes ?? []).map((b, i) => checkedBarcode(b, `/barcodes/${i}/code`));
  return runCommand(store, ctx, { name: 'item.create', input }, async (trx) => {
    const now = nowIso();
    const id = newId();
    await guardUnique(() =>
      repo.insertItem(trx, {
        id, sku: input.sku, name: input.name, description: input.description ?? null, category: input.category ?? null,
        unit: input.unit ?? 'pcs', decimals, reorder_point: optionalScaled(input.reorderPoint, decimals, '/reorderPoint'),
        archived_at: null, created_at: now, updated_at: now, tracking,
      }), `an item with SKU '${input.sku}' already exists`, '/sku');
    for (const [i, b] of barcodes.entries()) await addBarcodeRow(trx, id, b, `/barcodes/${i}/code`);
    const item = await loadItem(trx, id);
    return { result: item, audit: [{ action: 'item.created', entityType: 'item', entityId: id, details: { sku: input.sku } }] };
  });
}

export async function updateItem(store: Store, ctx: CommandContext, ref: string, changes: ItemChanges): Promise<CommandResult<Item>> {
  return runCommand(store, ctx, { name: `item.update:${ref}`, input: changes }, async (trx) => {
    const row = await requireItem(trx, ref);
    await repo.updateItemRow(trx, row.id, {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.description !== undefined && { description: changes.description }),
      ...(changes.category !== undefined && { category: changes.category }),
      ...(changes.unit !== undefined && { unit: changes.unit }),
      ...(changes.reorderPoint !== undefined && { reorder_point: optionalScaled(changes.reorderPoint, row.decimals, '/reorderPoint') }),
      updated_at: nowIso(),
    });
    return { result: await loadItem(trx, row.id), audit: [{ action: 'item.updated', entityType: 'item', entityId: row.id, details: changes }] };
  });
}

export async function setItemArchived(store: Store, ctx: CommandContext, ref: string, archived: boolean): Promise<CommandResult<Item>> {
  return runCommand(store, ctx, { name: `item.archive:${ref}`, input: { archived } }, async (trx) => {
    const row = await requireItem(trx, ref);
    const now = nowIso();
    await repo.updateItemRow(trx, row.id, { archived_at: archived ? (row.archived_at ?? now) : null, updated_at: now });
    const action = archived ? 'item.archived' : 'item.restored';
    return { result: await loadItem(trx, row.id), audit: [{ action, entityType: 'item', entityId: row.id }] };
  });
}

export async function addBarcode(store: Store, ctx: CommandContext, ref: string, barcode: Barcode): Promise<CommandResult<Item>> {
  const checked = checkedBarcode(barcode, '/code');
  return runCommand(store, ctx, { name: `item.barcode.add:${ref}`, input: barcode }, async (trx) => {
    const row = await requireItem(trx, ref);
    await addBarcodeRow(trx, row.id, checked, '/code');
    return { result: await loadItem(trx, row.id), audit: [{ action: 'item.barcode_added', entityType: 'item', entityId: row.id, details: barcode }] };
  });
}

export async function removeBarcode(store: Store, ctx: CommandContext, ref: string, code: string): Promise<CommandResult<Item>> {
  return runCommand(store, ctx, { name: `item.barcode.remove:${ref}`, input: { code } }, async (trx) => {
    const row = await requireItem(trx, ref);
    const removed = (await repo.deleteBarcode(trx, row.id, code)) + (await repo.deleteBarcode(trx, row.id, code.padStart(14, '0')));
    if (removed === 0) throw notFound('barcode', code);
    return { result: await loadItem(trx, row.id), audit: [{ action: 'item.barcode_removed', entityType: 'item', entityId: row.id, details: { code } }] };
  });
}

export async function getItem(db: Executor, ref: string): Promise<Item> {
  const row = await requireItem(db, ref);
  return (await toItems(db, [row]))[0] as Item;
}

/** The item a scanned code belongs to, trying the code as given and as a zero-padded GTIN-14. */
export async function findItemByBarcode(db: Executor, code: string): Promise<Item> {
  const candidates = /^\d{8,14}$/.test(code) ? [code, code.padStart(14, '0')] : [code];
  const barcode = await repo.findBarcode(db, candidates);
  if (!barcode) throw notFound('barcode', code);
  return getItem(db, barcode.item_id);
}

export interface ListItemsQuery {
  search?: string | undefined;
  category?: string | undefined;
  includeArchived?: boolean | undefined;
  cursor?: string | undefined;
  limit: number;
}

export async function listItems(db: Executor, query: ListItemsQuery): Promise<Page<Item>> {
  const afterSku = query.cursor === undefined ? undefined : decodeCursor<string>(query.cursor, 'string');
  const rows = await repo.listItemRows(db, { ...query, afterSku });
  const page = toPage(rows, query.limit, (r) => r.sku, (r) => r);
  return { data: await toItems(db, page.data), nextCursor: page.nextCursor };
}

export function listCategories(db: Executor): Promise<string[]> {
  return repo.listCategories(db);
}

/**
 * Resolves item references (id or SKU) for an operation. `paths` gives the request field of each
 * reference so an unknown or archived item is reported where the client wrote it.
 */
export async function resolveItemRefs(db: Executor, refs: FieldRef[]): Promise<Map<string, ItemRef>> {
  const rows = await repo.findItemsByRefs(db, [...new Set(refs.map((r) => r.ref))]);
  return indexReferences('item', refs, rows.map((row) => ({ id: row.id, naturalKey: row.sku, value: toRef(row) })));
}

export async function itemRefsByIds(db: Executor, ids: readonly string[]): Promise<Map<string, ItemRef & { name: string; unit: string }>> {
  const rows = await repo.findItemsByIds(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, { ...toRef(r), name: r.name, unit: r.unit }]));
}

function toRef(row: ItemRow): ItemRef {
  return { id: row.id, sku: row.sku, decimals: row.decimals, archived: row.archived_at !== null, tracking: row.tracking };
}

async function requireItem(db: Executor, ref: string): Promise<ItemRow> {
  const row = await repo.findItemByRef(db, ref);
  if (!row) throw notFound('item', ref);
  return row;
}

async function loadItem(db: Executor, id: string): Promise<Item> {
  return getItem(db, id);
}

async function toItems(db: Executor, rows: ItemRow[]): Promise<Item[]> {
  const barcodes = await repo.listBarcodes(db, rows.map((r) => r.id));
  return rows.map((row) => ({
    id: row.id, sku: row.sku, name: row.name, description: row.description, category: row.category,
    unit: row.unit, decimals: row.decimals, tracking: row.tracking,
    reorderPoint: row.reorder_point === null ? null : formatScaled(row.reorder_point, row.decimals),
    barcodes: barcodes.filter((b) => b.item_id === row.id).map((b) => ({ code: b.code, kind: b.kind as BarcodeKind })),
    archived: row.archived_at !== null, createdAt: row.created_at, updatedAt: row.updated_at,
  }));
}

function checkedBarcode(barcode: Barcode, path: string): Barcode {
  const problem = barcodeProblem(barcode.code, barcode.kind);
  if (problem) throw invalidField(path, problem);
  return { code: normalizeBarcode(barcode.code, barcode.kind), kind: barcode.kind };
}

async function addBarcodeRow(db: Executor, itemId: string, barcode: Barcode, path: string): Promise<void> {
  await guardUnique(
    () => repo.insertBarcode(db, { code: barcode.code, item_id: itemId, kind: barcode.kind, created_at: nowIso() }),
    `barcode '${barcode.code}' already belongs to an item`, path,
  );
}

function optionalScaled(value: string | number | null | undefined, decimals: number, path: string): number | null {
  if (value === null || value === undefined) return null;
  const scaled = parseScaled(value, decimals, path);
  if (scaled < 0) throw invalidField(path, 'must not be negative');
  return scaled;
}

async function guardUnique(write: () => Promise<void>, message: string, path: string): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('conflict', message, [{ path, message }]);
    throw error;
  }
}
