import type { DemoItem } from './demo-types.js';
import { LOC, WH1_RACK_BINS, WH2_PICK_BINS, wh1RackBin, wh2PickBin } from './layout.js';
import type { Random } from './random.js';
import { isOpen, isWorkingDay } from './seasonality.js';
import type { Hold, Sim, SimDay } from './sim-context.js';

/**
 * What goes wrong: web returns, goods damaged on arrival, breakage, shoplifting, expiry,
 * tasting samples, and the differences monthly cycle counts find. Each is an adjustment with a
 * reason code, a return, or a move to and from a non-sellable location.
 */

/** Returns arrive at the east warehouse's returns cage; inspected stock goes back on the shelf or to scrap. */
export function handleReturns(sim: Sim, day: SimDay): void {
  const rng = sim.random.incidents;
  for (const ret of takeDue(sim.pendingReturns, day)) {
    sim.book.move('returns', ret.item, LOC.customer, ret.at, ret.quantity, { kind: 'return', reference: ret.reference, note: 'Customer return' });
    sim.holds.push({ ...ret, dueDay: day.index + rng.int(1, 3) });
  }
  for (const hold of takeDue(sim.holds, day)) decide(sim, rng, hold);
}

function decide(sim: Sim, rng: Random, hold: Hold): void {
  const { item, quantity, at, reference } = hold;
  if (hold.kind === 'customer-return') {
    const bin = item.home.wh2;
    if (bin !== undefined && rng.chance(0.7)) {
      sim.book.move('returns', item, at, bin, quantity, { kind: 'move', reference, note: 'Inspected, back in stock' });
    } else {
      sim.book.move('returns', item, at, LOC.scrap, quantity, { kind: 'scrap', reasonCode: 'damage', reference, note: 'Inspected, not resaleable' });
    }
  } else if (rng.chance(0.5)) {
    sim.book.move('returns', item, at, item.supplier.code, quantity, { kind: 'return', reference, note: 'Returned to the supplier for credit' });
  } else {
    sim.book.move('returns', item, at, LOC.scrap, quantity, { kind: 'scrap', reasonCode: 'damage', reference, note: 'Written off after inspection' });
  }
}

function takeDue(holds: Hold[], day: SimDay): Hold[] {
  const due = holds.filter((h) => h.dueDay <= day.index);
  for (const hold of due) holds.splice(holds.indexOf(hold), 1);
  return due;
}

const DAMAGE_NOTES = ['Dropped during picking', 'Crushed carton', 'Leaking container', 'Torn bag', 'Broken in handling'];

export function adjustStock(sim: Sim, day: SimDay): void {
  const rng = sim.random.incidents;
  const shopOpen = isOpen('store', day.date);
  const shelf = (filter: (item: DemoItem) => boolean) => withStock(sim, LOC.storeFloor, filter);
  if (shopOpen && rng.chance(0.05)) {
    lose(sim, rng, LOC.storeFloor, shelf((i) => ['Snacks', 'Coffee', 'Tea'].includes(i.category) && i.unit === 'pcs'), 2, 'theft', 'Missing from the shelf, suspected theft');
  }
  if (shopOpen && rng.chance(0.03)) {
    lose(sim, rng, LOC.storeFloor, shelf((i) => ['Snacks', 'Beverages'].includes(i.category)), 4, 'expired', 'Past best-before date');
  }
  if (shopOpen && rng.chance(day.date.getUTCDay() === 6 ? 0.3 : 0.03)) {
    lose(sim, rng, LOC.storeFloor, shelf((i) => ['Coffee', 'Tea'].includes(i.category) && i.unit === 'pcs'), 1, 'sample', 'Opened for an in-store tasting');
  }
  if (rng.chance(0.07)) {
    const place = rng.pick([wh1RackBin(rng.int(1, WH1_RACK_BINS)), wh2PickBin(rng.int(1, WH2_PICK_BINS)), LOC.storeFloor]);
    lose(sim, rng, place, withStock(sim, place, (i) => i.home.wh1 === place || i.home.wh2 === place || place === LOC.storeFloor), 1, 'damage', rng.pick(DAMAGE_NOTES));
  }
  if (isLastWorkingDayOfMonth(sim, day)) cycleCount(sim, rng, day);
}

function withStock(sim: Sim, location: string, filter: (item: DemoItem) => boolean): DemoItem[] {
  return sim.items.filter((item) => filter(item) && sim.book.qty(item, location) > 0);
}

/** Writes off up to `most` units (or a few hundred grams of goods sold by weight) to the loss location. */
function lose(sim: Sim, rng: Random, location: string, candidates: DemoItem[], most: number, reasonCode: string, note: string): void {
  if (candidates.length === 0) return;
  const item = rng.pick(candidates);
  const wanted = item.unit === 'pcs' ? rng.int(1, most) : rng.int(50, 800);
  const quantity = Math.min(wanted, sim.book.qty(item, location));
  sim.book.move('adjustments', item, location, LOC.loss, quantity, { kind: 'adjustment', reasonCode, note });
}

function isLastWorkingDayOfMonth(sim: Sim, day: SimDay): boolean {
  if (!isWorkingDay(day.date)) return false;
  for (let next = day.index + 1; ; next++) {
    const date = sim.dateOf(next);
    if (date.getUTCMonth() !== day.date.getUTCMonth()) return true;
    if (isWorkingDay(date)) return false;
  }
}

/** A dozen bins per warehouse are counted; about a third show a small difference, posted as a count correction. */
function cycleCount(sim: Sim, rng: Random, day: SimDay): void {
  const reference = `COUNT-${day.date.toISOString().slice(0, 7)}`;
  for (const warehouse of ['wh1', 'wh2'] as const) {
    const stocked = sim.items.filter((i) => i.home[warehouse] !== undefined && sim.book.qty(i, i.home[warehouse] as string) > 0);
    for (const item of rng.shuffle(stocked).slice(0, 12)) {
      if (!rng.chance(0.35)) continue;
      const bin = item.home[warehouse] as string;
      const size = item.unit === 'pcs' ? rng.int(1, 3) : rng.int(10, 500);
      const note = 'Cycle count difference';
      if (rng.chance(0.4)) {
        sim.book.move('adjustments', item, LOC.loss, bin, size, { kind: 'adjustment', reasonCode: 'count', reference, note });
      } else {
        const quantity = Math.min(size, sim.book.qty(item, bin));
        sim.book.move('adjustments', item, bin, LOC.loss, quantity, { kind: 'adjustment', reasonCode: 'count', reference, note });
      }
    }
  }
}
