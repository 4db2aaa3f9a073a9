import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createItem } from '../../src/catalog/item-service.js';
import { createLocation } from '../../src/locations/location-service.js';
import { receive } from '../../src/operations/receive-ship-service.js';
import { systemContext } from '../../src/shared/context.js';
import type { ProblemCode } from '../../src/shared/errors.js';
import { sequenceArbitrary, type Sequence } from '../support/ledger-arbitraries.js';
import { invariantViolations, modelMismatches, type SceneIds } from '../support/ledger-checks.js';
import { LedgerModel, PHYSICAL, VIRTUAL, type LocName, type Op } from '../support/ledger-model.js';
import { movementMismatches, runOp, type Scene } from '../support/ledger-runner.js';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../support/databases.js';
import { unique } from '../support/factories.js';

/**
 * DESIGN §1 invariants under random operation sequences run through the services in process.
 * Each sequence works on two fresh items, so sequences share one database per dialect without
 * interfering. A model predicts every outcome; refusals must be DomainErrors that change nothing.
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? (process.env.CI === 'true' ? 1000 : 100));

describe.each(DIALECTS)('ledger invariants on %s', (dialect) => {
  let database: TestDatabase;
  const codes = {} as Record<LocName, string>;
  const locationIds = {} as Record<LocName, string>;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const ctx = systemContext();
    const make = async (name: LocName, kind: 'site' | 'zone' | 'bin', parent: string | undefined, flags: { sellable?: boolean; allowNegative?: boolean } = {}) => {
      const { result } = await createLocation(database.store, ctx, { code: `PT-${name}`, name: `Property ${name}`, kind, parent, ...flags });
      codes[name] = result.code;
      locationIds[name] = result.id;
    };
    const site = await createLocation(database.store, ctx, { code: 'PT-SITE', name: 'Property site', kind: 'site' });
    await make('Z', 'zone', site.result.code);
    await make('A', 'bin', codes.Z);
    await make('B', 'bin', codes.Z);
    await make('C', 'bin', codes.Z, { sellable: false });
    await make('N', 'bin', codes.Z, { allowNegative: true });
    for (const name of VIRTUAL) {
      codes[name] = name;
      locationIds[name] = name;
    }
    expect(Object.keys(codes).sort()).toEqual([...PHYSICAL, ...VIRTUAL].sort());
  });
  afterAll(async () => database?.drop());

  it(`hold over ${RUNS} random operation sequences`, async () => {
    let sequences = 0;
    const outcomes: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(sequenceArbitrary, async (sequence) => {
        sequences++;
        const { scene, ids } = await freshScene(database, sequence, codes, locationIds);
        const model = new LedgerModel();
        for (const [i, op] of sequence.ops.entries()) {
          const outcome = await step(scene, ids, model, op, `op ${i}`);
          outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        }
        expect(await modelMismatches(scene.store.db, model, ids)).toEqual([]);
        expect(await invariantViolations(scene.store.db, ids.items)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    // The generator must exercise both sides: operations that post and each way of being refused.
    if (RUNS >= 100) expect(Object.keys(outcomes).sort()).toEqual(['conflict', 'insufficient-stock', 'not-found', 'posted', 'rule-violation', 'validation']);
    console.log(`${dialect}: ${sequences} sequences, outcomes ${JSON.stringify(outcomes)}`);
  }, 20 * 60_000);

  it('the checks notice a balance that drifted from the ledger', async () => {
    const { scene, ids } = await freshScene(database, { decimals: [0, 0], ops: [] }, codes, locationIds);
    await receive(scene.store, systemContext(), { location: codes.A, lines: [{ item: scene.skus[0], quantity: '5' }] });
    const nudge = (delta: number) => scene.store.write((trx) =>
      trx.updateTable('balances').set({ on_hand: sql`on_hand + ${delta}` }).where('item_id', '=', ids.items[0]).where('location_id', '=', locationIds.A).execute());
    await nudge(1);
    try {
      const problems = await invariantViolations(scene.store.db, ids.items);
      expect(problems.some((p) => p.startsWith('consistency check'))).toBe(true);
      expect(problems).toContain('PT-A: balance 6, ledger replay 5');
      expect(problems.some((p) => p.endsWith('balances sum to 1, not 0'))).toBe(true);
    } finally {
      await nudge(-1);
    }
    expect(await invariantViolations(scene.store.db, ids.items)).toEqual([]);
  });
});

async function freshScene(database: TestDatabase, sequence: Sequence, codes: Record<LocName, string>, locations: Record<LocName, string>): Promise<{ scene: Scene; ids: SceneIds }> {
  const ctx = systemContext();
  const made = await Promise.all(sequence.decimals.map((decimals) => createItem(database.store, ctx, { sku: unique('PROP'), name: 'Property item', decimals })));
  const [first, second] = made.map((m) => m.result);
  if (!first || !second) throw new Error('items were not created');
  return {
    scene: { store: database.store, codes, skus: [first.sku, second.sku], decimals: sequence.decimals },
    ids: { items: [first.id, second.id], locations },
  };
}

/** Runs one operation, checks it against the model, and says whether it posted or how it was refused. */
async function step(scene: Scene, ids: SceneIds, model: LedgerModel, op: Op, label: string): Promise<'posted' | ProblemCode> {
  const prediction = model.predict(op);
  const target = model.target(op);
  const outcome = await runOp(scene, op, target && { id: target.id, item: 'item' in target ? target.item : 0 });
  const what = `${label} ${JSON.stringify(op)}`;
  if (prediction.ok) {
    if (!outcome.ok) throw new Error(`${what} was refused (${outcome.error.code}: ${outcome.error.message}); the model expected it to post`);
    expect(movementMismatches(scene, prediction.moves, outcome.movements), what).toEqual([]);
    model.commit(prediction, { movements: outcome.movements.map((m) => m.id), created: outcome.created });
    return 'posted';
  }
  if (outcome.ok) throw new Error(`${what} posted; the model expected ${prediction.code}`);
  expect(outcome.error.code, `${what}: ${outcome.error.message}`).toBe(prediction.code);
  // A refusal changes nothing: the database still matches the model, which did not apply it.
  expect(await modelMismatches(scene.store.db, model, ids), `${what} changed state`).toEqual([]);
  return prediction.code;
}
