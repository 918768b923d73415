import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ensureExtensionBuilt } from "../support/stack.ts";

const findingSchema = z.object({
  code: z.string(),
  message: z.string(),
  file: z.string().optional(),
  line: z.number().optional(),
  column: z.number().optional(),
});
const reportSchema = z.object({ errors: z.array(findingSchema), warnings: z.array(findingSchema), notices: z.array(findingSchema) });
type Finding = z.infer<typeof findingSchema>;

/**
 * Findings in libraries we bundle, each named by the code around it in the built file (the build
 * is minified, so a finding's place is all it has). Anything else is ours and fails the test.
 */
const thirdParty: Array<{ code: string; what: string; around: RegExp }> = [
  // zod's probe for eval, which it skips under `jitless` (extension/src/zod-jitless.ts).
  { code: "DANGEROUS_EVAL", what: "zod's eval probe", around: /jitless.{0,160}Function\(``\)/ },
  // Preact's diff, for `dangerouslySetInnerHTML`, which the panel never uses.
  { code: "UNSAFE_VAR_ASSIGNMENT", what: "preact's dangerouslySetInnerHTML", around: /__html.{0,80}innerHTML=/ },
];

function aroundFinding(buildDir: string, finding: Finding): string {
  if (!finding.file || finding.line === undefined) return "";
  const line = readFileSync(resolve(buildDir, finding.file), "utf8").split("\n")[finding.line - 1] ?? "";
  const column = finding.column ?? 0;
  return line.slice(Math.max(0, column - 300), column + 100);
}

describe("web-ext lint of the Firefox build", () => {
  it("finds no error, and no warning or notice in our own code", { timeout: 120_000 }, async () => {
    const buildDir = ensureExtensionBuilt("firefox");
    const webExt = resolve(import.meta.dirname, "../../../extension/node_modules/.bin/web-ext");
    // web-ext exits non-zero when it finds errors; its report is on stdout either way.
    const stdout = await promisify(execFile)(webExt, ["lint", "--source-dir", buildDir, "--output", "json", "--no-config-discovery"], {
      env: { ...process.env, NO_UPDATE_NOTIFIER: "1" },
      maxBuffer: 16 * 1024 * 1024,
    }).then(
      (done) => done.stdout,
      (failed: { stdout?: string }) => failed.stdout ?? "",
    );
    const report = reportSchema.parse(JSON.parse(stdout));
    expect(report.errors).toEqual([]);
    const ours = [...report.warnings, ...report.notices].filter(
      (finding) => !thirdParty.some((known) => known.code === finding.code && known.around.test(aroundFinding(buildDir, finding))),
    );
    expect(ours).toEqual([]);
  });
});
