import { type AccessReport, type AccessReportDay, accessReportByDay, type DataCategory, dataCategories } from "@naast/shared";
import { buildA4Pdf, type StatementSection } from "../consent/statement-pdf.ts";
import { categoryLabel, formatDay, type Language, type Translate, translator } from "../i18n/index.ts";
import type { MessageKey } from "../i18n/nl.ts";

const isDataCategory = (c: string): c is DataCategory => (dataCategories as readonly string[]).includes(c);

/** A category as the report names it; the record kinds outside the categories by their own words. */
export function reportCategory(t: Translate, category: string): string {
  if (isDataCategory(category)) return categoryLabel(t, category);
  const key = `rights.category.${category}` as MessageKey;
  const label = t(key);
  return label === key ? category : label;
}

/** One day's line in plain words: who, of which organisation, did what with which information, and why that was allowed. */
export function describeDay(t: Translate, line: AccessReportDay): string {
  const who = line.personName ?? t("rights.who.system");
  const organisation = line.organisationName ? ` (${line.organisationName})` : "";
  const categories = line.categories.map((c) => reportCategory(t, c)).join(", ");
  const action = line.outcome === "ok" ? t(`rights.action.${line.kind}`, { categories: categories || "—" }) : t("rights.action.refused");
  const basis = line.outcome === "ok" ? t(`rights.basis.${line.basis}`, { organisation: line.organisationName ?? "" }) : "";
  return [`${who}${organisation} ${action}`, basis].filter(Boolean).join(" ");
}

/** The report per day, newest first, each day with its lines. */
export function reportDays(report: AccessReport): { day: string; lines: AccessReportDay[] }[] {
  const byDay = new Map<string, AccessReportDay[]>();
  for (const line of accessReportByDay(report.entries)) byDay.set(line.day, [...(byDay.get(line.day) ?? []), line]);
  return [...byDay].map(([day, lines]) => ({ day, lines })).sort((a, b) => b.day.localeCompare(a.day));
}

/** The client's copy of the inzage, in plain Dutch (or the panel's language), to print or keep. */
export function accessReportPdf(language: Language, report: AccessReport): Promise<Uint8Array> {
  const t = translator(language);
  const sections: StatementSection[] = [{ heading: t("rights.pdf.whatHeading"), text: t("rights.pdf.whatText") }];
  const days = reportDays(report);
  if (days.length === 0) sections.push({ heading: t("rights.pdf.nothing"), text: "" });
  for (const { day, lines } of days) {
    sections.push({ heading: formatDay(language, day), text: lines.map((l) => `- ${describeDay(t, l)}`).join("\n"), level: 2 });
  }
  sections.push({ heading: t("rights.pdf.wrongHeading"), text: t("rights.pdf.wrongText", { holder: report.holderName }) });
  return buildA4Pdf({
    title: t("rights.pdf.title"),
    subtitle: t("rights.pdf.for", { alias: report.alias, year: report.birthYear, holder: report.holderName, date: formatDay(language, report.generatedAt) }),
    sections,
    footer: t("rights.pdf.footer", { date: formatDay(language, report.generatedAt) }),
    language: language === "nl" ? "nl-NL" : "en-GB",
  });
}
