import { performance } from 'node:perf_hooks';
import { signWebhook } from './webhook-rules.js';

/** What one POST to a receiver came to. `stopped`: the server is shutting down and the attempt does not count. */
export type SendOutcome =
  | { kind: 'answered'; delivered: boolean; statusCode: number; error: string | null; durationMs: number }
  | { kind: 'failed'; error: string; durationMs: number }
  | { kind: 'stopped' };

export interface SignedRequest {
  url: string;
  secret: string;
  eventId: string;
  body: string;
}

export const USER_AGENT = 'Stockroom-Webhooks/1';
/** Enough of an error page to tell what went wrong, not so much that the log grows with it. */
const BODY_EXCERPT = 200;

/**
 * POSTs one signed event. Only 2xx counts as delivered; redirects are not followed, so nothing
 * is ever sent anywhere but the configured URL.
 */
export async function sendWebhook(request: SignedRequest, timeoutMs: number, stop: AbortSignal): Promise<SendOutcome> {
  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const timeout = AbortSignal.timeout(timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.any([timeout, stop]),
      headers: {
        'content-type': 'application/json',
        'user-agent': USER_AGENT,
        'webhook-id': request.eventId,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(request.secret, timestamp, request.body),
      },
      body: request.body,
    });
    if (response.status >= 200 && response.status < 300) {
      // A success's body is dropped unread; a failure's is read to explain it.
      await response.body?.cancel();
      return { kind: 'answered', delivered: true, statusCode: response.status, error: null, durationMs: elapsed() };
    }
    const excerpt = (await response.text()).slice(0, BODY_EXCERPT);
    return { kind: 'answered', delivered: false, statusCode: response.status, error: `HTTP ${response.status}${excerpt ? `: ${excerpt}` : ''}`, durationMs: elapsed() };
  } catch (error) {
    if (stop.aborted) return { kind: 'stopped' };
    if (timeout.aborted) return { kind: 'failed', error: `no answer within ${timeoutMs} ms`, durationMs: elapsed() };
    return { kind: 'failed', error: describeFailure(error), durationMs: elapsed() };
  }
}

/** fetch reports "fetch failed" and hides the reason (refused, reset, DNS) in `cause`. */
function describeFailure(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const detail = typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return `could not deliver: ${detail ? `${message} (${detail})` : message}`.slice(0, 500);
}
