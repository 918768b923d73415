import type { Reporter, TestCase, TestModule, TestRunEndReason, TestSuite, Vitest } from "vitest/node";

type SerializedError = Parameters<NonNullable<Reporter["onTestRunEnd"]>>[1][number];

/**
 * Ends the run with one plain line, "Tests: N passed, N failed, N skipped", that any CI can read,
 * and makes sure that line never says less than the exit code:
 *
 * - a test that did not run because a hook or its file failed (vitest marks it skipped) counts as
 *   failed; so does a file that fails to load, a failing afterAll, and an error outside any test;
 * - a skipped test fails the run (a skipped test proves nothing), unless the run filters tests by
 *   name (`-t`), which marks the others skipped;
 * - with NAAST_TEST_FLOOR set (`.ci/run` sets it from `.ci/test-floor`), fewer passed tests than
 *   the floor fail the run: tests that silently stop being collected are a broken run too.
 */
export default class SummaryReporter implements Reporter {
  private filteredByName = false;

  onInit(vitest: Vitest) {
    this.filteredByName = vitest.config.testNamePattern != null;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>, reason: TestRunEndReason) {
    const count = countTests(testModules);
    let failed = count.failed + count.notRun + count.brokenWithoutFailedTest + unhandledErrors.length;
    // Vitest failed the run for a reason none of the above carries: still say "failed", never "0 failed".
    if (reason === "failed" && failed === 0) failed = 1;

    const refusals: string[] = [];
    if (count.skipped > 0 && !this.filteredByName) refusals.push(`${count.skipped} skipped: a skipped test proves nothing; run it or remove it`);
    const floor = Number(process.env.NAAST_TEST_FLOOR ?? 0);
    if (floor > 0 && count.passed < floor) refusals.push(`${count.passed} passed, below the floor of ${floor} (.ci/test-floor): tests went missing`);
    if (refusals.length > 0) process.exitCode = 1;

    const details = [
      count.notRun > 0 ? `${count.notRun} not run because a hook or their file failed` : "",
      count.brokenWithoutFailedTest > 0 ? `${count.brokenWithoutFailedTest} file(s) or hook(s) failed outside a test` : "",
      unhandledErrors.length > 0 ? `${unhandledErrors.length} error(s) outside any test` : "",
      reason === "interrupted" ? "the run was interrupted" : "",
    ].filter(Boolean);
    console.log(`\nTests: ${count.passed} passed, ${failed} failed, ${count.skipped} skipped${details.length ? ` (${details.join("; ")})` : ""}`);
    for (const refusal of refusals) console.log(`Run failed: ${refusal}`);
    if (floor > 0 && count.passed > floor) console.log(`(${count.passed} passed, floor ${floor}: raise .ci/test-floor when you like)`);
  }
}

function countTests(testModules: ReadonlyArray<TestModule>) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  let notRun = 0;
  let brokenWithoutFailedTest = 0;
  for (const module of testModules) {
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === "passed") passed++;
      else if (state === "failed") failed++;
      else if (underBrokenParent(test)) notRun++;
      else skipped++;
    }
    // A module or suite with its own errors (failed to load, a failing beforeAll/afterAll) whose
    // tests all passed or were never collected is a failure no test carries.
    for (const node of [module, ...module.children.allSuites()]) {
      if (node.errors().length > 0 && !hasFailedTest(node)) brokenWithoutFailedTest++;
    }
  }
  return { passed, failed, skipped, notRun, brokenWithoutFailedTest };
}

function underBrokenParent(test: TestCase): boolean {
  for (let parent: TestSuite | TestModule = test.parent; ; parent = parent.parent) {
    if (parent.errors().length > 0) return true;
    if (parent.type === "module") return false;
  }
}

function hasFailedTest(node: TestSuite | TestModule): boolean {
  for (const test of node.children.allTests()) {
    const state = test.result().state;
    if (state === "failed" || (state === "skipped" && underBrokenParent(test))) return true;
  }
  return false;
}
