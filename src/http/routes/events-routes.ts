import { listEvents } from '../../events/event-service.js';
import type { Api, Deps } from '../respond.js';
import { errorResponses } from '../schemas/common.js';
import { EventListQuery, EventPage, EventStreamResponse, StreamHeaders, StreamQuery } from '../schemas/events.js';
import { streamEvents } from '../sse.js';

export function eventRoutes(app: Api, { store, events, sseHeartbeatMs }: Deps): void {
  const tags = ['events'];
  app.get('/api/v1/events', { schema: { tags, summary: 'Stock-change events after a sequence number, oldest first', querystring: EventListQuery, response: { 200: EventPage, ...errorResponses } } },
    async (req) => listEvents(store.db, req.query));

  app.get('/api/v1/events/stream', {
    schema: {
      tags, summary: 'Live stream of events (Server-Sent Events), resumable with Last-Event-ID',
      description: 'Replays the events after `Last-Event-ID` (or `after`) from the log, then sends each new event as it is sequenced. Use `curl -N` or an EventSource.',
      querystring: StreamQuery, headers: StreamHeaders, response: { 200: EventStreamResponse, ...errorResponses },
    },
  }, async (req, reply) => {
    // A reconnecting EventSource repeats the URL it first opened, so the header it adds is the newer position.
    const after = req.headers['last-event-id'] ?? req.query.after ?? (await events.latestSeq());
    streamEvents(reply, events, after, sseHeartbeatMs);
  });
}
