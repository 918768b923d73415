import type { ZrmDomain, ZrmScore } from "@naast/shared";

export interface TrajectoryPoint {
  day: string;
  score: number;
}

/**
 * The ZRM trajectory: per domain its scores over time, one per day (a later recording of the same
 * day wins: two colleagues scoring offline both stay in the records, the chart shows the last),
 * only the domains that have a score, in the ZRM's own order.
 */
export function zrmTrajectory(scores: readonly ZrmScore[], order: readonly ZrmDomain[]): { domain: ZrmDomain; points: TrajectoryPoint[] }[] {
  return order
    .map((domain) => {
      const byDay = new Map<string, ZrmScore>();
      for (const s of scores) {
        if (s.domain !== domain) continue;
        const kept = byDay.get(s.assessedOn);
        if (!kept || kept.recordedAt < s.recordedAt) byDay.set(s.assessedOn, s);
      }
      const points = [...byDay.values()].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn)).map((s) => ({ day: s.assessedOn, score: s.score }));
      return { domain, points };
    })
    .filter((d) => d.points.length > 0);
}

/** x (0–1) of a day between the first and the last day of the whole chart. */
export function position(day: string, first: string, last: string): number {
  const span = Date.parse(last) - Date.parse(first);
  return span <= 0 ? 0.5 : (Date.parse(day) - Date.parse(first)) / span;
}
