/** One reported figure: a measured value, its target, and whether it meets it (null: no target). */
export interface Figure {
  /** "1".."8": the figure group. */
  group: string;
  name: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "≤ 50 ms"; "" for a figure reported only as context or baseline. */
  target: string;
  pass: boolean | null;
}

/** A figure over several runs: the median is `value` (and decides `pass`); the spread beside it. */
export interface AggregatedFigure extends Figure {
  min: number;
  max: number;
  /** The figure's value in each run, in run order. */
  values: number[];
}

export interface GroupResult {
  figures: Figure[];
  /** How it was measured and the raw numbers behind the figures, for latest.json. */
  detail: Record<string, unknown>;
}

export const atMost = (value: number, limit: number) => value <= limit;
export const atLeast = (value: number, limit: number) => value >= limit;

export function figure(group: string, name: string, value: number, unit: string, target = "", pass: boolean | null = null): Figure {
  return { group, name, value, unit, target, pass };
}

/**
 * Each figure's median over the runs (matched by group and name), with min and max; its pass is
 * the verdict of the run whose value lies nearest the median (each run judged its own value).
 */
export function aggregate(runs: readonly (readonly Figure[])[]): AggregatedFigure[] {
  const first = runs[0] ?? [];
  return first.map((f) => {
    const same = runs.map((run) => run.find((g) => g.group === f.group && g.name === f.name)).filter((g): g is Figure => g !== undefined);
    const values = same.map((g) => g.value);
    const sorted = [...values].sort((a, b) => a - b);
    const mid = (sorted.length - 1) / 2;
    const value = ((sorted[Math.floor(mid)] ?? Number.NaN) + (sorted[Math.ceil(mid)] ?? Number.NaN)) / 2;
    // The verdict of the run whose value is nearest the median (the target's comparison is the run's).
    const nearest = same.reduce((a, b) => (Math.abs(b.value - value) < Math.abs(a.value - value) ? b : a), f);
    return { ...f, value, pass: nearest.pass, min: sorted[0] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN, values };
  });
}

export function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString("en-US");
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** The spread of an aggregated figure, "min–max", or "" for a single run. */
export const spread = (f: AggregatedFigure) => (f.values.length > 1 ? `${format(f.min)}–${format(f.max)}` : "");

/** The figures as a plain-text table, one row each. */
export function table(figures: readonly AggregatedFigure[]): string {
  const rows = figures.map((f) => [
    f.group,
    f.name,
    `${format(f.value)} ${f.unit}`.trim(),
    spread(f),
    f.target || "—",
    f.pass === null ? "" : f.pass ? "pass" : "MISS",
  ]);
  const header = ["#", "figure", "median", "spread", "target", "result"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
