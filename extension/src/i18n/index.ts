import type { DataCategory } from "@naast/shared";
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { euros, formatMessage, longDate, type MessageParams } from "./icu.ts";
import { type MessageKey, nl } from "./nl.ts";

export type Language = "nl" | "en";
/**
 * Dutch is built in; English is loaded when the panel is switched to it (`loadLanguage`), so a
 * Dutch panel's first render does not wait on a catalogue it does not show.
 */
export const catalogues: Partial<Record<Language, Record<MessageKey, string>>> & { nl: Record<MessageKey, string> } = { nl };
export const locales: Record<Language, string> = { nl: "nl-NL", en: "en-GB" };

/** Makes a language's catalogue available to `translator` (at once for Dutch). */
export async function loadLanguage(language: Language): Promise<void> {
  if (language === "en" && !catalogues.en) catalogues.en = (await import("./en.ts")).en;
}
export const languageLoaded = (language: Language): boolean => catalogues[language] !== undefined;

/** A catalogue message with its parameters filled in; messages are ICU (`icu.ts`). */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(language: Language): Translate {
  // Until a language is loaded its messages show in Dutch (the panel waits for it: App.tsx).
  const catalogue = catalogues[language] ?? catalogues.nl;
  // A key the catalogue lacks (a code from a newer server) shows as itself rather than failing.
  return (key, params) => formatMessage(catalogue[key] ?? key, params, locales[language]);
}

export const LanguageContext = createContext<{ language: Language; t: Translate }>({ language: "nl", t: translator("nl") });
export const useT = () => useContext(LanguageContext).t;

export function categoryLabel(t: Translate, category: DataCategory): string {
  const key = (`domain.${category}` in nl ? `domain.${category}` : `category.${category}`) as MessageKey;
  return t(key);
}

/** Dates as people read them in the panel's language: "12 maart 2027". */
export function formatDay(language: Language, isoDayOrInstant: string): string {
  return longDate(isoDayOrInstant, locales[language]);
}

/** Integer cents as euros in the panel's language: "€ 1.000,00" (nl-NL). */
export function formatEuros(language: Language, cents: number): string {
  return euros(cents, locales[language]);
}
