import type { ConsentState } from "@naast/shared";
import { formatDay, type Language, type Translate } from "../i18n/index.ts";
import { describeCategories } from "./statement.ts";

/**
 * One consent as a Dutch sentence: "LDH en GGD mogen Financiën zien tot 1 maart 2027.",
 * "LDH mocht alles zien tot 1 november 2026 (verlopen)." What is still shared when it is in
 * force; what was shared when it ended.
 */
export function consentSentence(t: Translate, language: Language, state: ConsentState, organisationName: (id: string) => string): string {
  const live = state.grants.filter((g) => !g.withdrawal);
  const grants = live.length > 0 && (state.status === "active" || state.status === "pending") ? live : state.grants;
  const organisations = [...new Set(grants.map((g) => g.organisationId))].map(organisationName);
  return t("consent.sentence", {
    status: state.status,
    organisations,
    count: organisations.length,
    categories: describeCategories(language, [...new Set(grants.map((g) => g.category))]),
    from: formatDay(language, state.consent.validFrom),
    until: formatDay(language, state.consent.validUntil),
  });
}
