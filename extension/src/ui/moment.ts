import { momentFormat } from "../i18n/icu.ts";
import { type Language, locales } from "../i18n/index.ts";

/** An instant as the value of a `datetime-local` input, in the device's time zone ("2026-12-01T21:30"). */
export function localInputValue(instant: string): string {
  const d = new Date(instant);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A moment as people read it: "1 december 2026 21:30". */
export function formatMoment(language: Language, instant: string): string {
  return momentFormat(locales[language]).format(new Date(instant));
}
