import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { resolve } from "node:path";
import { browserGroup } from "./browser-group.ts";
import { type AggregatedFigure, aggregate, type Figure, table } from "./figures.ts";
import { serverGroup } from "./server-group.ts";

/**
 * `pnpm bench`: every figure of issue 5, each beside its baseline in the same run, BENCH_RUNS
 * times (default 3). Prints a table of each figure's median over the runs with its spread,
 * writes tests/bench/results/latest.json (every run's figures and raw samples, the machine and
 * its load average during each run); `pnpm --filter @naast/tests bench:readme` then writes the
 * README's table from that file. BENCH_QUICK=1 runs fewer rounds, once (a smoke test).
 * BENCH_NOTE="…" is stored beside the load (e.g. what else ran on the machine).
 */
const quick = process.env.BENCH_QUICK === "1";
const runCount = Number(process.env.BENCH_RUNS ?? (quick ? 1 : 3));
/** BENCH_ONLY=browser or server runs one half (for working on it); the default runs both. */
const only = process.env.BENCH_ONLY ?? "";
const started = performance.now();

interface Run {
  at: string;
  seconds: number;
  /** os.loadavg() (1, 5, 15 min) at the start and at the end of the run. */
  loadAtStart: number[];
  loadAtEnd: number[];
  figures: Figure[];
  detail: Record<string, unknown>;
}
const runs: Run[] = [];
const out = resolve(import.meta.dirname, "results/latest.json");
const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memoryBytes: totalmem(), node: process.version };
function write(figures: AggregatedFigure[]) {
  mkdirSync(resolve(out, ".."), { recursive: true });
  const seconds = Math.round((performance.now() - started) / 1000);
  writeFileSync(
    out,
    `${JSON.stringify({ at: new Date().toISOString(), quick, runCount: runs.length, note: process.env.BENCH_NOTE ?? "", machine, seconds, figures, runs }, null, 2)}\n`,
  );
}

console.log(
  `Naast benchmarks: ${runCount} run(s); load average now ${loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ")} on ${cpus().length} cores`,
);
for (let i = 1; i <= runCount; i++) {
  const runStarted = performance.now();
  const run: Run = { at: new Date().toISOString(), seconds: 0, loadAtStart: loadavg(), loadAtEnd: [], figures: [], detail: {} };
  console.log(`run ${i} of ${runCount}`);
  if (only !== "server") {
    console.log("browser: extension, panel, sync engine (figures 1, 2, 3, 6, 7, 10)");
    const browser = await browserGroup({
      navigations: quick ? 8 : 40,
      edits: quick ? 8 : 50,
      changes: quick ? 10 : 60,
      coldRounds: quick ? 1 : 3,
      cpuLoads: quick ? 3 : 12,
      records: 10_000,
      overviewRounds: quick ? 8 : 30,
      overviewClients: 500,
      overviewRecords: 50_000,
    });
    run.figures.push(...browser.figures);
    run.detail.browser = browser.detail;
  }
  if (only !== "browser") {
    console.log("server: pull, push, empty procedure (figures 4, 5, 8)");
    const server = await serverGroup({ seconds: quick ? 3 : 8, bigWorld: quick ? 100_000 : 1_000_000 });
    run.figures.push(...server.figures);
    run.detail.server = server.detail;
  }
  run.figures.sort((a, b) => Number(a.group) - Number(b.group));
  run.seconds = Math.round((performance.now() - runStarted) / 1000);
  run.loadAtEnd = loadavg();
  runs.push(run);
  // Written after every run, so a run cut short still leaves the ones before it.
  write(aggregate(runs.map((r) => r.figures)));
}

const figures = aggregate(runs.map((r) => r.figures));
const totalSeconds = (performance.now() - started) / 1000;
console.log(`\n${table(figures)}\n`);
console.log(
  `${figures.filter((f) => f.pass === false).length} of ${figures.filter((f) => f.pass !== null).length} targets missed (on the medians); ${totalSeconds.toFixed(0)} s`,
);
console.log(`written: ${out}`);
