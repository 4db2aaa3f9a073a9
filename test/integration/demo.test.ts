import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listItems } from '../../src/catalog/item-service.js';
import { generateDemo } from '../../src/demo/generate-demo.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { replayPlan } from '../../src/demo/plan-replay.js';
import { checkConsistency } from '../../src/ledger/consistency.js';
import { listReservations } from '../../src/operations/reservation-service.js';
import { listTransfers } from '../../src/operations/transfer-service.js';
import { listChannels } from '../../src/sales/channel-service.js';
import { getSalesOrder, listSalesOrders } from '../../src/sales/order-view.js';
import { listReorderStatus } from '../../src/planning/reorder-service.js';
import { purchaseSuggestions } from '../../src/planning/suggestion-service.js';
import { listSuppliers } from '../../src/purchasing/supplier-service.js';
import { parseScaled } from '../../src/shared/quantity.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';

// A small demo: every kind of step, in a fraction of the full demo's time.
const END = new Date(Date.now() - 60_000);
const OPTIONS = { items: 24, days: 45, end: END, seed: 11 };
const plan = generateDemo(OPTIONS);
const replay = replayPlan(plan);
const dispatches = plan.steps.flatMap((s) => (s.type === 'dispatch' ? [s] : []));
const arrivals = plan.steps.flatMap((s) => (s.type === 'arrival' ? [s] : []));
const linesOf = (key: string) => dispatches.find((d) => d.key === key)?.transfer.lines.length ?? 0;

describe.each(DIALECTS)('demo data set on %s', (dialect) => {
  let database: TestDatabase;
  let summary: string;
  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    summary = await loadDemo(database.store, { onlyIfEmpty: true, ...OPTIONS });
  });
  afterAll(async () => database.drop());

  it('loads a consistent ledger', async () => {
    const report = await checkConsistency(database.store.db);
    expect(report).toMatchObject({ ok: true, drift: [], unbalancedItems: [] });
    expect(summary).toMatch(/^Loaded the demo data set in [\d.]+ s: 24 items in 8 categories, 3 sites/);
  });

  it('posts every planned movement and leaves the last transfers in transit', async () => {
    const db = database.store.db;
    const row = await db.selectFrom('movements').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const movementSteps = plan.steps.filter((s) => s.type === 'movement').length;
    const sentLines = dispatches.reduce((n, d) => n + d.transfer.lines.length, 0);
    const receivedLines = arrivals.reduce((n, a) => n + linesOf(a.key), 0);
    expect(Number(row.n)).toBe(movementSteps + sentLines + receivedLines);
    expect(arrivals).toHaveLength(dispatches.length - replay.inTransit.size);
    const inTransit = await listTransfers(db, { status: 'in_transit', limit: 50 });
    expect(inTransit.data).toHaveLength(replay.inTransit.size);
    expect(replay.inTransit.size).toBeGreaterThan(0);
  });

  it('holds the stock the simulation ended with, and the open reservations', async () => {
    const db = database.store.db;
    const rows = await db
      .selectFrom('balances')
      .innerJoin('items', 'items.id', 'balances.item_id')
      .innerJoin('locations', 'locations.id', 'balances.location_id')
      .select(['items.sku', 'locations.code', 'balances.on_hand'])
      .where('locations.kind', '!=', 'virtual')
      .where('balances.on_hand', '!=', 0)
      .execute();
    expect(new Map(rows.map((r) => [`${r.sku}@${r.code}`, Number(r.on_hand)]))).toEqual(replay.finalStock);
    // The demo's sales orders hold stock too (their number as reference); the plan's own reservations are the rest.
    const orderNumbers = new Set((await listSalesOrders(db, { limit: 50 })).data.map((o) => o.number));
    const reservations = (await listReservations(db, { status: 'active', limit: 100 })).data.filter((r) => !orderNumbers.has(r.reference ?? ''));
    expect(reservations).toHaveLength(plan.reservations.length);
    expect(plan.reservations.length).toBeGreaterThan(0);
    for (const r of reservations) {
      const planned = plan.reservations.find((p) => p.reference === r.reference);
      expect(planned && parseScaled(planned.quantity, 3, '') === parseScaled(r.quantity, 3, '')).toBe(true);
    }
  });

  it('has the categories’ suppliers, their terms and reorder policies that suggest orders from the sales history', async () => {
    const db = database.store.db;
    const suppliers = new Set(plan.items.map((i) => i.supplier.code));
    expect((await listSuppliers(db, { limit: 50 })).data.map((s) => s.code).sort()).toEqual([...suppliers].sort());
    const policies = await listReorderStatus(db, { site: 'WH1', limit: 500 });
    expect(policies.data).toHaveLength(plan.items.filter((i) => i.home.wh1 !== undefined).length);
    expect(policies.data.every((p) => p.basis === 'average' && p.leadTimeSource === 'supplier' && p.supplier?.preferred)).toBe(true);
    expect(summary).toMatch(new RegExp(`${suppliers.size} suppliers.*reorder policies for ${policies.data.length} items at WH1`));
    const suggestions = await purchaseSuggestions(db, { site: 'WH1' });
    const low = policies.data.filter((p) => p.low && p.suggestedQuantity !== '0');
    expect(suggestions.orders.flatMap((o) => o.lines.map((l) => l.item.sku)).sort()).toEqual(low.map((p) => p.item.sku).sort());
    expect(suggestions.unassigned).toEqual([]);
  });

  it('sells through three channels with open orders routed to a site, two on a pick list and one cancelled', async () => {
    const db = database.store.db;
    expect((await listChannels(db, { limit: 10 })).data.map((c) => c.code)).toEqual(['MARKET', 'TILL', 'WEB']);
    const orders = (await listSalesOrders(db, { limit: 50 })).data;
    expect(orders.length).toBeGreaterThanOrEqual(4);
    expect(summary).toMatch(new RegExp(`3 sales channels with ${orders.length} orders`));
    const statuses = orders.map((o) => o.status);
    expect(statuses.filter((s) => s === 'picking')).toHaveLength(2);
    expect(statuses.filter((s) => s === 'cancelled')).toHaveLength(1);
    for (const order of orders.filter((o) => o.status !== 'cancelled')) {
      const full = await getSalesOrder(db, order.id);
      expect(full.routing?.reason).toMatch(/\w/);
      expect(full.lines.every((l) => l.reserved === l.quantity)).toBe(true);
    }
  });

  it('does nothing the second time when asked to load only into an empty database, and refuses otherwise', async () => {
    await expect(loadDemo(database.store, { onlyIfEmpty: true, ...OPTIONS })).resolves.toMatch(/already has items/);
    await expect(loadDemo(database.store, { onlyIfEmpty: false, ...OPTIONS })).rejects.toThrow(/empty database/);
    const items = await listItems(database.store.db, { limit: 100 });
    expect(items.data).toHaveLength(24);
  });
});
