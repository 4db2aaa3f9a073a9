import { otherLoad } from './machine.js';
import { summarize, type Measurement, type Sample } from './measure.js';

/** One side of a comparison: something that can run the workload for a while and say what it did. */
export interface Contender {
  slice(ms: number): Promise<Sample>;
}

export interface PairResult {
  raw: Measurement;
  stockroom: Measurement;
  /** Share of CPU other processes kept busy just before the comparison started. */
  otherLoad: number;
}

/**
 * Measures Stockroom against its raw baseline in alternating slices (raw, Stockroom, raw, …),
 * after an untimed warm-up of each. The disk of a shared VM has slow and fast moments (fsync
 * times vary several-fold within a minute) and tables grow as a run writes; alternating makes
 * both sides see the same moments and table sizes, so the ratio is steadier than the rates.
 * Other processes' CPU use is sampled first, so a reader can tell a crowded machine's figures.
 */
export async function compare(
  raw: Contender,
  stockroom: Contender,
  plan: { rawMs: number; stockroomMs: number; warmupMs: number; rounds: number },
): Promise<PairResult> {
  const load = await otherLoad();
  await raw.slice(plan.warmupMs);
  await stockroom.slice(plan.warmupMs);
  const rawSamples: Sample[] = [];
  const stockroomSamples: Sample[] = [];
  for (let round = 0; round < plan.rounds; round++) {
    rawSamples.push(await raw.slice(plan.rawMs / plan.rounds));
    stockroomSamples.push(await stockroom.slice(plan.stockroomMs / plan.rounds));
  }
  return { raw: summarize(rawSamples), stockroom: summarize(stockroomSamples), otherLoad: load };
}
