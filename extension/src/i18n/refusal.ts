import { type DataCategory, isRefusalCode, type Refusal, refusalCodes } from "@naast/shared";
import type { MessageValue } from "./icu.ts";
import { categoryLabel, type Translate } from "./index.ts";
import type { MessageKey } from "./nl.ts";

export { refusalOf } from "../sync/refusal-of.ts";

/** Where the catalogue names each kind of code a parameter can hold. */
const codePrefix = { role: "role", status: "handover.status", section: "handover", mutation: "mutation" } as const;

/** The refusal as a sentence in the panel's language, with what to do next. */
export function describeRefusal(t: Translate, r: Refusal): string {
  const code = isRefusalCode(r.code) ? r.code : "unexpected";
  const kinds: Record<string, string> = refusalCodes[code];
  const params: Record<string, MessageValue> = {};
  for (const [name, value] of Object.entries(r.params as Record<string, MessageValue>)) {
    const kind = kinds[name];
    if (kind === "role" || kind === "status" || kind === "section" || kind === "mutation")
      params[name] = t(`${codePrefix[kind]}.${String(value)}` as MessageKey);
    else if (kind === "category") params[name] = categoryLabel(t, value as DataCategory);
    else if (kind === "categories" && Array.isArray(value)) params[name] = value.map((c) => categoryLabel(t, c as DataCategory));
    else params[name] = value;
  }
  return t(`refusal.${code}` as MessageKey, params);
}
