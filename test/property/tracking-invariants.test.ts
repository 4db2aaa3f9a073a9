import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../../src/catalog/item-service.js';
import { createLocation } from '../../src/locations/location-service.js';
import { receive } from '../../src/operations/receive-ship-service.js';
import { systemContext } from '../../src/shared/context.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { unique } from '../support/factories.js';
import { runTracked, trackedSequence, trackingViolations, type Bin, type LotName, type TrackedScene } from '../support/ledger-tracking.js';

/**
 * The ledger invariants extended to lots and serials, over random sequences of receipts by lot,
 * FEFO and named-lot shipments, moves (to scrap too), two-step transfers, holds consumed and
 * released, counts by lot, reversals and serial receipts, shipments and moves.
 */
// Each sequence builds a fresh scene of four lots and serials (~100 ms a sequence): 200 in CI keeps
// the suite's time in bounds while the core ledger property test runs its 1,000 per database.
const RUNS = Number(process.env.PROPERTY_RUNS ?? (process.env.CI === 'true' ? 200 : 100));
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.each(DIALECTS)('lot and serial invariants on %s', (dialect) => {
  let database: TestDatabase;
  const bins = {} as Record<Bin, string>;
  const expiry: Record<LotName, string | undefined> = { OLD: day(-1), SOON: day(3), LATE: day(30), NONE: undefined };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const ctx = systemContext();
    const site = await createLocation(database.store, ctx, { code: 'TR-SITE', name: 'Tracking site', kind: 'site' });
    for (const name of ['A', 'B'] as const) bins[name] = (await createLocation(database.store, ctx, { code: `TR-${name}`, name: `Tracking ${name}`, kind: 'bin', parent: site.result.code })).result.code;
  });
  afterAll(async () => database?.drop());

  async function freshScene(): Promise<{ scene: TrackedScene; lotItem: string; serialItem: string }> {
    const ctx = systemContext();
    const lot = await createItem(database.store, ctx, { sku: unique('PLOT'), name: 'Lot item', tracking: 'lot' });
    const serial = await createItem(database.store, ctx, { sku: unique('PSER'), name: 'Serial item', tracking: 'serial' });
    const scene: TrackedScene = { store: database.store, bins, lotSku: lot.result.sku, serialSku: serial.result.sku, expiry, reservations: [], movements: [], transfers: [] };
    return { scene, lotItem: lot.result.id, serialItem: serial.result.id };
  }

  it(`hold over ${RUNS} random sequences of lot and serial operations`, async () => {
    const outcomes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(trackedSequence, async (ops) => {
        const { scene, lotItem, serialItem } = await freshScene();
        // Every lot starts with some stock in bin A, so FEFO, holds and scrapping have something to work on.
        for (const lot of ['OLD', 'SOON', 'LATE', 'NONE'] as const) await runTracked(scene, { kind: 'receiveLot', bin: 'A', lot, qty: 5 });
        for (const op of ops) {
          const outcome = await runTracked(scene, op);
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        }
        expect(await trackingViolations(database.store.db, lotItem, serialItem, day(0))).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    expect(outcomes.posted).toBeGreaterThan(0);
    expect(outcomes['insufficient-stock']).toBeGreaterThan(0);
    console.log(`${dialect}: tracked outcomes ${JSON.stringify(outcomes)}`);
  }, 20 * 60_000);

  it('the checks notice a lot balance or a serial that drifted from the ledger', async () => {
    const { scene, lotItem, serialItem } = await freshScene();
    await runTracked(scene, { kind: 'receiveLot', bin: 'A', lot: 'LATE', qty: 4 });
    await receive(database.store, systemContext(), { location: bins.A, lines: [{ item: scene.serialSku, quantity: 1, serials: ['D1'] }] });
    expect(await trackingViolations(database.store.db, lotItem, serialItem, day(0))).toEqual([]);
    const nudge = (delta: number) => database.store.write((trx) => trx.updateTable('lot_balances').set({ on_hand: sql`on_hand + ${delta}` }).where('item_id', '=', lotItem).execute());
    await nudge(1);
    try {
      const problems = await trackingViolations(database.store.db, lotItem, serialItem, day(0));
      expect(problems.some((p) => p.startsWith('consistency check'))).toBe(true);
      expect(problems.some((p) => p.includes('lots sum to 5, aggregate 4'))).toBe(true);
    } finally {
      await nudge(-1);
    }
    const idOf = async (code: string) => (await database.store.db.selectFrom('locations').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const moveSerial = async (code: string) => {
      const to = await idOf(code);
      await database.store.write((trx) => trx.updateTable('serials').set({ location_id: to }).where('item_id', '=', serialItem).execute());
    };
    await moveSerial(bins.B);
    try {
      const problems = await trackingViolations(database.store.db, lotItem, serialItem, day(0));
      expect(problems.some((p) => p.includes('its movements put it at'))).toBe(true);
      expect(problems.some((p) => p.includes('1 serials there') || p.includes('0 serials there'))).toBe(true);
    } finally {
      await moveSerial(bins.A);
    }
    expect(await trackingViolations(database.store.db, lotItem, serialItem, day(0))).toEqual([]);
  });
});
