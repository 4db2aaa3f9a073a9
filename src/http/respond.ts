import type { FastifyBaseLogger, FastifyInstance, FastifyReply, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { CommandResult } from '../db/command.js';
import type { Store } from '../db/store.js';
import type { EventsRuntime } from '../events/event-service.js';

export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

export interface Deps {
  store: Store;
  events: EventsRuntime;
  /** Between SSE heartbeat comments. */
  sseHeartbeatMs: number;
}

/** Sends a command's result; a replay of an earlier Idempotency-Key says so in a header. */
export function done<T>(reply: FastifyReply, outcome: CommandResult<T>, status = 200): T {
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  reply.code(status);
  return outcome.result;
}
