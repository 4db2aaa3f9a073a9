import http from 'node:http';

/**
 * A Server-Sent Events client for tests that read a live stream from a real listening server.
 * It speaks plain node:http rather than fetch: when a fetch body is aborted, Node's fetch opens a
 * spare connection that never sends a request, and the server's close then waits for that
 * connection's headers timeout (a minute).
 */
export interface SseMessage {
  id: string | undefined;
  event: string | undefined;
  data: string;
}

export interface SseClient {
  status: number;
  contentType: string;
  /** Every message so far, in arrival order. */
  messages: SseMessage[];
  /** Comment lines (`: …`) so far, e.g. heartbeats. */
  comments: string[];
  /** Resolves once at least `count` messages arrived; rejects after `timeoutMs`. */
  waitFor(count: number, timeoutMs?: number): Promise<SseMessage[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string>): Promise<SseClient> {
  const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
    http.get(url, { headers: { accept: 'text/event-stream', ...headers } }, resolve).on('error', reject);
  });
  const messages: SseMessage[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  let text = '';
  response.setEncoding('utf8');
  response.on('data', (chunk: string) => {
    text += chunk;
    let end: number;
    while ((end = text.indexOf('\n\n')) >= 0) {
      parseBlock(text.slice(0, end), messages, comments);
      text = text.slice(end + 2);
    }
    waiters.forEach((w) => w());
  });
  const ended = new Promise<void>((resolve) => response.on('close', resolve));

  return {
    status: response.statusCode ?? 0,
    contentType: String(response.headers['content-type'] ?? ''),
    messages,
    comments,
    ended,
    waitFor(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          done();
          resolve(messages.slice(0, count));
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`got ${messages.length} of ${count} events within ${timeoutMs} ms: ${JSON.stringify(messages.map((m) => m.id))}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () => response.destroy(),
  };
}

function parseBlock(block: string, messages: SseMessage[], comments: string[]): void {
  const message: SseMessage = { id: undefined, event: undefined, data: '' };
  let isMessage = false;
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) comments.push(line.slice(1).trim());
    else if (line.startsWith('id: ')) message.id = line.slice(4);
    else if (line.startsWith('event: ')) message.event = line.slice(7);
    else if (line.startsWith('data: ')) {
      message.data += line.slice(6);
      isMessage = true;
    }
  }
  if (isMessage) messages.push(message);
}
