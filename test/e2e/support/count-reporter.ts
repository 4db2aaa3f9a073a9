import { mkdirSync, writeFileSync } from 'node:fs';
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/** Counts the browser tests for scripts/run-tests.mjs, which adds them to the unit tests' closing line. */
export default class CountReporter implements Reporter {
  private readonly outcomes = new Map<string, TestResult['status']>();

  onTestEnd(test: TestCase, result: TestResult): void {
    this.outcomes.set(test.id, result.status);
  }

  onEnd(result: FullResult): void {
    const all = [...this.outcomes.values()];
    const passed = all.filter((s) => s === 'passed').length;
    const skipped = all.filter((s) => s === 'skipped').length;
    // A run that broke before any test (no server, no browser) still counts as a failure.
    const failed = all.length - passed - skipped || (result.status === 'passed' ? 0 : 1);
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/e2e-counts.json', JSON.stringify({ passed, failed, skipped }));
    console.log(`\ne2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }
}
