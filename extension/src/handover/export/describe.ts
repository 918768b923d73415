import type { ConsentState, ConsentWithdrawn, Handover, ZrmScore } from "@naast/shared";
import { describeCategories } from "../../consent/statement.ts";
import { formatDay, type Language, type Translate } from "../../i18n/index.ts";
import type { ExportAgreement, ExportDirectory, ExportDomain, ExportInput } from "./export-input.ts";

/**
 * The words both documents use, so the PDF for people and the FHIR bundle's human text say the
 * same thing.
 */
export interface Describer {
  t: Translate;
  language: Language;
  day: (isoDayOrInstant: string) => string;
  /** "Fatima Yilmaz (Iriszorg)"; the id when the person is unknown on this device. */
  person: (userId: string) => string;
  organisation: (organisationId: string) => string;
  organisations: (ids: readonly string[]) => string;
}

export function describer(directory: ExportDirectory, language: Language, t: Translate): Describer {
  const organisation = (id: string) => directory.organisations.get(id)?.name ?? id;
  return {
    t,
    language,
    day: (value) => formatDay(language, value),
    person: (id) => {
      const p = directory.people.get(id);
      if (!p) return id;
      const org = directory.organisations.get(p.organisationId);
      return org ? `${p.name} (${org.shortName})` : p.name;
    },
    organisation,
    organisations: (ids) => ids.map(organisation).join(", "),
  };
}

export const clientLine = (d: Describer, input: Pick<ExportInput, "client">) =>
  d.t("export.client", { alias: input.client.alias, year: input.client.birthYear });

export const senderLine = (d: Describer, handover: Handover) => d.person(handover.fromUserId);

/** Who receives it: outside Naast as the sender named it, else the person and/or organisation. */
export function receiverLine(d: Describer, handover: Handover): string {
  if (handover.toExternal) return handover.toExternal;
  if (handover.toUserId) return d.person(handover.toUserId);
  if (handover.toOrganisationId) return d.t("export.anyoneOf", { organisation: d.organisation(handover.toOrganisationId) });
  return "";
}

export const scoreLine = (d: Describer, score: ZrmScore) => d.t("export.scoredOn", { score: score.score, date: d.day(score.assessedOn) });

/** The domain's words: situation and goal, each on a line of its own. */
export function domainText(d: Describer, domain: ExportDomain): string {
  const lines: string[] = [];
  if (domain.situation) lines.push(d.t("export.situation", { text: domain.situation }));
  lines.push(domain.goal ? d.t("export.goal", { text: domain.goal }) : d.t("export.noGoal"));
  return lines.join("\n");
}

/** Who keeps the agreement up after the export: its new owner when it is carried over. */
export const agreementOwner = (d: Describer, item: ExportAgreement) =>
  d.person(item.decision?.action === "carry" ? item.decision.newOwnerUserId : item.agreement.ownerUserId);

export function decisionLine(d: Describer, item: ExportAgreement): string {
  switch (item.decision?.action) {
    case "carry":
      return d.t("export.decision.carry", { name: d.person(item.decision.newOwnerUserId) });
    case "done":
      return d.t("export.decision.done");
    case "cancelled":
      return d.t("export.decision.cancelled");
    case undefined:
      return d.t("export.decision.none");
  }
}

export const agreementDetails = (d: Describer, item: ExportAgreement) =>
  `${d.t("export.agreementOwner", { owner: agreementOwner(d, item), date: d.day(item.agreement.dueDate) })}; ${decisionLine(d, item)}`;

function withdrawalLine(d: Describer, withdrawal: ConsentWithdrawn): string {
  const organisations = withdrawal.organisations === null ? d.t("export.allOrganisations") : d.organisations(withdrawal.organisations);
  const categories = withdrawal.categories === null ? d.t("consent.history.all") : describeCategories(d.language, withdrawal.categories);
  return d.t("export.consentWithdrawn", { date: d.day(withdrawal.withdrawnAt), scope: `${organisations}: ${categories}` });
}

/** One consent in plain words, with its withdrawals. */
export function consentText(d: Describer, state: ConsentState): string {
  const { consent } = state;
  const status = d.t(`consent.status.${state.status}`);
  const line = d.t("export.consentLine", {
    status: status.charAt(0).toUpperCase() + status.slice(1),
    organisations: d.organisations(consent.grantedTo),
    categories: describeCategories(d.language, consent.categories),
    from: d.day(consent.validFrom),
    until: d.day(consent.validUntil),
  });
  return [line, ...state.withdrawals.map((w) => withdrawalLine(d, w))].join("\n");
}
