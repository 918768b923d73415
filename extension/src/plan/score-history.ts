import type { LifeDomain, RecordOf } from "@naast/shared";

/** Latest score first; the trend compares it with the one before. */
export function scoreHistory(scores: RecordOf<"zrmScores">[], domain: LifeDomain) {
  const history = scores.filter((s) => s.domain === domain).sort((a, b) => (a.assessedOn + a.recordedAt).localeCompare(b.assessedOn + b.recordedAt));
  const latest = history.at(-1);
  const before = history.at(-2);
  const trend = !latest || !before ? null : latest.score > before.score ? "up" : latest.score < before.score ? "down" : "same";
  return { latest, trend, history } as const;
}
