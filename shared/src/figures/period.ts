import type { FiguresPeriod } from "./schema.ts";

/** "2023-Q3" for a day. */
export const quarterOf = (day: string): string => `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;

/** The quarters a period touches, in order. */
export function quartersOf(period: FiguresPeriod): string[] {
  const quarters: string[] = [];
  let year = Number(period.from.slice(0, 4));
  let q = Number(quarterOf(period.from).slice(-1));
  const last = quarterOf(period.to);
  for (;;) {
    const name = `${year}-Q${q}`;
    quarters.push(name);
    if (name === last) return quarters;
    q = q === 4 ? 1 : q + 1;
    if (q === 1) year += 1;
  }
}

/** The period of a whole year, or of one quarter of it. */
export function yearPeriod(year: number): FiguresPeriod {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function quarterPeriod(year: number, quarter: 1 | 2 | 3 | 4): FiguresPeriod {
  const ends = ["03-31", "06-30", "09-30", "12-31"] as const;
  const startMonth = String((quarter - 1) * 3 + 1).padStart(2, "0");
  return { from: `${year}-${startMonth}-01`, to: `${year}-${ends[quarter - 1]}` };
}
