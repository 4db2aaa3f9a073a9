import { z } from 'zod';
import { createApiKey, listApiKeys, revokeApiKey } from '../../access/api-key-service.js';
import { ROLES } from '../../access/api-key-rules.js';
import { listAudit } from '../../access/audit-service.js';
import { checkReachable } from '../../db/store.js';
import { checkConsistency } from '../../ledger/consistency.js';
import { contextOf } from '../auth.js';
import { done, type Api, type Deps } from '../respond.js';
import { errorResponses, IdParams, page, PageQuery, Timestamp } from '../schemas/common.js';

const ApiKey = z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES), prefix: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() }).meta({ id: 'ApiKey' });
const AuditEntry = z.object({
  id: z.string(), seq: z.number().int(), at: z.string(), actor: z.object({ id: z.string(), name: z.string() }), action: z.string(),
  entity: z.object({ type: z.string(), id: z.string() }), reason: z.string().nullable(), details: z.unknown(),
}).meta({ id: 'AuditEntry' });
const Drift = z.object({ itemId: z.string(), locationId: z.string(), field: z.enum(['on_hand', 'reserved']), expected: z.number().int(), actual: z.number().int() });
const LotDrift = z.object({
  itemId: z.string(), locationId: z.string(), lotId: z.string().nullable(), serialId: z.string().optional(),
  field: z.enum(['lot_on_hand', 'lot_reserved', 'lots_sum_on_hand', 'lots_sum_reserved', 'serial_location']), expected: z.union([z.number().int(), z.string()]), actual: z.union([z.number().int(), z.string()]),
});
const ConsistencyReport = z.object({ ok: z.boolean(), balancesChecked: z.number().int(), movementsReplayed: z.boolean(), drift: z.array(Drift), unbalancedItems: z.array(z.string()), lotDrift: z.array(LotDrift) }).meta({ id: 'ConsistencyReport' });

export function systemRoutes(app: Api, { store }: Deps): void {
  app.get('/api/health', { config: { access: 'public' }, schema: { tags: ['system'], summary: 'Liveness and database reachability (no key needed)', response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) }) } } },
    async () => {
      await checkReachable(store);
      return { status: 'ok' as const, database: store.dialect };
    });

  app.get('/api/v1/consistency', { schema: { tags: ['system'], summary: 'Recompute balances and holds from the ledger and report drift', response: { 200: ConsistencyReport, ...errorResponses } } },
    async () => checkConsistency(store.db));

  app.get('/api/v1/audit', { schema: { tags: ['access'], summary: 'Audit log: who did what, when and why (newest first)', querystring: PageQuery.extend({ entityType: z.string().max(50).optional(), entityId: z.string().max(200).optional(), actor: z.string().max(200).optional(), action: z.string().max(100).optional(), from: Timestamp.optional(), to: Timestamp.optional() }), response: { 200: page(AuditEntry), ...errorResponses } } },
    async (req) => listAudit(store.db, req.query));

  app.get('/api/v1/api-keys', { config: { access: 'admin' }, schema: { tags: ['access'], summary: 'List API keys (secrets are never shown again)', response: { 200: z.object({ data: z.array(ApiKey) }), ...errorResponses } } },
    async () => ({ data: await listApiKeys(store.db) }));

  app.post('/api/v1/api-keys', { config: { access: 'admin' }, schema: { tags: ['access'], summary: 'Create an API key; the response is the only time the secret is shown', body: z.strictObject({ name: z.string().trim().min(1).max(100), role: z.enum(ROLES).default('operator') }), response: { 201: ApiKey.extend({ key: z.string() }), ...errorResponses } } },
    async (req, reply) => done(reply, await createApiKey(store, contextOf(req), req.body), 201));

  app.post('/api/v1/api-keys/:id/revoke', { config: { access: 'admin' }, schema: { tags: ['access'], summary: 'Revoke an API key', params: IdParams, response: { 200: ApiKey, ...errorResponses } } },
    async (req, reply) => done(reply, await revokeApiKey(store, contextOf(req), req.params.id)));
}
