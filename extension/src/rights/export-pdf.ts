import { type ClientExport, clientSchema, type DataCategory, dataCategories } from "@naast/shared";
import { describeCategories } from "../consent/statement.ts";
import { buildA4Pdf, type StatementSection } from "../consent/statement-pdf.ts";
import { categoryLabel, formatDay, type Language, type Translate, translator } from "../i18n/index.ts";
import type { MessageKey } from "../i18n/nl.ts";
import { describeDay, reportDays } from "./describe-access.ts";

/** Names of people and organisations, as the device knows them; the id when it does not. */
export type NameOf = (id: string) => string;

const asList = (data: ClientExport, collection: string): Record<string, unknown>[] => data.records[collection] ?? [];
const label = (t: Translate, c: string) => ((dataCategories as readonly string[]).includes(c) ? categoryLabel(t, c as DataCategory) : c);

/** A record no section below knows: its fields as "field: value", ids left out. */
function generic(record: Record<string, unknown>): string {
  return Object.entries(record)
    .filter(([key, value]) => key !== "id" && key !== "clientId" && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`)
    .join("; ");
}

/**
 * The readable copy of everything Naast holds about the client (AVG art. 15): her record, plan,
 * scores, afspraken, notes, consents, consent conversations, handovers, and what else the server
 * holds, then who read or changed what. Made on the device from the server's JSON export.
 */
export function clientExportPdf(language: Language, data: ClientExport, nameOf: NameOf): Promise<Uint8Array> {
  const t = translator(language);
  const day = (instant: unknown) => (typeof instant === "string" ? formatDay(language, instant) : "");
  const sections: StatementSection[] = [{ heading: t("clientExport.pdf.whatHeading"), text: t("clientExport.pdf.whatText") }];
  const section = (heading: MessageKey, lines: string[]) =>
    sections.push({ heading: t(heading), text: lines.length ? lines.join("\n") : t("clientExport.pdf.none") });
  const known = new Set(["clients", "planDomains", "zrmScores", "agreements", "notes", "consentEvents", "consentConversations", "handovers", "epdLinks"]);

  const client = clientSchema.safeParse(asList(data, "clients")[0]);
  if (client.success) {
    const c = client.data;
    section("clientExport.pdf.client", [
      t("clientExport.pdf.clientLine", { alias: c.alias, year: c.birthYear, holder: nameOf(c.ownerOrganisationId), status: t(`client.status.${c.status}`) }),
    ]);
  }
  section(
    "clientExport.pdf.plan",
    asList(data, "planDomains").map(
      (p) => `${label(t, String(p.domain))}: ${t("plan.situation")}: ${p.situation || "—"}. ${t("plan.goal")}: ${p.goal || "—"}.`,
    ),
  );
  section(
    "clientExport.pdf.scores",
    asList(data, "zrmScores").map((s) => `${day(s.assessedOn)}: ${label(t, String(s.domain))} ${s.score}`),
  );
  section(
    "clientExport.pdf.agreements",
    asList(data, "agreements").map((a) => `${a.text} (${nameOf(String(a.ownerUserId))}, ${day(a.dueDate)}, ${String(a.status)})`),
  );
  section(
    "clientExport.pdf.notes",
    asList(data, "notes").map((n) => `${day(n.createdAt)}, ${nameOf(String(n.authorUserId))}: ${n.text}`),
  );
  section(
    "clientExport.pdf.consents",
    asList(data, "consentEvents").map((e) =>
      e.type === "recorded"
        ? t("clientExport.pdf.consentRecorded", {
            date: day(e.recordedAt),
            organisations: (e.grantedTo as string[]).map(nameOf).join(", "),
            categories: describeCategories(language, e.categories as string[]),
            until: day(e.validUntil),
          })
        : t("clientExport.pdf.consentWithdrawn", { date: day(e.withdrawnAt), reason: String(e.reason) }),
    ),
  );
  section(
    "clientExport.pdf.conversations",
    asList(data, "consentConversations").map(
      (c) => `${day(c.askedOn)}: ${t(`conversation.outcome.${String(c.outcome)}` as MessageKey)}${c.clientWords ? ` — “${c.clientWords}”` : ""}`,
    ),
  );
  section(
    "clientExport.pdf.handovers",
    asList(data, "handovers").map(
      (h) => `${day(h.createdAt)}: ${t(`handover.kind.${String(h.kind)}` as MessageKey)}. ${[h.risks, h.whatWorks, h.text].filter(Boolean).join(" ")}`,
    ),
  );
  section(
    "clientExport.pdf.links",
    asList(data, "epdLinks").map((l) => `${nameOf(String(l.organisationId))}: ${l.epdClientId}`),
  );
  for (const [collection, list] of Object.entries(data.records)) {
    if (known.has(collection) || list.length === 0) continue;
    sections.push({ heading: collection, text: list.map(generic).join("\n") });
  }
  sections.push({
    heading: t("clientExport.pdf.accessLog"),
    text:
      reportDays({ ...data, birthYear: 0, entries: data.accessLog })
        .flatMap(({ day: d, lines }) => lines.map((l) => `${formatDay(language, d)}: ${describeDay(t, l)}`))
        .join("\n") || t("clientExport.pdf.none"),
  });
  return buildA4Pdf({
    title: t("clientExport.pdf.title"),
    subtitle: t("rights.pdf.for", {
      alias: data.alias,
      year: client.success ? client.data.birthYear : "",
      holder: data.holderName,
      date: day(data.generatedAt),
    }),
    sections,
    footer: t("clientExport.pdf.footer", { date: day(data.generatedAt) }),
    language: language === "nl" ? "nl-NL" : "en-GB",
    type: "normal",
  });
}
