import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { resolve } from "node:path";
import { browserGroup } from "./browser-group.ts";
import { type Figure, table } from "./figures.ts";
import { serverGroup } from "./server-group.ts";

/**
 * `pnpm bench`: every figure of issue 5, each beside its baseline in the same run. Prints a table
 * and writes tests/bench/results/latest.json. BENCH_QUICK=1 runs fewer rounds (a smoke test).
 */
const quick = process.env.BENCH_QUICK === "1";
/** BENCH_ONLY=browser or server runs one half (for working on it); the default runs both. */
const only = process.env.BENCH_ONLY ?? "";
const started = performance.now();
const figures: Figure[] = [];
const detail: Record<string, unknown> = {};

console.log("Naast benchmarks");
if (only !== "server") {
  console.log("browser: extension, panel, sync engine (figures 1, 2, 3, 6, 7)");
  const browser = await browserGroup({
    navigations: quick ? 8 : 40,
    edits: quick ? 8 : 50,
    changes: quick ? 10 : 60,
    coldRounds: quick ? 1 : 3,
    cpuLoads: quick ? 3 : 12,
    records: 10_000,
  });
  figures.push(...browser.figures);
  detail.browser = browser.detail;
}

if (only !== "browser") {
  console.log("server: pull, push, empty procedure (figures 4, 5, 8)");
  const server = await serverGroup({ seconds: quick ? 3 : 8, bigWorld: quick ? 100_000 : 1_000_000 });
  figures.push(...server.figures);
  detail.server = server.detail;
}

const order = (f: Figure) => Number(f.group);
figures.sort((a, b) => order(a) - order(b));
const totalSeconds = (performance.now() - started) / 1000;
console.log(`\n${table(figures)}\n`);
console.log(
  `${figures.filter((f) => f.pass === false).length} of ${figures.filter((f) => f.pass !== null).length} targets missed; ${totalSeconds.toFixed(0)} s`,
);

const out = resolve(import.meta.dirname, "results/latest.json");
mkdirSync(resolve(out, ".."), { recursive: true });
writeFileSync(
  out,
  `${JSON.stringify({ at: new Date().toISOString(), quick, machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryBytes: totalmem(), node: process.version }, seconds: Math.round(totalSeconds), figures, detail }, null, 2)}\n`,
);
console.log(`written: ${out}`);
