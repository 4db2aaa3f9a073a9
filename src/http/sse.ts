import type { FastifyReply } from 'fastify';
import type { EventsRuntime } from '../events/event-service.js';
import type { StockroomEvent } from '../events/event-types.js';

export const HEARTBEAT_MS = 15_000;
/** How long an EventSource waits before reconnecting after the connection drops. */
const RETRY_MS = 2_000;

/** Every stream sends the same event, so its frame is built once, not once per client. */
const frames = new WeakMap<StockroomEvent, string>();

/** One SSE message; its `id` is the cursor a reconnecting client sends back as Last-Event-ID. */
export function sseFrame(event: StockroomEvent): string {
  let frame = frames.get(event);
  if (frame === undefined) {
    frame = `id: ${event.seq}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
    frames.set(event, frame);
  }
  return frame;
}

/**
 * Turns the response into an event stream of everything after `after`. The heartbeat comment
 * keeps proxies from closing a quiet connection and lets the client notice a dead one. A client
 * that reads slower than events come is not buffered in memory: the stream pauses until the
 * socket drains and then reads on from the table.
 */
export function streamEvents(reply: FastifyReply, events: EventsRuntime, after: number, heartbeatMs: number): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform', 'x-accel-buffering': 'no' });
  res.write(`retry: ${RETRY_MS}\n\n`);
  const stream = events.openStream(after, {
    send: (event) => res.write(sseFrame(event)),
    end: () => res.end(),
  });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
  res.on('drain', () => stream.resume());
  res.on('close', () => {
    clearInterval(heartbeat);
    stream.close();
  });
}
