import { type ConsentState, dataCategories, lifeDomains, type RecordOf } from "@naast/shared";
import { categoryLabel, formatDay, type Language, translator } from "../i18n/index.ts";
import type { Directory } from "../records/queries.ts";
import { buildStatementPdf } from "./statement-pdf.ts";

/** Categories as a person says them: "het hele plan" instead of thirteen domain names. */
export function describeCategories(language: Language, categories: readonly string[]): string {
  const t = translator(language);
  const set = new Set(categories);
  if (dataCategories.every((c) => set.has(c))) return t("consent.history.all");
  const wholePlan = lifeDomains.every((d) => set.has(d));
  const parts = wholePlan ? [t("consent.wholePlan")] : [];
  for (const c of dataCategories) if (set.has(c) && !(wholePlan && (lifeDomains as readonly string[]).includes(c))) parts.push(categoryLabel(t, c));
  return parts.join(", ");
}

export const organisationNames = (directory: Directory, ids: readonly string[]) => ids.map((id) => directory.organisations.get(id)?.name ?? id).join(", ");

/** The client's own copy of one consent, in plain words, in the panel's language. */
export function consentStatementPdf(language: Language, client: RecordOf<"clients">, state: ConsentState, directory: Directory): Promise<Uint8Array> {
  const t = translator(language);
  const { consent } = state;
  const recorder = directory.people.get(consent.recordedBy);
  return buildStatementPdf(
    t("statement.title"),
    t("statement.for", { alias: client.alias, year: client.birthYear }),
    [
      { heading: t("statement.what"), text: describeCategories(language, consent.categories) },
      { heading: t("statement.withWhom"), text: organisationNames(directory, consent.grantedTo) },
      { heading: t("statement.why"), text: [t("consent.purposeText"), consent.purposeNote].filter(Boolean).join("\n") },
      {
        heading: t("statement.until"),
        text: t("statement.untilText", { from: formatDay(language, consent.validFrom), until: formatDay(language, consent.validUntil) }),
      },
      { heading: t("statement.withdraw"), text: t("statement.withdrawText") },
    ],
    t("statement.recorded", {
      name: recorder?.name ?? consent.recordedBy,
      organisation: directory.organisations.get(consent.recordedByOrganisationId)?.name ?? "",
      date: formatDay(language, consent.recordedAt),
      form: t(`consent.form.${consent.form}`).toLowerCase(),
    }),
  );
}

/** Offers the PDF to print or keep; a download works the same in Chromium and Firefox. */
export function offerDownload(content: Uint8Array | string, fileName: string, type = "application/pdf"): void {
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
