import type { DataCategory } from "@naast/shared";
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import { en } from "./en.ts";
import { type MessageKey, nl } from "./nl.ts";

export type Language = "nl" | "en";
export const catalogues: Record<Language, Record<MessageKey, string>> = { nl, en };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const catalogue = catalogues[language];
  return (key, params) => catalogue[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
}

export const LanguageContext = createContext<{ language: Language; t: Translate }>({ language: "nl", t: translator("nl") });
export const useT = () => useContext(LanguageContext).t;

export function categoryLabel(t: Translate, category: DataCategory): string {
  const key = (`domain.${category}` in nl ? `domain.${category}` : `category.${category}`) as MessageKey;
  return t(key);
}

/** Dates as people read them in the panel's language: "12 maart 2027". */
export function formatDay(language: Language, isoDayOrInstant: string): string {
  const date = new Date(isoDayOrInstant.length === 10 ? `${isoDayOrInstant}T12:00:00Z` : isoDayOrInstant);
  return date.toLocaleDateString(language === "nl" ? "nl-NL" : "en-GB", { day: "numeric", month: "long", year: "numeric" });
}
