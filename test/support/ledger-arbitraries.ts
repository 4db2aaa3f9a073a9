import fc from 'fast-check';
import { PHYSICAL, VIRTUAL, type ItemIdx, type Line, type LocName, type Op, type PhysicalName, type QtySpec } from './ledger-model.js';

/** Random operation sequences for the ledger property tests. */
const item: fc.Arbitrary<ItemIdx> = fc.constantFrom(0, 1);
/** Weighted towards a few bins, so operations often meet the stock and holds that earlier ones left. */
const physical: fc.Arbitrary<PhysicalName> = fc.oneof(
  { weight: 5, arbitrary: fc.constant('A' as const) },
  { weight: 2, arbitrary: fc.constant('B' as const) },
  { weight: 1, arbitrary: fc.constant('C' as const) },
  { weight: 2, arbitrary: fc.constant('N' as const) },
  { weight: 1, arbitrary: fc.constant('Z' as const) },
);
/** Where a follow-up run holds or sends from: mostly bin A, which the opening receipt stocked. */
const stocked: fc.Arbitrary<PhysicalName> = fc.oneof({ weight: 4, arbitrary: fc.constant('A' as const) }, { weight: 1, arbitrary: physical });
const anyPhysical: fc.Arbitrary<PhysicalName> = fc.constantFrom(...PHYSICAL);
const anyLocation: fc.Arbitrary<LocName> = fc.constantFrom<LocName>(...PHYSICAL, ...VIRTUAL);
/** Which earlier record an operation acts on: negative counts from the newest (-1 is the latest). */
const pick = fc.oneof(fc.integer({ min: -2, max: -1 }), fc.nat({ max: 1000 }));
const LATEST = -1;

/** Mostly small valid quantities; now and then zero or one decimal place too many, which must be refused. */
const qty: fc.Arbitrary<QtySpec> = fc.record({
  scaled: fc.oneof({ weight: 30, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: fc.constant(0) }),
  overPrecise: fc.oneof({ weight: 30, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});
const counted: fc.Arbitrary<QtySpec> = fc.record({
  scaled: fc.integer({ min: 0, max: 20 }),
  overPrecise: fc.oneof({ weight: 15, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});
const lines = fc.array(fc.record({ item, qty }), { minLength: 1, maxLength: 2 });
const closeAction = fc.constantFrom('receive' as const, 'cancel' as const);

const receiveOp = fc.record({ kind: fc.constant('receive' as const), loc: physical, lines });
const shipOp = fc.record({ kind: fc.constant('ship' as const), loc: physical, lines });
const transferOp = (from: fc.Arbitrary<PhysicalName>) => fc.record({ kind: fc.constant('transfer' as const), from, to: anyPhysical, twoStep: fc.boolean(), lines });
const reserveOp = (loc: fc.Arbitrary<PhysicalName>) => fc.record({ kind: fc.constant('reserve' as const), loc, item, qty });
const consumeOp = (p: fc.Arbitrary<number>) => fc.record({ kind: fc.constant('consume' as const), pick: p, qty: fc.option(qty, { nil: null }) });
const moveOp = fc.record({ kind: fc.constant('move' as const), from: anyLocation, to: anyLocation, lines });

const singleOp: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: receiveOp },
  { weight: 3, arbitrary: shipOp },
  { weight: 3, arbitrary: transferOp(physical) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('closeTransfer' as const), pick, action: closeAction }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('adjustDelta' as const), loc: physical, lines: fc.array(fc.record({ item, qty, sign: fc.constantFrom(1 as const, -1 as const) }), { minLength: 1, maxLength: 2 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('adjustCount' as const), loc: physical, item, counted }) },
  { weight: 3, arbitrary: reserveOp(physical) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('release' as const), pick }) },
  { weight: 1, arbitrary: consumeOp(pick) },
  { weight: 3, arbitrary: moveOp },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('reverse' as const), pick }) },
);

/**
 * Short runs that act on what they just made (hold then consume or release, send then receive or
 * cancel, post then reverse), so the later steps of each lifecycle are reached often; other
 * operations may still land in between once runs are concatenated.
 */
const followUp: fc.Arbitrary<Op[]> = fc.oneof(
  fc.tuple(reserveOp(stocked), consumeOp(fc.constant(LATEST))),
  fc.tuple(reserveOp(stocked), fc.constant<Op>({ kind: 'release', pick: LATEST })),
  fc.tuple(transferOp(stocked).map((t): Op => ({ ...t, twoStep: true })), closeAction.map((action): Op => ({ kind: 'closeTransfer', pick: LATEST, action }))),
  fc.tuple(fc.oneof(receiveOp, shipOp, moveOp), fc.constant<Op>({ kind: 'reverse', pick: LATEST })),
  // Reversing twice: the original again (already reversed) or the reversal itself (never allowed).
  fc.tuple(fc.oneof(receiveOp, moveOp), fc.constant<Op>({ kind: 'reverse', pick: LATEST }), fc.constantFrom<Op>({ kind: 'reverse', pick: -2 }, { kind: 'reverse', pick: LATEST })),
);

export const opArbitrary: fc.Arbitrary<Op[]> = fc.oneof({ weight: 3, arbitrary: singleOp.map((op) => [op]) }, { weight: 1, arbitrary: followUp });

export interface Sequence {
  /** Decimal places of the sequence's two fresh items. */
  decimals: [number, number];
  ops: Op[];
}

/** Both items arrive in bin A, so the operations after it have something to move, hold and reverse. */
const opening: fc.Arbitrary<Op> = fc.record({
  kind: fc.constant('receive' as const),
  loc: fc.constant('A' as const),
  lines: fc.tuple(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 1, max: 24 })).map(([a, b]): Line[] => [
    { item: 0, qty: { scaled: a, overPrecise: false } },
    { item: 1, qty: { scaled: b, overPrecise: false } },
  ]),
});

/** 3–15 operations: an opening receipt, then anything. */
export const sequenceArbitrary: fc.Arbitrary<Sequence> = fc.record({
  decimals: fc.tuple(fc.constantFrom(0, 2, 3), fc.constantFrom(0, 1, 6)),
  ops: fc
    .tuple(opening, fc.array(opArbitrary, { minLength: 2, maxLength: 10 }))
    .map(([first, runs]): Op[] => [first, ...runs.flat()].slice(0, 15)),
});
