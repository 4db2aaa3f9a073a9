import { runCommand, type CommandResult } from '../db/command.js';
import type { Executor } from '../db/schema.js';
import { isUniqueViolation, type Store } from '../db/store.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField, notFound } from '../shared/errors.js';
import { nowIso } from '../shared/time.js';
import * as repo from './reason-code-repository.js';

/** Reason codes say why stock was adjusted (damage, theft, found…); adjustments must name one. */
export interface ReasonCode {
  code: string;
  name: string;
}

export interface ReasonCodeView extends ReasonCode {
  archived: boolean;
}

const view = (row: repo.ReasonCodeRow): ReasonCodeView => ({ code: row.code, name: row.name, archived: row.archived_at !== null });

export async function listReasonCodes(db: Executor, includeArchived = false): Promise<ReasonCodeView[]> {
  return (await repo.listReasonCodeRows(db, includeArchived)).map(view);
}

/** A new adjustment may only name a code that exists and is not archived (archived ones stay on past movements). */
export async function requireReasonCode(db: Executor, code: string, path: string): Promise<void> {
  const row = await repo.findReasonCode(db, code);
  if (!row) throw invalidField(path, `reason code '${code}' does not exist (see GET /api/v1/reason-codes)`);
  if (row.archived_at !== null) throw invalidField(path, `reason code '${code}' is archived`);
}

export async function createReasonCode(store: Store, ctx: CommandContext, input: ReasonCode): Promise<CommandResult<ReasonCodeView>> {
  return runCommand(store, ctx, { name: 'reason-code.create', input }, async (trx) => {
    try {
      await repo.insertReasonCode(trx, { ...input, created_at: nowIso() });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('conflict', `reason code '${input.code}' exists`, [{ path: '/code', message: 'code is taken' }]);
      throw error;
    }
    return { result: { ...input, archived: false }, audit: [{ action: 'reason_code.created', entityType: 'reason_code', entityId: input.code }] };
  });
}

/** The code is what movements record, so it never changes; only its name does. */
export async function renameReasonCode(store: Store, ctx: CommandContext, code: string, input: { name: string }): Promise<CommandResult<ReasonCodeView>> {
  return runCommand(store, ctx, { name: `reason-code.rename:${code}`, input }, async (trx) => {
    const row = await requireRow(trx, code);
    await repo.updateReasonCodeRow(trx, code, { name: input.name });
    return { result: view({ ...row, name: input.name }), audit: [{ action: 'reason_code.renamed', entityType: 'reason_code', entityId: code, details: { from: row.name, to: input.name } }] };
  });
}

export async function setReasonCodeArchived(store: Store, ctx: CommandContext, code: string, archived: boolean): Promise<CommandResult<ReasonCodeView>> {
  return runCommand(store, ctx, { name: `reason-code.${archived ? 'archive' : 'restore'}:${code}`, input: {} }, async (trx) => {
    const row = await requireRow(trx, code);
    const archivedAt = archived ? (row.archived_at ?? nowIso()) : null;
    await repo.updateReasonCodeRow(trx, code, { archived_at: archivedAt });
    return { result: view({ ...row, archived_at: archivedAt }), audit: [{ action: archived ? 'reason_code.archived' : 'reason_code.restored', entityType: 'reason_code', entityId: code }] };
  });
}

async function requireRow(db: Executor, code: string): Promise<repo.ReasonCodeRow> {
  const row = await repo.findReasonCode(db, code);
  if (!row) throw notFound('reason code', code);
  return row;
}
