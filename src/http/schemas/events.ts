import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../shared/page.js';
import { ItemBrief, Place, QuantityText } from './common.js';

const Seq = z.number().int().describe('Position in the commit-ordered event sequence: gapless, starting at 1');
const SeqText = z.string().regex(/^\d{1,15}$/, 'a sequence number').transform(Number);

const StockPair = z.object({ itemId: z.string(), locationId: z.string() });
const StockChanged = z
  .object({
    postingId: z.string().optional().describe('The posting (movements) that changed on hand'),
    reservationId: z.string().optional().describe('The reservation that changed reserved; with postingId when a posting consumed it'),
    changes: z.array(StockPair).describe('Every item × location whose on hand or reserved changed (virtual locations included); read the figures again'),
  })
  .meta({ id: 'StockChangedPayload' });

const SalesOrderChanged = z
  .object({ orderId: z.string(), number: z.string(), channel: z.string().describe('Channel code'), status: z.string() })
  .meta({ id: 'SalesOrderEventPayload' });
const ChannelAvailabilityChanged = z
  .object({
    channel: Place, item: ItemBrief, stock: QuantityText, buffer: QuantityText,
    available: QuantityText.describe('What the channel may now sell'), previous: QuantityText.nullable().describe('The figure published before; null for the first'),
  })
  .meta({ id: 'ChannelAvailabilityPayload' });
const ChannelChanged = z.object({ channel: Place }).meta({ id: 'ChannelChangedPayload' });
const OtherPayload = z.record(z.string(), z.unknown()).describe('Any other type, e.g. return.status_changed (docs/returns.md)');

export const Event = z
  .object({
    seq: Seq,
    id: z.string(),
    type: z.string().describe(
      '`stock.changed`: on hand or reserved changed somewhere; `sales_order.created` / `sales_order.status_changed`; `channel.availability`: what a channel may sell of an item changed (coalesced, latest figure); `channel.changed`: a channel’s buffer, locations or archive state changed; `return.status_changed`',
    ),
    createdAt: z.string(),
    payload: z.union([StockChanged, SalesOrderChanged, ChannelAvailabilityChanged, ChannelChanged, OtherPayload]).describe('Its shape follows `type`'),
  })
  .meta({ id: 'Event' });

export const EventPage = z.object({
  data: z.array(Event),
  nextAfter: Seq.min(0).describe('Pass as `after` for the next page; the request’s own `after` when nothing newer exists yet'),
});

export const EventListQuery = z.object({
  after: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0).describe('Return events with a higher `seq` than this (0: from the first)'),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
});

export const StreamQuery = z.object({
  after: SeqText.optional().describe('Replay events after this `seq`, then stream; without it (and without Last-Event-ID) the stream starts with the next event'),
});

export const StreamHeaders = z.object({
  'last-event-id': SeqText.optional().describe('Sent by a reconnecting EventSource: resume after this `seq` (takes precedence over `after`)'),
});

export const EventStreamResponse = {
  description: 'Server-Sent Events, one per outbox event: `id: <seq>`, `event: <type>`, `data: <Event as JSON>`; a `: heartbeat` comment every 15 s',
  content: {
    'text/event-stream': {
      schema: z.string().meta({
        example: 'id: 42\nevent: stock.changed\ndata: {"seq":42,"id":"01KAQ…","type":"stock.changed","createdAt":"2026-11-23T09:30:00.000Z","payload":{"postingId":"01KAQ…","changes":[{"itemId":"01KAP…","locationId":"01KAP…"}]}}\n\n',
      }),
    },
  },
};
