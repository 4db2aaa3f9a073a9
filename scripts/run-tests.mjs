#!/usr/bin/env node
// `npm test`: the unit and integration tests (vitest, on SQLite and PostgreSQL), then the browser
// tests (Playwright in Debian's Chromium) when the app has them, then one closing line for CI:
// `tests: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const totals = { passed: 0, failed: 0, skipped: 0 };
let runnerFailed = false;

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) runnerFailed = true;
}

function addCounts(file) {
  if (!existsSync(file)) {
    runnerFailed = true;
    return;
  }
  const counts = JSON.parse(readFileSync(file, 'utf8'));
  for (const key of Object.keys(totals)) totals[key] += counts[key] ?? 0;
}

rmSync('test-results', { recursive: true, force: true });
run('npx', ['vitest', 'run']);
addCounts('test-results/vitest-counts.json');

if (existsSync('playwright.config.ts')) {
  if (existsSync(CHROMIUM)) {
    run('npm', ['run', '--silent', 'test:e2e']);
    addCounts('test-results/e2e-counts.json');
  } else {
    console.log(`\nbrowser tests skipped: ${CHROMIUM} is not installed (apt-get install -y chromium); .ci/run installs it.`);
  }
}

if (runnerFailed && totals.failed === 0) totals.failed = 1;
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exit(runnerFailed || totals.failed > 0 ? 1 : 0);
