import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { createAuthenticator } from '../access/api-key-service.js';
import type { Store } from '../db/store.js';
import { startEvents } from '../events/event-service.js';
import { resolveWebhookSettings, webhookSettingsFromEnv, type WebhookSettings } from '../events/webhook-settings.js';
import { startWebhookWorker } from '../events/webhook-worker.js';
import { startAvailabilityFeed } from '../sales/availability-feed.js';
import { DomainError } from '../shared/errors.js';
import { registerAuth } from './auth.js';
import { errorHandler } from './problem.js';
import type { Api } from './respond.js';
import { eventRoutes } from './routes/events-routes.js';
import { channelRoutes } from './routes/channels-routes.js';
import { countRoutes, reasonCodeRoutes } from './routes/counts-routes.js';
import { salesOrderRoutes } from './routes/sales-orders-routes.js';
import { returnRoutes } from './routes/returns-routes.js';
import { pickListRoutes } from './routes/pick-lists-routes.js';
import { itemRoutes } from './routes/items-routes.js';
import { locationRoutes } from './routes/locations-routes.js';
import { reportRoutes } from './routes/reports-routes.js';
import { movementRoutes, operationRoutes, transferRoutes } from './routes/movements-routes.js';
import { planningRoutes } from './routes/planning-routes.js';
import { purchasingRoutes } from './routes/purchasing-routes.js';
import { supplierRoutes } from './routes/suppliers-routes.js';
import { reservationRoutes, stockRoutes } from './routes/stock-routes.js';
import { systemRoutes } from './routes/system-routes.js';
import { webhookRoutes } from './routes/webhooks-routes.js';
import { trackingRoutes } from './routes/tracking-routes.js';
import { HEARTBEAT_MS } from './sse.js';
import { registerWebApp } from './web-routes.js';

export const API_VERSION = '0.1.0';

export interface AppOptions {
  store: Store;
  logger?: FastifyServerOptions['logger'];
  /** Between SSE heartbeats; tests shorten it to see one. */
  sseHeartbeatMs?: number;
  /** Webhook delivery timing over the defaults and STOCKROOM_WEBHOOK_* variables; tests use milliseconds. */
  webhooks?: Partial<WebhookSettings>;
}

/** `curl -X POST -H 'Content-Type: application/json' …/release` with no body means "no options", not a parse error. */
function acceptEmptyJsonBodies(app: Api): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = String(body);
    if (text.trim() === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text));
    } catch {
      done(new DomainError('validation', 'the body is not valid JSON', [{ path: '/', message: 'not valid JSON' }]), undefined);
    }
  });
}

/** Fastify hands validators a missing body as null; as undefined it lets a body schema's `.default({})` mean "no options". */
const validateMissingBodyAsUndefined: typeof validatorCompiler = (route) => {
  const validate = validatorCompiler(route);
  return route.httpPart === 'body' ? (data) => validate(data === null ? undefined : data) : validate;
};

/**
 * Assembles the HTTP server: zod schemas validate requests and document them (OpenAPI 3.1 at
 * /api/openapi.json, browsable at /api/docs); every error leaves as problem+json.
 */
export async function buildApp({ store, logger = false, sseHeartbeatMs = HEARTBEAT_MS, webhooks: webhookOptions }: AppOptions): Promise<Api> {
  const app = Fastify({ logger, logController: new LogController({ disableRequestLogging: true }), bodyLimit: 8 * 1024 * 1024 }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validateMissingBodyAsUndefined);
  // Responses are typed against the same schemas at compile time; re-validating each one at run time would only cost speed.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler(errorHandler);
  acceptEmptyJsonBodies(app);
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).type('application/problem+json').send({ type: '/problems/not-found', title: 'Not found', status: 404, detail: `no route ${request.method} ${request.url}` }),
  );

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Stockroom API', version: API_VERSION, description: 'Inventory on a double-entry stock ledger. Quantities and money are exact decimal text. Send the API key as `Authorization: Bearer <key>`; every POST accepts an `Idempotency-Key` header.' },
      components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer' } } },
      security: [{ apiKey: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  registerAuth(app, createAuthenticator(store.db));
  const events = await startEvents(store, { onError: (error, context) => app.log.error({ err: error }, `events: ${context} failed`) });
  // Open streams never finish by themselves: end them first, or closing the server would wait forever.
  app.addHook('preClose', async () => events.endStreams());
  const webhooks = startWebhookWorker(store, resolveWebhookSettings(webhookSettingsFromEnv(process.env), webhookOptions), (error, context) => app.log.error({ err: error }, `webhooks: ${context} failed`));
  const feed = startAvailabilityFeed(store, (error) => app.log.error({ err: error }, 'channel availability feed failed'));
  const stopWaking = events.onSequenced(() => {
    webhooks.wake();
    feed.wake();
  });
  app.addHook('onClose', async () => {
    stopWaking();
    await feed.stop();
    await webhooks.stop();
    await events.stop();
  });
  const deps = { store, events, sseHeartbeatMs };
  for (const routes of [systemRoutes, itemRoutes, locationRoutes, movementRoutes, operationRoutes, transferRoutes, stockRoutes, reservationRoutes, reportRoutes, supplierRoutes, purchasingRoutes, planningRoutes, eventRoutes, webhookRoutes, channelRoutes, salesOrderRoutes, pickListRoutes, returnRoutes, countRoutes, reasonCodeRoutes, trackingRoutes]) {
    routes(app, deps);
  }
  await registerWebApp(app);
  return app;
}
