import { deriveConsents } from "@naast/shared";
import { buildA4Pdf, type StatementSection } from "../../consent/statement-pdf.ts";
import { categoryLabel, type Translate } from "../../i18n/index.ts";
import { agreementDetails, clientLine, consentText, describer, domainText, receiverLine, senderLine } from "./describe.ts";
import { type ExportContent, type ExportInput, exportContent } from "./export-input.ts";

/**
 * The export for people: an A4 PDF with the handover in the panel's language. Only what
 * `exportContent` lets through is in it; any text is safe (the PDF builder replaces what its
 * fonts cannot draw).
 */
export function buildExportPdf(input: ExportInput, t: Translate, content: ExportContent = exportContent(input)): Promise<Uint8Array> {
  const d = describer(input.directory, input.language, t);
  const { handover } = content;
  const subtitle = [clientLine(d, input)];
  if (handover) {
    subtitle.push(
      t("export.from", { from: senderLine(d, handover) }),
      t("export.to", { to: receiverLine(d, handover) }),
      t("export.kind", { kind: t(`handover.kind.${handover.kind}`) }),
      t("export.writtenOn", { date: d.day(handover.createdAt) }),
    );
  }
  subtitle.push(t("export.madeOn", { date: d.day(input.now) }));

  const sections: StatementSection[] = [{ heading: t("export.domains"), text: content.domains.length === 0 ? t("export.nothing") : "" }];
  for (const domain of content.domains) {
    const label = categoryLabel(t, domain.domain);
    sections.push({
      heading: domain.score === null ? label : `${label} — ${t("export.score", { score: domain.score })}`,
      text: domainText(d, domain),
      level: 2,
    });
  }
  if (handover) {
    sections.push({ heading: t("handover.risks"), text: handover.risks.trim() || t("export.nothing") });
    sections.push({ heading: t("handover.whatWorks"), text: handover.whatWorks.trim() || t("export.nothing") });
    const contacts = handover.network.map((c) => `• ${[c.name, c.role, c.reachableAt].filter(Boolean).join(" — ")}`);
    sections.push({ heading: t("handover.network"), text: contacts.join("\n") || t("export.nothing") });
  }
  sections.push({ heading: t("export.agreements"), text: content.agreements.length === 0 ? t("export.nothing") : "" });
  for (const item of content.agreements) sections.push({ heading: item.agreement.text, text: agreementDetails(d, item), level: 2 });

  const consents = deriveConsents(
    input.consentEvents.filter((e) => e.clientId === input.client.id),
    input.now,
  );
  sections.push({ heading: t("export.consent"), text: consents.map((s) => consentText(d, s)).join("\n") || t("export.consentNone") });
  if (handover?.text.trim()) sections.push({ heading: t("export.text"), text: handover.text.trim() });

  return buildA4Pdf({
    title: t("export.title"),
    subtitle: subtitle.join("\n"),
    sections,
    footer: t("export.footer", { name: d.person(input.exportedBy.id), date: d.day(input.now) }),
    type: "normal",
    language: input.language === "nl" ? "nl-NL" : "en-GB",
  });
}
