import { runCommand, type CommandResult } from '../db/command.js';
import type { Executor, SupplierRow } from '../db/schema.js';
import { isUniqueViolation, type Store } from '../db/store.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { decodeCursor, toPage, type Page } from '../shared/page.js';
import { nowIso } from '../shared/time.js';
import * as repo from './supplier-repository.js';
import { checkCurrency, formatTolerance, parseTolerance } from './supplier-rules.js';
import type { NewSupplier, Supplier, SupplierChanges } from './supplier-types.js';

export async function createSupplier(store: Store, ctx: CommandContext, input: NewSupplier): Promise<CommandResult<Supplier>> {
  const currency = checkCurrency(input.currency, '/currency');
  const tolerance = input.overReceiptTolerance === undefined ? 0 : parseTolerance(input.overReceiptTolerance, '/overReceiptTolerance');
  return runCommand(store, ctx, { name: 'supplier.create', input }, async (trx) => {
    const now = nowIso();
    const id = newId();
    await guardUnique(
      () =>
        repo.insertSupplier(trx, {
          id, code: input.code, name: input.name, email: input.email ?? null, phone: input.phone ?? null, address: input.address ?? null,
          currency, lead_time_days: input.leadTimeDays ?? null, payment_terms: input.paymentTerms ?? null, over_receipt_tolerance_bp: tolerance,
          archived_at: null, created_at: now, updated_at: now,
        }),
      `a supplier with code '${input.code}' already exists`, '/code',
    );
    return { result: await getSupplier(trx, id), audit: [{ action: 'supplier.created', entityType: 'supplier', entityId: id, details: { code: input.code } }] };
  });
}

export async function updateSupplier(store: Store, ctx: CommandContext, ref: string, changes: SupplierChanges): Promise<CommandResult<Supplier>> {
  const currency = changes.currency === undefined ? undefined : checkCurrency(changes.currency, '/currency');
  const tolerance = changes.overReceiptTolerance === undefined ? undefined : parseTolerance(changes.overReceiptTolerance, '/overReceiptTolerance');
  return runCommand(store, ctx, { name: `supplier.update:${ref}`, input: changes }, async (trx) => {
    const row = await requireSupplier(trx, ref);
    // Orders keep the currency they were placed in; a new currency applies to new orders only.
    await repo.updateSupplierRow(trx, row.id, {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.email !== undefined && { email: changes.email }),
      ...(changes.phone !== undefined && { phone: changes.phone }),
      ...(changes.address !== undefined && { address: changes.address }),
      ...(currency !== undefined && { currency }),
      ...(changes.leadTimeDays !== undefined && { lead_time_days: changes.leadTimeDays }),
      ...(changes.paymentTerms !== undefined && { payment_terms: changes.paymentTerms }),
      ...(tolerance !== undefined && { over_receipt_tolerance_bp: tolerance }),
      updated_at: nowIso(),
    });
    return { result: await getSupplier(trx, row.id), audit: [{ action: 'supplier.updated', entityType: 'supplier', entityId: row.id, details: changes }] };
  });
}

/** An archived supplier takes no new orders; its open orders can still be received, closed or cancelled. */
export async function setSupplierArchived(store: Store, ctx: CommandContext, ref: string, archived: boolean): Promise<CommandResult<Supplier>> {
  return runCommand(store, ctx, { name: `supplier.archive:${ref}`, input: { archived } }, async (trx) => {
    const row = await requireSupplier(trx, ref);
    const now = nowIso();
    await repo.updateSupplierRow(trx, row.id, { archived_at: archived ? (row.archived_at ?? now) : null, updated_at: now });
    const action = archived ? 'supplier.archived' : 'supplier.restored';
    return { result: await getSupplier(trx, row.id), audit: [{ action, entityType: 'supplier', entityId: row.id }] };
  });
}

export async function getSupplier(db: Executor, ref: string): Promise<Supplier> {
  return toSupplier(await requireSupplier(db, ref));
}

export interface ListSuppliersQuery {
  search?: string | undefined;
  includeArchived?: boolean | undefined;
  cursor?: string | undefined;
  limit: number;
}

export async function listSuppliers(db: Executor, query: ListSuppliersQuery): Promise<Page<Supplier>> {
  const afterCode = query.cursor === undefined ? undefined : decodeCursor<string>(query.cursor, 'string');
  const rows = await repo.listSupplierRows(db, { ...query, afterCode });
  return toPage(rows, query.limit, (r) => r.code, toSupplier);
}

export async function requireSupplier(db: Executor, ref: string, path?: string): Promise<SupplierRow> {
  const row = await repo.findSupplierByRef(db, ref);
  if (!row) throw notFound('supplier', ref, path);
  return row;
}

export async function suppliersByIds(db: Executor, ids: readonly string[]): Promise<Map<string, SupplierRow>> {
  return new Map((await repo.findSuppliersByIds(db, ids)).map((r) => [r.id, r]));
}

function toSupplier(row: SupplierRow): Supplier {
  return {
    id: row.id, code: row.code, name: row.name, email: row.email, phone: row.phone, address: row.address, currency: row.currency,
    leadTimeDays: row.lead_time_days, paymentTerms: row.payment_terms, overReceiptTolerance: formatTolerance(Number(row.over_receipt_tolerance_bp)),
    archived: row.archived_at !== null, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

/** Turns a unique-constraint violation into a 409 problem at the field that clashed. */
export async function guardUnique(write: () => Promise<void>, message: string, path: string): Promise<void> {
  try {
    await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new DomainError('conflict', message, [{ path, message }]);
    throw error;
  }
}
