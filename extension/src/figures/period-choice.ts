import { type FiguresPeriod, figuresPeriodSchema, quarterPeriod, yearPeriod } from "@naast/shared";

/** What the period form holds: a year, a quarter of a year, or two days. */
export interface PeriodChoice {
  kind: "year" | "quarter" | "range";
  year: number;
  quarter: 1 | 2 | 3 | 4;
  from: string;
  to: string;
}

/** The form's first state: the year so far and its current quarter (the figures asked for most). */
export function initialChoice(today: string): PeriodChoice {
  const year = Number(today.slice(0, 4));
  const quarter = (Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1) as PeriodChoice["quarter"];
  return { kind: "year", year, quarter, from: `${year}-01-01`, to: today };
}

/** The period to ask for, or null when the two days do not make one (then the button waits). */
export function periodOf(choice: PeriodChoice): FiguresPeriod | null {
  const period =
    choice.kind === "year"
      ? yearPeriod(choice.year)
      : choice.kind === "quarter"
        ? quarterPeriod(choice.year, choice.quarter)
        : { from: choice.from, to: choice.to };
  const parsed = figuresPeriodSchema.safeParse(period);
  return parsed.success ? parsed.data : null;
}
