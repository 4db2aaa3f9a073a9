import * as webhooks from '../../events/webhook-service.js';
import { contextOf } from '../auth.js';
import { done, type Api, type Deps } from '../respond.js';
import { z } from 'zod';
import { errorResponses, IdParams, page, PageQuery } from '../schemas/common.js';
import { CreatedWebhook, DeliveryListQuery, NewWebhookBody, ReplayBody, Webhook, WebhookChangesBody, WebhookDelivery, WebhookReplay } from '../schemas/webhooks.js';

const tags = ['webhooks'];
/** Subscriptions name URLs that may carry tokens and decide where stock data goes: admins only, reading included. */
const config = { access: 'admin' as const };
const DeliveryParams = IdParams.extend({ deliveryId: z.string().min(1).max(200) });

export function webhookRoutes(app: Api, { store }: Deps): void {
  app.post('/api/v1/webhooks', { config, schema: { tags, summary: 'Subscribe a URL to events; the response is the only time the signing secret is shown', body: NewWebhookBody, response: { 201: CreatedWebhook, ...errorResponses } } },
    async (req, reply) => done(reply, await webhooks.createWebhook(store, contextOf(req), req.body), 201));

  app.get('/api/v1/webhooks', { config, schema: { tags, summary: 'List webhook subscriptions', querystring: PageQuery, response: { 200: page(Webhook), ...errorResponses } } },
    async (req) => webhooks.listWebhooks(store.db, req.query));

  app.get('/api/v1/webhooks/:id', { config, schema: { tags, summary: 'Get a webhook subscription', params: IdParams, response: { 200: Webhook, ...errorResponses } } },
    async (req) => webhooks.getWebhook(store.db, req.params.id));

  app.patch('/api/v1/webhooks/:id', { config, schema: { tags, summary: 'Change the URL, event types, description, or pause and resume', params: IdParams, body: WebhookChangesBody, response: { 200: Webhook, ...errorResponses } } },
    async (req, reply) => done(reply, await webhooks.updateWebhook(store, contextOf(req), req.params.id, req.body)));

  app.delete('/api/v1/webhooks/:id', { config, schema: { tags, summary: 'Delete a subscription and its delivery log (returns what was deleted)', params: IdParams, response: { 200: Webhook, ...errorResponses } } },
    async (req, reply) => done(reply, await webhooks.deleteWebhook(store, contextOf(req), req.params.id)));

  app.get('/api/v1/webhooks/:id/deliveries', { config, schema: { tags, summary: 'Delivery log of a subscription, newest first', params: IdParams, querystring: DeliveryListQuery, response: { 200: page(WebhookDelivery), ...errorResponses } } },
    async (req) => webhooks.listDeliveries(store.db, req.params.id, req.query));

  app.get('/api/v1/webhooks/:id/deliveries/:deliveryId', { config, schema: { tags, summary: 'One delivery of a subscription', params: DeliveryParams, response: { 200: WebhookDelivery, ...errorResponses } } },
    async (req) => webhooks.getDelivery(store.db, req.params.id, req.params.deliveryId));

  app.post('/api/v1/webhooks/:id/replay', { config, schema: { tags, summary: 'Send events again: every event from a seq, or one delivery', params: IdParams, body: ReplayBody, response: { 202: WebhookReplay, ...errorResponses } } },
    async (req, reply) => done(reply, await webhooks.replayWebhook(store, contextOf(req), req.params.id, req.body), 202));
}
