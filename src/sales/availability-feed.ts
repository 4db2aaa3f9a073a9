import { itemRefsByIds } from '../catalog/item-service.js';
import { appendEvents, type NewEvent } from '../db/outbox.js';
import type { Executor } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { listEvents } from '../events/event-service.js';
import { listBalanceRows } from '../ledger/balance-repository.js';
import { readStockChanged, STOCK_CHANGED } from '../ledger/stock-events.js';
import { formatScaled, parseScaled } from '../shared/quantity.js';
import { nowIso } from '../shared/time.js';
import { WakeLoop } from '../shared/wake-loop.js';
import { changedFigures, figureKey, itemsPerChannel, touchedPairs, type Figure } from './availability-feed-rules.js';
import * as repo from './availability-feed-repository.js';
import { channelAvailability, channelSellableLocations, channelsSellingFrom } from './availability-service.js';
import { getChannel } from './channel-service.js';
import { CHANNEL_CHANGED, readChannelChanged } from './order-events.js';
import type { ChannelItemAvailability } from './channel-types.js';

export const CHANNEL_AVAILABILITY = 'channel.availability';
/** Events read per run: a long backlog is worked off over several short transactions. */
const BATCH = 500;
/** Also look every second: events another process numbered whose announcement was missed. */
const POLL_MS = 1_000;

/** What a channel may now sell of an item; published only when the figure changed. */
export type ChannelAvailabilityPayload = ChannelItemAvailability & {
  /** The figure published before this one, null for the first. */
  previous: string | null;
};

export interface FeedRun {
  read: number;
  published: number;
  more: boolean;
}

/**
 * One run of the feed, in one transaction: reads the numbered events after its cursor, works out
 * which channel × item figures the stock changes (and channel changes) among them can have moved, recomputes those and
 * appends a `channel.availability` event for each that differs from the last one published —
 * at most one per channel × item per run, with the latest figure, however many sales the run saw.
 * The cursor, the published figures and the new events commit together, so a crash repeats a run
 * rather than losing or doubling one.
 */
export async function publishChannelAvailability(store: Store): Promise<FeedRun> {
  // A look without writing first: the poll finds nothing new most of the time and must cost no transaction then.
  const seen = await repo.readFeedCursor(store.db, repo.AVAILABILITY_FEED, false);
  if ((await listEvents(store.db, { after: seen, limit: 1 })).data.length === 0) return { read: 0, published: 0, more: false };
  return store.write(async (trx) => {
    const after = await repo.readFeedCursor(trx, repo.AVAILABILITY_FEED, store.dialect === 'postgres');
    const page = await listEvents(trx, { after, limit: BATCH });
    if (page.data.length === 0) return { read: 0, published: 0, more: false };
    const stock = page.data.filter((e) => e.type === STOCK_CHANGED).map((e) => readStockChanged(e.payload));
    const pairs = touchedPairs(stock);
    const channelsOf = await channelsSellingFrom(trx, [...new Set(pairs.map((p) => p.locationId))]);
    const perChannel = itemsPerChannel(pairs, channelsOf);
    const changedChannels = page.data.filter((e) => e.type === CHANNEL_CHANGED).map((e) => readChannelChanged(e.payload).channel.id);
    for (const channelId of new Set(changedChannels)) perChannel.set(channelId, await everyItemOf(trx, channelId));
    const events: NewEvent[] = [];
    for (const [channelId, itemIds] of perChannel) events.push(...(await channelChanges(trx, channelId, itemIds)));
    await appendEvents(trx, events);
    await repo.moveFeedCursor(trx, repo.AVAILABILITY_FEED, page.nextAfter);
    return { read: page.data.length, published: events.length, more: page.data.length === BATCH };
  });
}

/**
 * After a change of a channel's settings: every item it may now sell, or sold before (so a figure
 * that fell to nothing when a location left the channel is published too). An archived channel
 * publishes nothing more; restored, it publishes what changed meanwhile.
 */
async function everyItemOf(db: Executor, channelId: string): Promise<string[]> {
  if ((await getChannel(db, channelId)).archived) return [];
  const locations = await channelSellableLocations(db, channelId);
  const [stocked, published] = await Promise.all([
    listBalanceRows(db, { locationIds: locations.map((l) => l.id), nonZeroOnly: true }), repo.publishedItemIds(db, channelId),
  ]);
  return [...new Set([...stocked.map((b) => b.item_id), ...published])];
}

async function channelChanges(db: Executor, channelId: string, itemIds: string[]): Promise<NewEvent[]> {
  const [figures, items, published] = await Promise.all([
    channelAvailability(db, channelId, itemIds), itemRefsByIds(db, itemIds), repo.publishedFigures(db, channelId, itemIds),
  ]);
  const byItem = new Map(figures.map((f) => [f.item.id, f]));
  const decimalsOf = (itemId: string) => items.get(itemId)?.decimals ?? 0;
  const current: Figure[] = figures.map((f) => ({ channelId, itemId: f.item.id, available: parseScaled(f.available, decimalsOf(f.item.id), '/available') }));
  const last = new Map(published.map((p) => [figureKey({ channelId, itemId: p.item_id }), p.available]));
  const changes = changedFigures(current, last);
  const at = nowIso();
  await repo.savePublishedFigures(db, changes.map((c) => ({ channel_id: channelId, item_id: c.itemId, available: c.available, published_at: at })));
  return changes.flatMap((change) => {
    const figure = byItem.get(change.itemId);
    if (!figure) return [];
    const previous = change.previous === null ? null : formatScaled(change.previous, decimalsOf(change.itemId));
    const payload: ChannelAvailabilityPayload = { ...figure, previous };
    return [{ type: CHANNEL_AVAILABILITY, payload }];
  });
}

export interface AvailabilityFeed {
  /** Run now: events were just numbered. */
  wake(): void;
  stop(): Promise<void>;
}

/** Runs the feed in this server process: when woken, and on a one-second poll. Safe with several processes. */
export function startAvailabilityFeed(store: Store, onError: (error: unknown) => void): AvailabilityFeed {
  const loop = new WakeLoop(() => publishChannelAvailability(store), onError);
  const timer = setInterval(() => loop.wake(), POLL_MS);
  timer.unref();
  loop.wake();
  return {
    wake: () => loop.wake(),
    async stop() {
      clearInterval(timer);
      await loop.stop();
    },
  };
}
