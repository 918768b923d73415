import type { Figures } from "./schema.ts";
import type { AmountCell, CountCell, StatisticCell } from "./suppress.ts";

/**
 * The catalogue keys a figures table is labelled with (extension/src/i18n: `figures.*`, and the
 * words the panel already has for handover kinds, closing reasons, purposes and life domains).
 */
export type FiguresLabelKey =
  | `figures.${string}`
  | `handover.kind.${string}`
  | `client.closeReason.${string}`
  | `flexbudget.purpose.${string}`
  | `domain.${string}`;

export interface FiguresFormat {
  label(key: FiguresLabelKey): string;
  /** Cents as the reader writes money ("€ 1.000,00"); a spreadsheet may rather have "1000,00". */
  money(cents: number): string;
  number(value: number): string;
}

/** One line of the table: section, what, and the published value ("<5", "x" as they are). */
export type FiguresLine = [section: string, item: string, value: string];

/**
 * The figures as one flat table: what the panel shows, the CSV and PDF hold and the CLI prints,
 * from the same lines, so the three never disagree.
 */
export function figuresLines(f: Figures, format: FiguresFormat): FiguresLine[] {
  const { label } = format;
  const count = (c: CountCell | StatisticCell) => (typeof c === "number" ? format.number(c) : c);
  const money = (c: AmountCell) => (typeof c === "number" ? format.money(c) : c);
  const lines: FiguresLine[] = [];
  const add = (section: FiguresLabelKey, item: string, value: string) => lines.push([label(section), item, value]);
  const total = label("figures.total");

  add("figures.period", label("figures.period.range"), `${f.period.from} – ${f.period.to}`);
  for (const r of f.activeClients.rows) add("figures.activeClients", r.key, count(r.count));
  add("figures.activeClients", total, count(f.activeClients.total));
  add("figures.flows", label("figures.instroom"), count(f.instroom));
  add("figures.flows", label("figures.monitoring"), count(f.monitoring));
  for (const r of f.uitstroom.rows)
    add("figures.uitstroom", label(r.key === "unknown" ? "figures.reason.unknown" : `client.closeReason.${r.key}`), count(r.count));
  add("figures.uitstroom", total, count(f.uitstroom.total));
  for (const r of f.handovers.rows) add("figures.handovers", label(`handover.kind.${r.key}`), count(r.count));
  add("figures.handovers", total, count(f.handovers.total));
  if (f.escalations) {
    add("figures.escalations", label("figures.escalations.opened"), count(f.escalations.opened));
    add("figures.escalations", label("figures.escalations.resolved"), count(f.escalations.resolved));
    add("figures.escalations", label("figures.escalations.medianDays"), count(f.escalations.medianDaysToAnswer));
  }
  add("figures.timeout", label("figures.timeout.trajectories"), count(f.timeout.trajectories));
  add("figures.timeout", label("figures.timeout.nights"), count(f.timeout.nights));
  add("figures.timeout", label("figures.timeout.cost"), money(f.timeout.costCents));
  add("figures.flexbudget", label("figures.flexbudget.budget"), format.money(f.flexbudget.budgetCents));
  for (const r of f.flexbudget.spent.rows) add("figures.flexbudget", label(`flexbudget.purpose.${r.key}`), money(r.cents));
  add("figures.flexbudget", label("figures.flexbudget.spent"), money(f.flexbudget.spent.total));
  add("figures.consent", label("figures.consent.with"), count(f.consent.withConsent));
  add("figures.consent", label("figures.consent.without"), count(f.consent.withoutConsent));
  add("figures.consent", label("figures.consent.share"), typeof f.consent.share === "number" ? `${format.number(f.consent.share)}%` : f.consent.share);
  add("figures.consent", label("figures.consent.asked"), count(f.consent.asked));
  add("figures.consent", label("figures.consent.given"), count(f.consent.given));
  for (const z of f.zrm) {
    if (z.clients === 0) continue;
    const domain = label(`domain.${z.domain}`);
    add("figures.zrm", `${domain}: ${label("figures.zrm.clients")}`, count(z.clients));
    add("figures.zrm", `${domain}: ${label("figures.zrm.mean")}`, count(z.meanChange));
    add("figures.zrm", `${domain}: ${label("figures.zrm.improved")}`, count(z.improved));
    add("figures.zrm", `${domain}: ${label("figures.zrm.same")}`, count(z.same));
    add("figures.zrm", `${domain}: ${label("figures.zrm.worsened")}`, count(z.worsened));
  }
  f.flows.quarters.forEach((q, i) => {
    add("figures.perQuarter", `${q} ${label("figures.instroom")}`, count(f.flows.instroom[i] ?? 0));
    add("figures.perQuarter", `${q} ${label("figures.uitstroom")}`, count(f.flows.uitstroom[i] ?? 0));
    add("figures.perQuarter", `${q} ${label("figures.handovers")}`, count(f.flows.handovers[i] ?? 0));
  });
  return lines;
}

/**
 * CSV as Dutch Excel opens it: UTF-8 with a byte order mark (else "ë" is garbled), `;` between
 * fields (the comma is the decimal sign), CRLF, every field quoted.
 */
export function figuresCsv(lines: readonly FiguresLine[], header: FiguresLine): string {
  const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
  return `\uFEFF${[header, ...lines].map((line) => line.map(quote).join(";")).join("\r\n")}\r\n`;
}
