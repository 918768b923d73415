import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { type AggregatedFigure, format, spread } from "./figures.ts";

/**
 * `pnpm --filter @naast/tests bench:readme`: writes the "Latest figures" table of README.md from
 * results/latest.json (what `pnpm bench` wrote), between the two marker comments. The table is
 * never edited by hand, so it always says what a run measured, and under which load.
 */
interface Latest {
  at: string;
  quick: boolean;
  runCount: number;
  note: string;
  machine: { cpus: number; cpu?: string; memoryBytes: number; node: string };
  seconds: number;
  figures: AggregatedFigure[];
  runs: { at: string; seconds: number; loadAtStart: number[]; loadAtEnd: number[] }[];
}

const here = import.meta.dirname;
const latest = JSON.parse(readFileSync(resolve(here, "results/latest.json"), "utf8")) as Latest;
const start = "<!-- figures:start (written by `pnpm --filter @naast/tests bench:readme` from results/latest.json; do not edit) -->";
const end = "<!-- figures:end -->";

const loads = latest.runs.map((r) => `${r.loadAtStart[0]?.toFixed(1)}→${r.loadAtEnd[0]?.toFixed(1)}`).join(", ");
const lines = [
  start,
  "",
  `${latest.at.slice(0, 16).replace("T", " ")} UTC: ${latest.runCount} run${latest.runCount === 1 ? "" : "s"} of \`pnpm bench\`${latest.quick ? " (BENCH_QUICK: fewer rounds, a 100k database)" : ""}, ${Math.round(latest.seconds / 60)} min in all,`,
  `on ${latest.machine.cpus} cores (${latest.machine.cpu ?? "?"}), ${(latest.machine.memoryBytes / 2 ** 30).toFixed(0)} GB, Node ${latest.machine.node.replace(/^v/, "")}.`,
  `Load average (1 min) at the start → end of each run: ${loads}, on ${latest.machine.cpus} cores.${latest.note ? ` ${latest.note}` : ""}`,
  `Each value is the median over the runs; the spread is the lowest and highest run. Targets are judged per run, never asserted.`,
  "",
  "| #   | figure | median | spread | target | |",
  "| --- | ------ | -----: | -----: | ------ | - |",
  ...latest.figures.map(
    (f) =>
      `| ${f.group} | ${f.name} | ${`${format(f.value)} ${f.unit}`.trim()} | ${spread(f) || "—"} | ${f.target || "—"} | ${f.pass === null ? "" : f.pass ? "pass" : "MISS"} |`,
  ),
  "",
  end,
];

const readmePath = resolve(here, "README.md");
const readme = readFileSync(readmePath, "utf8");
const from = readme.indexOf(start.slice(0, 22));
const to = readme.indexOf(end);
if (from < 0 || to < 0) throw new Error(`README.md has no ${start.slice(0, 22)} … ${end} markers`);
writeFileSync(readmePath, `${readme.slice(0, from)}${lines.join("\n")}${readme.slice(to + end.length)}`);
console.log(`README.md: ${latest.figures.length} figures from the run of ${latest.at}`);
