import { resolve } from "node:path";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

/**
 * The content script starts on every portal page load. With zod and @naast/shared's index in it
 * (every schema, built at start) it was 34 KB gzipped and took ~100 ms of CPU per load (bench
 * figure 7); it checks the background's answers by hand instead (messaging/content-side.ts). This
 * keeps the import graph that way: a schema imported by mistake shows up here, not in the bench.
 */
describe("the content script's imports", () => {
  it("take in no zod and nothing of @naast/shared's index", async () => {
    const result = await build({
      entryPoints: [resolve(import.meta.dirname, "../../extension/entrypoints/content.ts")],
      bundle: true,
      format: "esm",
      platform: "browser",
      write: false,
      metafile: true,
      logLevel: "silent",
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContainEqual(expect.stringMatching(/shared\/src\/portal\/read-client-id\.ts$/)); // it did read the graph
    expect(inputs.filter((path) => /node_modules\/.*zod\//.test(path))).toEqual([]);
    expect(inputs.filter((path) => /shared\/src\/index\.ts$/.test(path))).toEqual([]);
    expect(inputs.filter((path) => path.endsWith("/portal/schema.ts"))).toEqual([]);
  });
});
