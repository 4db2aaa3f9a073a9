#!/usr/bin/env node
// `npm run test:e2e [-- playwright args]`: builds the web app, then runs the Playwright browser tests
// in Debian's Chromium. Without /usr/bin/chromium it says why and exits 0 (CI installs it, so there
// they always run). Ends with Playwright's summary and one line `e2e: N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';
const args = process.argv.slice(2);

if (!existsSync(CHROMIUM)) {
  console.log(`browser tests skipped: ${CHROMIUM} is not installed (apt-get install -y chromium).`);
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/e2e-counts.json', JSON.stringify({ passed: 0, failed: 0, skipped: 0 }));
  process.exit(0);
}

const build = spawnSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], { stdio: 'inherit' });
if (build.status !== 0) {
  console.log('\ne2e: 0 passed, 1 failed (the web app did not build)');
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/e2e-counts.json', JSON.stringify({ passed: 0, failed: 1, skipped: 0 }));
  process.exit(1);
}
const projects = args.some((a) => a.startsWith('--project')) ? [] : ['--project=e2e'];
const run = spawnSync('npx', ['playwright', 'test', ...projects, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
