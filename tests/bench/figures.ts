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

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString("en-US");
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** The figures as a plain-text table, one row each. */
export function table(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [f.group, f.name, `${format(f.value)} ${f.unit}`.trim(), f.target || "—", f.pass === null ? "" : f.pass ? "pass" : "MISS"]);
  const header = ["#", "figure", "value", "target", "result"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 2 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}
