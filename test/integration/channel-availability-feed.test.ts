import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../../src/catalog/item-service.js';
import { sequencePending } from '../../src/events/event-repository.js';
import { listEvents } from '../../src/events/event-service.js';
import { createLocation } from '../../src/locations/location-service.js';
import { receive, ship } from '../../src/operations/receive-ship-service.js';
import { CHANNEL_AVAILABILITY, publishChannelAvailability, type ChannelAvailabilityPayload } from '../../src/sales/availability-feed.js';
import { createChannel, setChannelArchived, updateChannel } from '../../src/sales/channel-service.js';
import { systemContext } from '../../src/shared/context.js';
import { startTestApi } from '../support/api.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { unique } from '../support/factories.js';

const ctx = systemContext();

/**
 * The feed is driven by hand here (no server runs it meanwhile), so each test decides exactly
 * which stock changes one run sees; the last test checks that a running server publishes by itself.
 */
describe.each(DIALECTS)('channel availability feed on %s', (dialect) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(dialect);
  });
  afterAll(async () => db.drop());

  const store = () => db.store;
  const location = async (kind: 'site' | 'zone' | 'bin', parent?: string) =>
    (await createLocation(store(), ctx, { code: unique(kind.toUpperCase()), name: kind, kind, ...(parent && { parent }) })).result;
  const item = async () => (await createItem(store(), ctx, { sku: unique('FEED'), name: 'Feed item' })).result;
  /** Runs the feed until it has read everything, returning the availability figures it published. */
  const runFeed = async () => {
    const before = (await db.store.db.selectFrom('events').select((eb) => eb.fn.max('seq').as('m')).executeTakeFirstOrThrow()).m;
    await sequenceAll();
    for (let run = await publishChannelAvailability(store()); run.more; run = await publishChannelAvailability(store()));
    await sequenceAll();
    const page = await listEvents(store().db, { after: Number(before ?? 0), limit: 1000 });
    return page.data.filter((e) => e.type === CHANNEL_AVAILABILITY).map((e) => e.payload as unknown as ChannelAvailabilityPayload);
  };
  /** Numbers committed events as a server's sequencer would (none runs in this test). */
  const sequenceAll = async () => {
    await store().write((trx) => sequencePending(trx, 10_000));
  };
  const figures = (published: ChannelAvailabilityPayload[]) => published.map((p) => [p.channel.code, p.item.sku, p.available, p.previous]);

  async function shop() {
    const site = await location('site');
    const zone = await location('zone', site.code);
    const [binA, binB] = [await location('bin', zone.code), await location('bin', zone.code)];
    const web = (await createChannel(store(), ctx, { code: unique('WEB'), name: 'Web', kind: 'web', locations: [site.code], buffer: '2' })).result;
    const pos = (await createChannel(store(), ctx, { code: unique('POS'), name: 'Store', kind: 'pos', locations: [binB.code] })).result;
    return { site, binA, binB, web, pos };
  }

  it('publishes each channel’s figure once per run however many sales it saw, and nothing when it is unchanged', async () => {
    const s = await shop();
    const a = await item();
    await runFeed();
    await receive(store(), ctx, { location: s.binA.code, lines: [{ item: a.sku, quantity: 10 }] });
    await receive(store(), ctx, { location: s.binB.code, lines: [{ item: a.sku, quantity: 5 }] });
    expect(figures(await runFeed())).toEqual([[s.web.code, a.sku, '13', null], [s.pos.code, a.sku, '5', null]]);

    for (let i = 0; i < 10; i++) await ship(store(), ctx, { location: s.binA.code, lines: [{ item: a.sku, quantity: 1 }] });
    expect(figures(await runFeed())).toEqual([[s.web.code, a.sku, '3', '13']]);

    expect(await runFeed()).toEqual([]);
    await ship(store(), ctx, { location: s.binB.code, lines: [{ item: a.sku, quantity: 1 }] });
    expect(figures(await runFeed())).toEqual([[s.web.code, a.sku, '2', '3'], [s.pos.code, a.sku, '4', '5']]);
  });

  it('never goes below zero, and a change the buffer absorbs publishes nothing for that channel', async () => {
    const s = await shop();
    const a = await item();
    await receive(store(), ctx, { location: s.binB.code, lines: [{ item: a.sku, quantity: 2 }] });
    const first = await runFeed();
    expect(first.find((p) => p.channel.code === s.web.code)).toMatchObject({ stock: '2', buffer: '2', available: '0' });
    await ship(store(), ctx, { location: s.binB.code, lines: [{ item: a.sku, quantity: 1 }] });
    expect(figures(await runFeed())).toEqual([[s.pos.code, a.sku, '1', '2']]);
  });

  it('a refused change publishes nothing', async () => {
    const s = await shop();
    const a = await item();
    await receive(store(), ctx, { location: s.binA.code, lines: [{ item: a.sku, quantity: 3 }] });
    await runFeed();
    await expect(ship(store(), ctx, { location: s.binA.code, lines: [{ item: a.sku, quantity: 4 }] })).rejects.toThrow();
    expect(await runFeed()).toEqual([]);
  });

  it('republishes a channel’s figures when its buffer or locations change, without any stock moving', async () => {
    const s = await shop();
    const a = await item();
    const b = await item();
    await receive(store(), ctx, { location: s.binA.code, lines: [{ item: a.sku, quantity: 6 }, { item: b.sku, quantity: 1 }] });
    await receive(store(), ctx, { location: s.binB.code, lines: [{ item: a.sku, quantity: 3 }] });
    await runFeed();
    await updateChannel(store(), ctx, s.web.code, { buffer: '0' });
    expect(figures(await runFeed()).sort()).toEqual([[s.web.code, a.sku, '9', '7'], [s.web.code, b.sku, '1', '0']].sort());
    await updateChannel(store(), ctx, s.web.code, { locations: [s.binB.code] });
    expect(figures(await runFeed()).sort()).toEqual([[s.web.code, a.sku, '3', '9'], [s.web.code, b.sku, '0', '1']].sort());
    await updateChannel(store(), ctx, s.web.code, { name: 'Web shop' });
    expect(await runFeed()).toEqual([]);
  });

  it('an archived channel publishes nothing; restored, it publishes what changed meanwhile', async () => {
    const s = await shop();
    const a = await item();
    await receive(store(), ctx, { location: s.binB.code, lines: [{ item: a.sku, quantity: 5 }] });
    await runFeed();
    await setChannelArchived(store(), ctx, s.pos.code, true);
    await ship(store(), ctx, { location: s.binB.code, lines: [{ item: a.sku, quantity: 1 }] });
    expect(figures(await runFeed())).toEqual([[s.web.code, a.sku, '2', '3']]);
    await setChannelArchived(store(), ctx, s.pos.code, false);
    expect(figures(await runFeed())).toEqual([[s.pos.code, a.sku, '4', '5']]);
  });

  it('a running server publishes by itself, in the same log webhooks and streams read', async () => {
    const api = await startTestApi(dialect);
    try {
      const site = await api.post<{ code: string }>('/api/v1/locations', { code: unique('SITE'), name: 'Site', kind: 'site' });
      const channel = await api.post<{ code: string }>('/api/v1/channels', { code: unique('MKT'), name: 'Marketplace', kind: 'marketplace', locations: [site.code], buffer: '1' });
      const sku = unique('LIVE');
      await api.post('/api/v1/items', { sku, name: 'Live item' });
      await api.post('/api/v1/receipts', { location: site.code, lines: [{ item: sku, quantity: 4 }] });
      await api.post('/api/v1/shipments', { location: site.code, lines: [{ item: sku, quantity: 1 }] });
      const deadline = Date.now() + 10_000;
      let last: ChannelAvailabilityPayload | undefined;
      while (Date.now() < deadline && last?.available !== '2') {
        const page = await api.get<{ data: Array<{ type: string; payload: ChannelAvailabilityPayload }> }>('/api/v1/events?after=0&limit=500');
        last = page.data.filter((e) => e.type === CHANNEL_AVAILABILITY && e.payload.channel.code === channel.code).at(-1)?.payload;
        if (last?.available !== '2') await new Promise((r) => setTimeout(r, 50));
      }
      expect(last).toMatchObject({ item: { sku }, stock: '3', buffer: '1', available: '2' });
    } finally {
      await api.close();
    }
  });
});
