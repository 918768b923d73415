import { type FiguresLabelKey, type FiguresPeriod, figuresCsv, figuresLines } from "@naast/shared";
// The panel's Dutch catalogue: one place for the words of the figures, so the CLI prints what the panel downloads.
import { nl } from "../../../extension/src/i18n/nl.ts";
import { auditFiguresRequest } from "../figures/audit.ts";
import { computeFigures } from "../figures/compute.ts";
import type { Services } from "../services.ts";

const label = (key: FiguresLabelKey): string => (nl as Record<string, string>)[key] ?? key;
/** Plain numbers for a spreadsheet: "1234,56" (a Dutch decimal comma, no currency sign). */
const format = {
  label,
  money: (cents: number) => `${Math.trunc(cents / 100)},${String(Math.abs(cents) % 100).padStart(2, "0")}`,
  number: (value: number) => String(value).replace(".", ","),
};

/** `pnpm cli figures --from … --to … [--csv]`: the same figures as the panel's, audited as asked at the CLI. */
export async function figuresCommand(services: Services, period: FiguresPeriod, csv: boolean): Promise<string> {
  await auditFiguresRequest(services, { userId: null, organisationId: null, accessPoint: "cli" }, period, "ok");
  const lines = figuresLines(await computeFigures(services, period), format);
  if (csv) return figuresCsv(lines, [label("figures.header.section"), label("figures.header.item"), label("figures.header.value")]);
  const width = Math.max(...lines.map(([, item]) => item.length));
  let section = "";
  const out: string[] = [];
  for (const [s, item, value] of lines) {
    if (s !== section) out.push(`${out.length ? "\n" : ""}${s}`);
    section = s;
    out.push(`  ${item.padEnd(width)}  ${value}`);
  }
  return `${out.join("\n")}\n`;
}
