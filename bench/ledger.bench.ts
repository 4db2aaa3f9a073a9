import { execFileSync } from 'node:child_process';
import { cpus, release, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BENCH, PARTIAL_ROWS } from './config.js';
import { BUSY_WARNING, cpuCalibrationMs } from './machine.js';
import { pgSuite } from './pg-suite.js';
import { pgServerVersion } from './raw-pg.js';
import { sqliteVersion } from './raw-sqlite.js';
import { formatTable, metOf, ratioOf, writeJson, type Row } from './report.js';
import { removeScratchFolder, seedTemplate, type Template } from './scratch.js';
import { sqliteSuite } from './sqlite-suite.js';

/**
 * `npm run bench`: raw-driver baselines and Stockroom (in-process and over HTTP) on SQLite and
 * PostgreSQL, in one run on one machine, printed as a table of rates and ratios and written to
 * bench/results/ledger.json. bench/README.md explains how to read it.
 */
const RESULTS = fileURLToPath(new URL('./results/ledger.json', import.meta.url));

const rows: Row[] = [];
const record = (row: Row) => {
  rows.push(row);
  const rate = (n: number) => Math.round(n).toLocaleString('en-US').padStart(9);
  const met = metOf(row);
  const errors = row.stockroom.result.errors ? `, ${row.stockroom.result.errors} failed requests` : '';
  const busy = row.otherLoad > BUSY_WARNING ? `  (other processes kept ${Math.round(row.otherLoad * 100)}% of the CPU busy)` : '';
  console.log(`  ${row.id.padEnd(22)} ${rate(row.stockroom.result.perSecond)}/s vs raw ${rate(row.raw.result.perSecond)}/s = ${ratioOf(row).toFixed(2)}${met === null ? '' : met ? '  target met' : '  TARGET MISSED'}${errors}${busy}`);
};

const started = performance.now();
const facts = await runFacts();
console.log(`Stockroom ledger bench: ${facts.machine.cpus} × ${facts.machine.cpu} (calibration ${facts.machine.cpuCalibrationMs} ms), node ${process.version}, SQLite ${facts.sqlite}, PostgreSQL ${facts.postgres}`);
/** BENCH_ONLY=sqlite or =postgres runs one dialect while working on it; such a partial run writes no results. */
const only = process.env.BENCH_ONLY;
if (only !== undefined && only !== 'sqlite' && only !== 'postgres') throw new Error(`BENCH_ONLY must be sqlite or postgres, got '${only}'`);
try {
  if (only !== 'postgres') await withTemplate('sqlite', (template) => sqliteSuite(template, record));
  if (only !== 'sqlite') await withTemplate('postgres', (template) => pgSuite(template, record));
} finally {
  removeScratchFolder();
}
const seconds = Math.round((performance.now() - started) / 1000);
console.log(`\n${formatTable(rows)}\n(run took ${seconds} s)`);
if (only === undefined && !PARTIAL_ROWS) {
  writeJson(RESULTS, { ...facts, runSeconds: seconds }, rows);
  console.log(`wrote ${RESULTS}`);
} else {
  console.log(`partial run (BENCH_ONLY=${only ?? ''} BENCH_ROWS=${process.env.BENCH_ROWS ?? ''}): ${RESULTS} left as it was`);
}

async function withTemplate(dialect: 'sqlite' | 'postgres', work: (template: Template) => Promise<void>): Promise<void> {
  const t0 = performance.now();
  const template = await seedTemplate(dialect);
  console.log(`${dialect}: seeded ${BENCH.items} items and ${BENCH.history.toLocaleString('en-US')} movements in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  try {
    await work(template);
  } finally {
    await template.drop();
  }
}

async function runFacts() {
  const { adminKey: _key, pgAdminUrl: _url, ...settings } = BENCH;
  return {
    bench: 'ledger',
    generatedAt: new Date().toISOString(),
    commit: gitCommit(),
    machine: {
      cpus: cpus().length, cpu: cpus()[0]?.model.trim() ?? 'unknown', memoryGiB: Math.round(totalmem() / 2 ** 30), os: `${process.platform} ${release()}`,
      cpuCalibrationMs: cpuCalibrationMs(),
    },
    node: process.version,
    sqlite: sqliteVersion(),
    postgres: await pgServerVersion(BENCH.pgAdminUrl),
    settings,
    readme: 'bench/README.md explains the rows, their baselines and the targets',
  };
}

/** The commit measured, marked when the work tree had uncommitted changes (read-only git). */
function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    // The results file is rewritten by every run, so it alone does not make the measured code uncommitted.
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no', '--', '.', ':(exclude)bench/results'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} (uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
}
