import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** One request the receiver got, and what it answered (null: it never answered). */
export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  answered: number | null;
  at: number;
}

/** How the receiver answers: a status code, or 'hang' (never answer, like a receiver that stalls). */
export type ReceiverMode = number | 'hang';

export interface WebhookReceiver {
  /** http://127.0.0.1:<port>; any path may be used to tell subscriptions apart. */
  url: string;
  received: ReceivedWebhook[];
  setMode(mode: ReceiverMode): void;
  /** Answers only after this many milliseconds (0 by default), so deliveries are in flight for a while. */
  setDelay(ms: number): void;
  /** The requests to `path` (every path when omitted) answered 2xx. */
  accepted(path?: string): ReceivedWebhook[];
  /** Distinct Webhook-Id values among the accepted requests to `path`. */
  acceptedIds(path?: string): Set<string>;
  /** Resolves once `condition` holds, polling what was received. */
  until(condition: (receiver: WebhookReceiver) => boolean, timeoutMs?: number, what?: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * A local test receiver on 127.0.0.1 with an OS-chosen port: it records every request and answers
 * 200 unless told to fail (500, any status) or to hang. Tests never send anywhere else.
 */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  let mode: ReceiverMode = 200;
  let delayMs = 0;
  const received: ReceivedWebhook[] = [];
  const hanging = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const record: ReceivedWebhook = { path: request.url ?? '/', headers: request.headers, body: Buffer.concat(chunks).toString(), answered: null, at: Date.now() };
      received.push(record);
      if (mode === 'hang') {
        hanging.add(response);
        response.on('close', () => hanging.delete(response));
        return;
      }
      const status = mode;
      let gone = false;
      response.on('close', () => (gone = true));
      const answer = () => {
        // A request whose sender died while it waited is not answered, so it does not count as accepted.
        if (gone) return;
        record.answered = status;
        response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'receiver failing on purpose');
      };
      if (delayMs > 0) setTimeout(answer, delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const accepted = (path?: string) => received.filter((r) => r.answered !== null && r.answered < 300 && (path === undefined || r.path === path));
  const receiver: WebhookReceiver = {
    url: `http://127.0.0.1:${port}`,
    received,
    setMode(next) {
      mode = next;
    },
    setDelay(ms) {
      delayMs = ms;
    },
    accepted,
    acceptedIds: (path) => new Set(accepted(path).map((r) => String(r.headers['webhook-id']))),
    async until(condition, timeoutMs = 10_000, what = 'the expected webhooks') {
      const deadline = Date.now() + timeoutMs;
      while (!condition(receiver)) {
        if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}; received ${received.length} requests`);
        await sleep(10);
      }
    },
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return receiver;
}
