import { runCommand, type CommandResult } from '../db/command.js';
import type { Executor, WebhookDeliveryRow, WebhookDeliveryStatus, WebhookSubscriptionRow } from '../db/schema.js';
import type { Store } from '../db/store.js';
import type { CommandContext } from '../shared/context.js';
import { notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { decodeCursor, toPage, type Page } from '../shared/page.js';
import { nowIso } from '../shared/time.js';
import * as repo from './webhook-repository.js';
import { checkReplayRequest, checkTargetUrl, generateWebhookSecret, matchesEventType, normaliseEventTypes, parseEventTypes } from './webhook-rules.js';
import type { CreatedWebhook, NewWebhook, Webhook, WebhookChanges, WebhookDelivery, WebhookReplay, WebhookReplayInput } from './webhook-types.js';

/**
 * Webhook subscriptions, their delivery log and replays. A new subscription starts at the current
 * end of the event log: it receives what is numbered after it was created (replay reaches back).
 */
export async function createWebhook(store: Store, ctx: CommandContext, input: NewWebhook): Promise<CommandResult<CreatedWebhook>> {
  const url = checkTargetUrl(input.url, '/url');
  const eventTypes = normaliseEventTypes(input.eventTypes ?? ['*'], '/eventTypes');
  return runCommand(store, ctx, { name: 'webhook.create', input }, async (trx) => {
    const id = newId();
    const now = nowIso();
    const secret = generateWebhookSecret();
    await repo.insertSubscription(trx, {
      id, url, description: input.description ?? null, event_types: JSON.stringify(eventTypes), secret, status: input.status ?? 'active',
      after_seq: await repo.eventHead(trx), claimed_until: null, claim_token: null, claimed_by: null, created_by: ctx.actor.id, created_at: now, updated_at: now,
    });
    const created = await getWebhook(trx, id);
    // The secret is in the result so an Idempotency-Key replay of the request shows it too; the audit row never holds it.
    return { result: { ...created, secret }, audit: [{ action: 'webhook.created', entityType: 'webhook', entityId: id, details: { url, eventTypes } }] };
  });
}

export async function updateWebhook(store: Store, ctx: CommandContext, id: string, changes: WebhookChanges): Promise<CommandResult<Webhook>> {
  const url = changes.url === undefined ? undefined : checkTargetUrl(changes.url, '/url');
  const eventTypes = changes.eventTypes === undefined ? undefined : normaliseEventTypes(changes.eventTypes, '/eventTypes');
  return runCommand(store, ctx, { name: `webhook.update:${id}`, input: changes }, async (trx) => {
    await requireSubscription(trx, id);
    // A new filter applies to events not queued yet; what is already queued is sent as it was.
    await repo.updateSubscriptionRow(trx, id, {
      ...(url !== undefined && { url }),
      ...(eventTypes !== undefined && { event_types: JSON.stringify(eventTypes) }),
      ...(changes.description !== undefined && { description: changes.description }),
      ...(changes.status !== undefined && { status: changes.status }),
      updated_at: nowIso(),
    });
    return { result: await getWebhook(trx, id), audit: [{ action: 'webhook.updated', entityType: 'webhook', entityId: id, details: { ...changes, ...(url !== undefined && { url }) } }] };
  });
}

export async function deleteWebhook(store: Store, ctx: CommandContext, id: string): Promise<CommandResult<Webhook>> {
  return runCommand(store, ctx, { name: `webhook.delete:${id}`, input: {} }, async (trx) => {
    const gone = await getWebhook(trx, id);
    await repo.deleteSubscriptionRow(trx, id);
    return { result: gone, audit: [{ action: 'webhook.deleted', entityType: 'webhook', entityId: id, details: { url: gone.url } }] };
  });
}

export async function getWebhook(db: Executor, id: string): Promise<Webhook> {
  const row = await requireSubscription(db, id);
  const counts = await repo.countDeliveries(db, [id]);
  return toWebhook(row, counts.get(id));
}

export async function listWebhooks(db: Executor, query: { cursor?: string | undefined; limit: number }): Promise<Page<Webhook>> {
  const afterId = query.cursor === undefined ? undefined : decodeCursor<string>(query.cursor, 'string');
  const rows = await repo.listSubscriptionRows(db, { afterId, limit: query.limit });
  const counts = await repo.countDeliveries(db, rows.slice(0, query.limit).map((r) => r.id));
  return toPage(rows, query.limit, (r) => r.id, (r) => toWebhook(r, counts.get(r.id)));
}

export async function getDelivery(db: Executor, id: string, deliveryId: string): Promise<WebhookDelivery> {
  await requireSubscription(db, id);
  const row = await repo.findDelivery(db, id, deliveryId);
  if (!row) throw notFound('delivery', deliveryId);
  return toDelivery(row);
}

export async function listDeliveries(
  db: Executor,
  id: string,
  query: { status?: WebhookDeliveryStatus | undefined; cursor?: string | undefined; limit: number },
): Promise<Page<WebhookDelivery>> {
  await requireSubscription(db, id);
  const beforeId = query.cursor === undefined ? undefined : decodeCursor<string>(query.cursor, 'string');
  const rows = await repo.listDeliveryRows(db, { subscriptionId: id, status: query.status, beforeId, limit: query.limit });
  return toPage(rows, query.limit, (r) => r.id, toDelivery);
}

/**
 * Sends events again. `fromSeq` moves the subscription's cursor back, so every event from there
 * that matches its filter is queued again, in order, ahead of newer ones (an event whose delivery
 * is still pending is not queued twice). `deliveryId` sends that one event again: a new delivery,
 * or, while the delivery is still waiting for a retry, that retry right away.
 */
export async function replayWebhook(store: Store, ctx: CommandContext, id: string, body: WebhookReplayInput): Promise<CommandResult<WebhookReplay>> {
  const request = checkReplayRequest(body);
  return runCommand(store, ctx, { name: `webhook.replay:${id}`, input: request }, async (trx) => {
    const row = await repo.lockSubscription(trx, id);
    if (!row) throw notFound('webhook', id);
    const replay = request.deliveryId === undefined ? await replayFrom(trx, row, request.fromSeq) : await replayDelivery(trx, row, request.deliveryId);
    return { result: replay, audit: [{ action: 'webhook.replayed', entityType: 'webhook', entityId: id, details: { ...request, queued: replay.queued } }] };
  });
}

async function replayFrom(trx: Executor, row: WebhookSubscriptionRow, fromSeq: number): Promise<WebhookReplay> {
  const throughSeq = Number(row.after_seq);
  if (fromSeq > throughSeq) return { queued: 0, fromSeq, throughSeq, deliveryId: null };
  const patterns = parseEventTypes(row.event_types);
  const counts = await repo.countEventTypes(trx, fromSeq, throughSeq);
  await repo.updateSubscriptionRow(trx, row.id, { after_seq: fromSeq - 1, updated_at: nowIso() });
  const queued = counts.filter((c) => matchesEventType(patterns, c.type)).reduce((sum, c) => sum + c.n, 0);
  return { queued, fromSeq, throughSeq, deliveryId: null };
}

async function replayDelivery(trx: Executor, row: WebhookSubscriptionRow, deliveryId: string): Promise<WebhookReplay> {
  const delivery = await repo.findDelivery(trx, row.id, deliveryId);
  if (!delivery) throw notFound('delivery', deliveryId, '/deliveryId');
  const seq = Number(delivery.event_seq);
  const now = nowIso();
  if (delivery.status === 'pending') {
    await repo.makeDeliveryDue(trx, delivery.id, now);
    return { queued: 1, fromSeq: seq, throughSeq: seq, deliveryId: delivery.id };
  }
  const copy = newId();
  await repo.insertDeliveries(trx, [{
    id: copy, subscription_id: row.id, event_id: delivery.event_id, event_seq: seq, event_type: delivery.event_type, status: 'pending', attempts: 0,
    next_attempt_at: now, last_attempt_at: null, last_status_code: null, last_error: null, last_duration_ms: null, delivered_at: null,
    replay_of: delivery.id, created_at: now,
  }]);
  return { queued: 1, fromSeq: seq, throughSeq: seq, deliveryId: copy };
}

async function requireSubscription(db: Executor, id: string): Promise<WebhookSubscriptionRow> {
  const row = await repo.findSubscription(db, id);
  if (!row) throw notFound('webhook', id);
  return row;
}

function toWebhook(row: WebhookSubscriptionRow, counts: repo.DeliveryCounts | undefined): Webhook {
  return {
    id: row.id, url: row.url, description: row.description, eventTypes: parseEventTypes(row.event_types), status: row.status, queuedThroughSeq: Number(row.after_seq),
    pendingDeliveries: counts?.pending ?? 0, failedDeliveries: counts?.failed ?? 0, createdBy: row.created_by, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

function toDelivery(row: WebhookDeliveryRow): WebhookDelivery {
  return {
    id: row.id, webhookId: row.subscription_id, event: { id: row.event_id, seq: Number(row.event_seq), type: row.event_type }, status: row.status,
    attempts: row.attempts, nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null, lastAttemptAt: row.last_attempt_at,
    lastStatusCode: row.last_status_code, lastError: row.last_error, lastDurationMs: row.last_duration_ms, deliveredAt: row.delivered_at,
    replayOf: row.replay_of, createdAt: row.created_at,
  };
}
