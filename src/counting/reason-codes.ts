import { runCommand, type CommandResult } from '../db/command.js';
import type { Executor } from '../db/schema.js';
import { isUniqueViolation, type Store } from '../db/store.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField } from '../shared/errors.js';
import { nowIso } from '../shared/time.js';
import * as repo from './reason-code-repository.js';

/** Reason codes say why stock was adjusted (damage, theft, found…); adjustments must name one. */
export interface ReasonCode {
  code: string;
  name: string;
}

export async function listReasonCodes(db: Executor): Promise<ReasonCode[]> {
  return repo.listReasonCodeRows(db);
}

export async function requireReasonCode(db: Executor, code: string, path: string): Promise<void> {
  if (!(await repo.reasonCodeExists(db, code))) throw invalidField(path, `reason code '${code}' does not exist (see GET /api/v1/reason-codes)`);
}

export async function createReasonCode(store: Store, ctx: CommandContext, input: ReasonCode): Promise<CommandResult<ReasonCode>> {
  return runCommand(store, ctx, { name: 'reason-code.create', input }, async (trx) => {
    try {
      await repo.insertReasonCode(trx, { ...input, created_at: nowIso() });
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('conflict', `reason code '${input.code}' exists`, [{ path: '/code', message: 'code is taken' }]);
      throw error;
    }
    return { result: input, audit: [{ action: 'reason_code.created', entityType: 'reason_code', entityId: input.code }] };
  });
}
