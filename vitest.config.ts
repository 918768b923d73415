import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["shared/src/**/*.test.ts", "server/src/**/*.test.ts", "extension/src/**/*.test.ts", "tests/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/.output/**"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Browser and server tests start real processes; two cores do not take more at once.
    maxWorkers: 2,
    // expect.poll waits 1 s by default: too short for a browser on a loaded two-core machine.
    // A poll that passes returns at once, so a long timeout costs only a failing run.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    // A committed `.only` would quietly run one test instead of all: an error everywhere, not only on CI.
    allowOnly: false,
    // The summary line also fails the run on skipped tests and, on CI, on a count below the floor
    // (.ci/test-floor); see tests/support/summary-reporter.ts.
    reporters: ["default", "./tests/support/summary-reporter.ts"],
  },
});
