import { runCommand, type CommandResult } from '../db/command.js';
import type { Executor } from '../db/schema.js';
import { isUniqueViolation, type Store } from '../db/store.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError, invalidField } from '../shared/errors.js';
import { nowIso } from '../shared/time.js';

/** Reason codes say why stock was adjusted (damage, theft, found…); adjustments must name one. */
export interface ReasonCode {
  code: string;
  name: string;
}

export async function listReasonCodes(db: Executor): Promise<ReasonCode[]> {
  return db.selectFrom('reason_codes').select(['code', 'name']).orderBy('code').execute();
}

export async function requireReasonCode(db: Executor, code: string, path: string): Promise<void> {
  const row = await db.selectFrom('reason_codes').select('code').where('code', '=', code).executeTakeFirst();
  if (!row) throw invalidField(path, `reason code '${code}' does not exist (see GET /api/v1/reason-codes)`);
}

export async function createReasonCode(store: Store, ctx: CommandContext, input: ReasonCode): Promise<CommandResult<ReasonCode>> {
  return runCommand(store, ctx, { name: 'reason-code.create', input }, async (trx) => {
    try {
      await trx.insertInto('reason_codes').values({ ...input, created_at: nowIso() }).execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new DomainError('conflict', `reason code '${input.code}' exists`, [{ path: '/code', message: 'code is taken' }]);
      throw error;
    }
    return { result: input, audit: [{ action: 'reason_code.created', entityType: 'reason_code', entityId: input.code }] };
  });
}
