import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with the time each project's test files took and a plain `N passed, N failed, N skipped`
 * line that CI logs can count.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const projects = new Map<string, { files: number; ms: number }>();
    for (const testModule of testModules) {
      const name = testModule.project.name || 'default';
      const project = projects.get(name) ?? { files: 0, ms: 0 };
      project.files++;
      project.ms += testModule.diagnostic().duration;
      projects.set(name, project);
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
      }
    }
    for (const [name, { files, ms }] of projects) {
      console.log(`${name}: ${files} test files, ${(ms / 1000).toFixed(1)} s of test time`);
    }
    console.log(`\nvitest: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  }
}
