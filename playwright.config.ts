import { defineConfig, devices } from '@playwright/test';

/**
 * Browser tests in Debian's Chromium (never a downloaded browser), against Stockroom started on a
 * scratch SQLite database by test/e2e/support/e2e-server.ts. `npm run test:e2e` runs the `e2e`
 * project; `npm run screenshots` refreshes docs/screenshots/.
 */
const port = Number(process.env.E2E_PORT ?? 8191);

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['./test/e2e/support/count-reporter.ts']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
    },
  },
  projects: [
    { name: 'e2e', testMatch: /.*\.e2e\.ts$/, use: { ...devices['Desktop Chrome'] } },
    { name: 'screenshots', testMatch: /screenshots\.shots\.ts$/, use: { ...devices['Desktop Chrome'] } },
  ],
  webServer: {
    command: 'npx tsx test/e2e/support/e2e-server.ts',
    env: { E2E_PORT: String(port), E2E_DATA: process.env.E2E_DATA ?? 'shop' },
    // Only the stdout line: with a port as well, Playwright would start as soon as the server listens, before seeding ends.
    wait: { stdout: /seeded: ready/ },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 2_000 },
  },
});
