/** Who is acting: an API key today, a user later. Recorded on every change. */
export interface Actor {
  id: string;
  name: string;
  role: 'admin' | 'operator' | 'viewer';
}

export interface CommandContext {
  actor: Actor;
  /** The request's Idempotency-Key, when it sent one. */
  idempotencyKey?: string | undefined;
}

export const SYSTEM_ACTOR: Actor = { id: 'system', name: 'Stockroom', role: 'admin' };

export function systemContext(): CommandContext {
  return { actor: SYSTEM_ACTOR };
}
