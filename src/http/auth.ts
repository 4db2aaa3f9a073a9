import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { roleAllows } from '../access/api-key-rules.js';
import type { Actor, CommandContext } from '../shared/context.js';
import { sendProblem } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** What a route needs beyond a valid key: reading is the default for GET, writing for the rest. */
    access?: 'public' | 'read' | 'write' | 'admin';
  }
}

export type Authenticate = (key: string) => Promise<Actor | null>;

/** Reads the key from `Authorization: Bearer …` or `X-API-Key`. */
function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim();
  const apiKey = request.headers['x-api-key'];
  return typeof apiKey === 'string' ? apiKey : undefined;
}

/** Every /api/v1 route needs a valid key; viewers may only read and key management needs an admin. */
export function registerAuth(app: FastifyInstance, authenticate: Authenticate): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config.access ?? (request.url.startsWith('/api/v1') ? (request.method === 'GET' ? 'read' : 'write') : 'public');
    if (access === 'public') return;
    const key = presentedKey(request);
    const actor = key ? await authenticate(key) : null;
    if (!actor) {
      reply.header('www-authenticate', 'Bearer');
      return sendProblem(reply, 'unauthorized', key ? 'the API key is not valid or was revoked' : 'send an API key as "Authorization: Bearer <key>"');
    }
    if (!roleAllows(actor.role, access)) {
      return reply.code(403).type('application/problem+json').send({
        type: '/problems/forbidden', title: 'Not allowed', status: 403, detail: `the ${actor.role} role cannot do this`,
      });
    }
    request.actor = actor;
  });
}

/** The acting key and the request's Idempotency-Key, for services. */
export function contextOf(request: FastifyRequest): CommandContext {
  if (!request.actor) throw new Error('route reached without an authenticated actor');
  const key = request.headers['idempotency-key'];
  return { actor: request.actor, idempotencyKey: typeof key === 'string' && key.length > 0 ? key.slice(0, 200) : undefined };
}
