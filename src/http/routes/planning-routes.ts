import { z } from 'zod';
import * as reorder from '../../planning/reorder-service.js';
import * as suggestions from '../../planning/suggestion-service.js';
import { contextOf } from '../auth.js';
import { done, type Api, type Deps } from '../respond.js';
import { errorResponses, page } from '../schemas/common.js';
import { CreateSuggestedBody, PolicyBody, PolicyParams, PurchaseSuggestions, ReorderListQuery, ReorderStatus, SuggestionQuery } from '../schemas/planning.js';
import { PurchaseOrderSummary } from '../schemas/purchasing.js';

const tags = ['planning'];
const policies = '/api/v1/planning/reorder-policies';

const CreatedOrders = z.object({
  orders: z.array(PurchaseOrderSummary),
  skipped: z.array(z.object({ supplier: z.string(), item: z.string(), quantity: z.string(), reason: z.literal('no-price') })),
});

export function planningRoutes(app: Api, { store }: Deps): void {
  app.put(`${policies}/:item/:site`, { schema: { tags, summary: 'Set the reorder policy of an item at a site', params: PolicyParams, body: PolicyBody, response: { 200: ReorderStatus, ...errorResponses } } },
    async (req, reply) => done(reply, await reorder.setReorderPolicy(store, contextOf(req), req.params.item, req.params.site, req.body)));

  app.delete(`${policies}/:item/:site`, { schema: { tags, summary: 'Remove the reorder policy of an item at a site', params: PolicyParams, response: { 204: z.null(), ...errorResponses } } },
    async (req, reply) => done(reply, await reorder.removeReorderPolicy(store, contextOf(req), req.params.item, req.params.site), 204));

  app.get(policies, { schema: { tags, summary: 'Reorder levels and stock position per item × site; low=true lists the low-stock alerts', querystring: ReorderListQuery, response: { 200: page(ReorderStatus), ...errorResponses } } },
    async (req) => reorder.listReorderStatus(store.db, req.query));

  app.get('/api/v1/planning/suggestions', { schema: { tags, summary: 'Suggested purchase orders: low items rounded to pack size and MOQ, grouped by supplier × site', querystring: SuggestionQuery, response: { 200: PurchaseSuggestions, ...errorResponses } } },
    async (req) => suggestions.purchaseSuggestions(store.db, req.query));

  app.post('/api/v1/planning/suggestions/purchase-orders', { schema: { tags, summary: 'Create the suggested purchase orders as drafts', body: CreateSuggestedBody, response: { 201: CreatedOrders, ...errorResponses } } },
    async (req, reply) => done(reply, await suggestions.createSuggestedOrders(store, contextOf(req), req.body), 201));
}
