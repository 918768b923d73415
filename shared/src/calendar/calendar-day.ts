/**
 * The Stapteam works in Nijmegen: "today", "overdue" and "days ago" follow the Dutch calendar, not
 * UTC's, which is still on yesterday between midnight and 01:00 (02:00 in summer) there: after a
 * night round an afspraak due today would not yet be today. One formatter, made once.
 */
const dutchDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" });

/** The calendar day (YYYY-MM-DD) in the Netherlands at this instant (an ISO string, ms, or a Date). */
export function calendarDay(instant: string | number | Date): string {
  return dutchDate.format(typeof instant === "string" ? new Date(Date.parse(instant)) : instant);
}

/** Today's calendar day in the Netherlands. */
export const calendarToday = (): string => calendarDay(Date.now());

/** Whole calendar days from the day of `from` to the day of `to`, both as days in the Netherlands. */
export function calendarDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(calendarDay(to)) - Date.parse(calendarDay(from))) / 86_400_000);
}

/** The calendar day `days` days after this one (YYYY-MM-DD arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
