import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { invalidField } from '../shared/errors.js';
import type { WebhookReplayInput, WebhookReplayRequest } from './webhook-types.js';

/**
 * Rules of webhook subscriptions and their signatures. Pure: no database, no network; the
 * randomness of a new secret is the only thing that is not a function of the arguments.
 */

/** '*' (every type), an exact type ('stock.changed') or every type under a prefix ('sales_order.*'). */
export const EVENT_TYPE_PATTERN = /^(\*|[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*(\.\*)?)$/;

/** Sorted, without repeats; '*' alone when it is among them, since it already covers every other. */
export function normaliseEventTypes(patterns: readonly string[], path: string): string[] {
  patterns.forEach((p, i) => {
    if (!EVENT_TYPE_PATTERN.test(p)) throw invalidField(`${path}/${i}`, `'${p}' is not an event type, '*' or a 'prefix.*' pattern`);
  });
  if (patterns.length === 0) throw invalidField(path, 'name at least one event type, or "*" for all');
  if (patterns.includes('*')) return ['*'];
  return [...new Set(patterns)].sort();
}

/** The stored filter (a JSON array written by normaliseEventTypes). */
export function parseEventTypes(stored: string): string[] {
  return JSON.parse(stored) as string[];
}

export function matchesEventType(patterns: readonly string[], type: string): boolean {
  return patterns.some((p) => p === '*' || p === type || (p.endsWith('.*') && type.startsWith(p.slice(0, -1))));
}

/**
 * A target must be an absolute http(s) URL. Credentials in it are refused: fetch will not send a
 * URL carrying them, and the URL is shown in lists where a password does not belong.
 */
export function checkTargetUrl(input: string, path: string): string {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw invalidField(path, `'${input}' is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidField(path, 'the URL must start with http:// or https://');
  if (url.username !== '' || url.password !== '') throw invalidField(path, 'the URL must not contain a user name or password; put a token in the path or query instead');
  if (url.hash !== '') throw invalidField(path, 'the URL must not contain a #fragment (it is never sent)');
  return url.toString();
}

/** A replay names a starting seq or one delivery, exactly one of the two. */
export function checkReplayRequest(body: WebhookReplayInput): WebhookReplayRequest {
  if (body.fromSeq !== undefined && body.deliveryId !== undefined) throw invalidField('/deliveryId', 'give fromSeq or deliveryId, not both');
  if (body.deliveryId !== undefined) return { deliveryId: body.deliveryId };
  if (body.fromSeq !== undefined) return { fromSeq: body.fromSeq };
  throw invalidField('/fromSeq', 'give fromSeq (replay every event from this seq) or deliveryId (send one delivery again)');
}

/** A new signing secret: shown once, when the subscription is created. */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The value of the Webhook-Signature header: `v1=` and the hex HMAC-SHA256 of `${timestamp}.${body}` keyed with the secret. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** What a receiver does: recompute the signature and compare in constant time. */
export function verifyWebhookSignature(secret: string, timestamp: number, body: string, header: string): boolean {
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  return header.split(/\s*,\s*/).some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
