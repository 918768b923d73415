import { type Figures, type FiguresLine, figuresCsv, figuresLines } from "@naast/shared";
import { buildA4Pdf } from "../consent/statement-pdf.ts";
import { formatDay, formatEuros, type Language, locales, translator } from "../i18n/index.ts";
import type { MessageKey } from "../i18n/nl.ts";

/** The figures as lines in the reader's language: what the view, the CSV and the PDF show. */
export function linesFor(language: Language, figures: Figures): FiguresLine[] {
  const t = translator(language);
  const number = new Intl.NumberFormat(locales[language], { maximumFractionDigits: 2 });
  return figuresLines(figures, {
    label: (key) => t(key as MessageKey),
    money: (cents) => formatEuros(language, cents),
    number: (value) => number.format(value),
  });
}

/**
 * The CSV for Excel. Money without the euro sign and thousands separator, so a spreadsheet reads
 * it as a number ("1234,56" in Dutch); the rest as the view shows it.
 */
export function figuresCsvFor(language: Language, figures: Figures): string {
  const t = translator(language);
  const decimal = new Intl.NumberFormat(locales[language], { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
  const plain = new Intl.NumberFormat(locales[language], { maximumFractionDigits: 2, useGrouping: false });
  const lines = figuresLines(figures, { label: (key) => t(key as MessageKey), money: (cents) => decimal.format(cents / 100), number: (v) => plain.format(v) });
  return figuresCsv(lines, [t("figures.header.section"), t("figures.header.item"), t("figures.header.value")]);
}

/** A printable A4 of the same lines, one section per part. */
export function figuresPdf(language: Language, figures: Figures): Promise<Uint8Array> {
  const t = translator(language);
  const sections = new Map<string, string[]>();
  for (const [section, item, value] of linesFor(language, figures)) sections.set(section, [...(sections.get(section) ?? []), `${item}: ${value}`]);
  return buildA4Pdf({
    title: t("figures.pdfTitle", { from: formatDay(language, figures.period.from), to: formatDay(language, figures.period.to) }),
    subtitle: t("figures.explain"),
    sections: [...sections].map(([heading, lines]) => ({ heading, text: lines.join("\n") })),
    footer: formatDay(language, figures.computedAt),
    type: "normal",
    language: locales[language],
  });
}

/** "cijfers-2023-01-01-2023-12-31.csv" */
export const figuresFileName = (figures: Figures, ext: "csv" | "pdf") => `cijfers-${figures.period.from}-${figures.period.to}.${ext}`;
