import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Dialect } from '../src/db/store.js';
import type { Measurement } from './measure.js';

/** A goal from the issue: a minimum ratio to the raw baseline, or a minimum absolute rate. */
export interface Target {
  kind: 'ratio' | 'absolute';
  min: number;
}

/** One comparison: a Stockroom way of doing the work and the raw driver doing the same work, measured together. */
export interface Row {
  id: string;
  layer: 'in-process' | 'http';
  dialect: Dialect;
  /** What Stockroom did, and how many at once (in-flight calls or HTTP connections). */
  stockroom: { what: string; concurrency: number; result: Measurement };
  /** What the raw driver did, and on how many clients. */
  raw: { what: string; concurrency: number; result: Measurement };
  target?: Target;
  /** Share of CPU other processes used just before the comparison (0–1). */
  otherLoad: number;
}

export function ratioOf(row: Row): number {
  return row.raw.result.perSecond > 0 ? row.stockroom.result.perSecond / row.raw.result.perSecond : 0;
}

/** Whether the row meets its target; null when it has none. A row with failed requests never does. */
export function metOf(row: Row): boolean | null {
  if (!row.target) return null;
  const value = row.target.kind === 'ratio' ? ratioOf(row) : row.stockroom.result.perSecond;
  return row.stockroom.result.errors === 0 && value >= row.target.min;
}

function targetText(target: Target | undefined): string {
  if (!target) return '';
  return target.kind === 'ratio' ? `≥ ${target.min} × raw` : `≥ ${target.min.toLocaleString('en-US')}/s`;
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));

/** The table printed at the end of a run, one line per comparison, then the targets tally. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['row', 'stockroom', 'conc', 'movements/s', 'p50 ms', 'p99 ms', 'raw baseline', 'conc', 'raw/s', 'ratio', 'target', 'met', 'other load'];
  const lines = rows.map((row) => {
    const s = row.stockroom;
    const met = metOf(row);
    return [
      row.id, s.what, String(s.concurrency), int(s.result.perSecond) + (s.result.errors ? ` (${s.result.errors} errors)` : ''),
      ms(s.result.p50Ms), ms(s.result.p99Ms), row.raw.what, String(row.raw.concurrency), int(row.raw.result.perSecond),
      ratioOf(row).toFixed(2), targetText(row.target), met === null ? '' : met ? 'yes' : 'NO', `${Math.round(row.otherLoad * 100)}%`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] as string).length)));
  const numeric = new Set([2, 3, 4, 5, 7, 8, 9, 12]);
  const format = (cells: string[]) => cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i] as number) : c.padEnd(widths[i] as number))).join('  ').trimEnd();
  const judged = rows.map(metOf).filter((m) => m !== null);
  const tally = `targets met: ${judged.filter(Boolean).length} of ${judged.length}`;
  return [format(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(format), '', tally].join('\n');
}

/**
 * Writes the results as JSON meant to be committed and read: run facts first, then one line per
 * comparison with both rates, latencies, the ratio and whether the target was met.
 */
export function writeJson(path: string, facts: Record<string, unknown>, rows: readonly Row[]): void {
  const side = (s: Row['stockroom']) => ({
    what: s.what, concurrency: s.concurrency, perSecond: Math.round(s.result.perSecond), units: s.result.units,
    seconds: round(s.result.seconds, 2), p50Ms: round(s.result.p50Ms, 2), p99Ms: round(s.result.p99Ms, 2), errors: s.result.errors,
  });
  const lines = rows.map((row) => JSON.stringify({
    id: row.id, layer: row.layer, dialect: row.dialect, ratio: round(ratioOf(row), 3), target: row.target ? targetText(row.target) : null, met: metOf(row),
    otherLoad: round(row.otherLoad, 2),
    stockroom: side(row.stockroom), raw: side(row.raw),
  }));
  const head = JSON.stringify(facts, null, 2).replace(/\n}$/, '');
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${head},\n  "rows": [\n${lines.map((l) => `    ${l}`).join(',\n')}\n  ]\n}\n`);
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
