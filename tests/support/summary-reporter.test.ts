import { execFile } from "node:child_process";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const repo = resolve(import.meta.dirname, "../..");

/** Runs vitest with the root config on one fixture file (reporter-fixtures/) and returns its exit code and summary line. */
async function runFixture(fixture: string, env: Record<string, string> = {}) {
  const { CI: _ci, NAAST_TEST_FLOOR: _floor, ...outer } = process.env;
  const result = await run(
    process.execPath,
    [resolve(repo, "node_modules/vitest/vitest.mjs"), "run", "--config", "tests/support/reporter-fixtures/vitest.config.ts"],
    {
      cwd: repo,
      env: { ...outer, FIXTURES: `${fixture}.fixture.ts`, ...env },
    },
  ).then(
    (r) => ({ code: 0, output: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: e.stdout + e.stderr }),
  );
  const summary = result.output.split("\n").filter((line) => line.startsWith("Tests: ") || line.startsWith("Run failed: "));
  return { code: result.code, summary };
}

describe("the summary line never says less than the exit code", { timeout: 120_000 }, () => {
  it("reports a clean run as passed with exit code 0", async () => {
    expect(await runFixture("passes")).toEqual({ code: 0, summary: ["Tests: 1 passed, 0 failed, 0 skipped"] });
  });

  it("counts tests under a failing beforeAll as failed, not skipped", async () => {
    expect(await runFixture("before-all-fails")).toEqual({
      code: 1,
      summary: ["Tests: 0 passed, 2 failed, 0 skipped (2 not run because a hook or their file failed)"],
    });
  });

  it("counts a file that fails to load as a failure", async () => {
    expect(await runFixture("fails-to-load")).toEqual({
      code: 1,
      summary: ["Tests: 0 passed, 1 failed, 0 skipped (1 file(s) or hook(s) failed outside a test)"],
    });
  });

  it("fails a run with a skipped test", async () => {
    expect(await runFixture("skipped")).toEqual({
      code: 1,
      summary: ["Tests: 1 passed, 0 failed, 1 skipped", "Run failed: 1 skipped: a skipped test proves nothing; run it or remove it"],
    });
  });

  it("fails a run with a committed .only", async () => {
    const { code, summary } = await runFixture("only");
    expect(code).toBe(1);
    expect(summary[0]).toMatch(/^Tests: 0 passed, [1-9]\d* failed/);
  });

  it("fails a run with fewer passed tests than the floor", async () => {
    expect(await runFixture("passes", { NAAST_TEST_FLOOR: "2" })).toEqual({
      code: 1,
      summary: ["Tests: 1 passed, 0 failed, 0 skipped", "Run failed: 1 passed, below the floor of 2 (.ci/test-floor): tests went missing"],
    });
  });
});
