import { z } from 'zod';
import { PageQuery } from './common.js';

const EventTypes = z
  .array(z.string().max(100))
  .max(50)
  .describe('Event types to receive: exact types (`stock.changed`), `prefix.*` (`sales_order.*`) or `*` for every type');
const Status = z.enum(['active', 'paused']).describe('`paused`: nothing is sent; on resuming, what happened meanwhile is sent');
const Url = z.string().max(2000).describe('Where deliveries are POSTed: an absolute http:// or https:// URL, without credentials');
const Description = z.string().max(500).nullish().describe('What the subscription is for');

export const Webhook = z
  .object({
    id: z.string(), url: z.string(), description: z.string().nullable(), eventTypes: z.array(z.string()), status: Status,
    queuedThroughSeq: z.number().int().describe('Every event up to this seq has been queued for delivery'),
    pendingDeliveries: z.number().int(), failedDeliveries: z.number().int(),
    createdBy: z.string(), createdAt: z.string(), updatedAt: z.string(),
  })
  .meta({ id: 'Webhook' });

export const CreatedWebhook = Webhook.extend({
  secret: z.string().describe('The signing secret (HMAC-SHA256 key of Webhook-Signature). Shown only in this response: keep it.'),
}).meta({ id: 'CreatedWebhook' });

export const NewWebhookBody = z
  .object({ url: Url, eventTypes: EventTypes.optional().describe('Default: `["*"]`'), description: Description, status: Status.optional() })
  .strict()
  .meta({ id: 'NewWebhook' });

export const WebhookChangesBody = z
  .object({ url: Url.optional(), eventTypes: EventTypes.optional(), description: Description, status: Status.optional() })
  .strict()
  .meta({ id: 'WebhookChanges' });

export const WebhookDelivery = z
  .object({
    id: z.string(), webhookId: z.string(),
    event: z.object({ id: z.string().describe('Sent as Webhook-Id'), seq: z.number().int(), type: z.string() }),
    status: z.enum(['pending', 'delivered', 'failed']).describe('`failed`: every attempt of the retry schedule failed'),
    attempts: z.number().int().describe('Attempts with a result (an answer, an error or a timeout)'),
    nextAttemptAt: z.string().nullable().describe('When a pending delivery is due'),
    lastAttemptAt: z.string().nullable(), lastStatusCode: z.number().int().nullable().describe('HTTP status of the latest answer'),
    lastError: z.string().nullable().describe('Why the latest attempt failed (status and the start of the body, a timeout, a connection error)'),
    lastDurationMs: z.number().int().nullable(), deliveredAt: z.string().nullable(),
    replayOf: z.string().nullable().describe('The delivery this one sends again'), createdAt: z.string(),
  })
  .meta({ id: 'WebhookDelivery' });

export const DeliveryListQuery = PageQuery.extend({ status: z.enum(['pending', 'delivered', 'failed']).optional() });

export const ReplayBody = z
  .object({
    fromSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional().describe('Queue again every event from this seq that matches the filter'),
    deliveryId: z.string().min(1).max(200).optional().describe('Send this delivery’s event again'),
  })
  .strict()
  .meta({ id: 'WebhookReplayRequest' });

export const WebhookReplay = z
  .object({
    queued: z.number().int(), fromSeq: z.number().int(), throughSeq: z.number().int(),
    deliveryId: z.string().nullable().describe('The delivery that sends the event again (deliveryId replays)'),
  })
  .meta({ id: 'WebhookReplay' });
