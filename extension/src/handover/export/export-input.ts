import {
  type AccessSubject,
  type Agreement,
  type AgreementDecision,
  accessibleCategories,
  type Client,
  type ConsentEvent,
  type DataCategory,
  dataCategories,
  type Handover,
  type LifeDomain,
  lifeDomains,
  type Organisation,
  type Person,
  type PlanDomain,
  type SessionUser,
  type ZrmScore,
} from "@naast/shared";
import type { Language } from "../../i18n/index.ts";
import type { ClientView, Directory } from "../../records/queries.ts";

/** Who is who: the panel's Directory fits. */
export interface ExportDirectory {
  people: ReadonlyMap<string, Pick<Person, "id" | "name" | "organisationId">>;
  organisations: ReadonlyMap<string, Pick<Organisation, "id" | "name" | "shortName">>;
}

/**
 * Everything an export package is made of. The records are the client's as this device holds
 * them; `accessible` says which categories the exporting user may read now, and the package
 * holds nothing outside it (see `readableCategories`).
 */
export interface ExportInput {
  client: Pick<Client, "id" | "alias" | "birthYear">;
  planDomains: readonly PlanDomain[];
  zrmScores: readonly ZrmScore[];
  agreements: readonly Agreement[];
  consentEvents: readonly ConsentEvent[];
  /** The handover the client leaves Naast with; null for an export without one. */
  handover: Handover | null;
  accessible: ReadonlySet<DataCategory> | readonly DataCategory[];
  directory: ExportDirectory;
  exportedBy: Pick<Person, "id" | "name" | "organisationId">;
  /** The moment of the export (ISO instant): consent states and the documents' dates follow it. */
  now: string;
  /** For dates in the PDF and the FHIR resources' language. */
  language: Language;
}

/** The categories a user may read of this client now, by the same rule the server applies. */
export function readableCategories(user: SessionUser, client: AccessSubject, consentEvents: readonly ConsentEvent[], now: string): Set<DataCategory> {
  return new Set(accessibleCategories(user, client, consentEvents, now).keys());
}

/**
 * The input for the client open in the panel: what this device holds of her, limited to what
 * `user` may read at `now`. Throws when the handover is not one of hers.
 */
export function exportInputFromView(
  view: ClientView,
  directory: Directory,
  user: Pick<Person, "id" | "name" | "organisationId" | "role">,
  handoverId: string | null,
  now: string,
  language: Language,
): ExportInput {
  const handover = handoverId === null ? null : (view.handovers.find((h) => h.id === handoverId && h.clientId === view.client.id) ?? null);
  if (handoverId !== null && !handover) throw new Error(`handover ${handoverId} is not one of this client's`);
  return {
    client: view.client,
    planDomains: view.planDomains,
    zrmScores: view.zrmScores,
    agreements: view.agreements,
    consentEvents: view.consentEvents,
    handover,
    accessible: readableCategories(user, view.client, view.consentEvents, now),
    directory,
    exportedBy: user,
    now,
    language,
  };
}

/** One life domain as the package tells it. */
export interface ExportDomain {
  domain: LifeDomain;
  /** The sender's words at handover, else the plan's. */
  situation: string;
  goal: string;
  /** The handover's score, else the latest assessment; null when never scored. */
  score: number | null;
  /** Assessments, oldest first. */
  scores: ZrmScore[];
}

export interface ExportAgreement {
  agreement: Agreement;
  /** What the handover decided for it (carried over or closed); null when it named none: it stays open. */
  decision: AgreementDecision | null;
}

/**
 * The content of the package, after leaving out every category the user may not read: the
 * PDF and the FHIR bundle are both made from this, so they cannot differ in what they reveal.
 */
export interface ExportContent {
  domains: ExportDomain[];
  agreements: ExportAgreement[];
  /** Risks, what works, network, free text: present only when the user may read handovers. */
  handover: Handover | null;
  /** The categories the package holds, for recordHandoverExport and its audit entry. */
  categories: DataCategory[];
}

const byAssessment = (a: ZrmScore, b: ZrmScore) => a.assessedOn.localeCompare(b.assessedOn) || a.recordedAt.localeCompare(b.recordedAt);

/** Selects what the package holds; everything outside `input.accessible` stays out. */
export function exportContent(input: ExportInput): ExportContent {
  const accessible = new Set<DataCategory>(input.accessible);
  const clientId = input.client.id;
  const handover = input.handover && input.handover.clientId === clientId && accessible.has("handovers") ? input.handover : null;

  const domains: ExportDomain[] = [];
  for (const domain of lifeDomains) {
    if (!accessible.has(domain)) continue;
    const plan = input.planDomains.find((p) => p.clientId === clientId && p.domain === domain);
    const written = handover?.domains.find((d) => d.domain === domain);
    const scores = input.zrmScores.filter((s) => s.clientId === clientId && s.domain === domain).sort(byAssessment);
    const situation = (written?.situation ?? plan?.situation ?? "").trim();
    const goal = (plan?.goal ?? "").trim();
    const score = written?.score ?? scores.at(-1)?.score ?? null;
    if (!situation && !goal && score === null) continue;
    domains.push({ domain, situation, goal, score, scores });
  }

  const agreements: ExportAgreement[] = [];
  if (accessible.has("agreements")) {
    const named = new Map((handover?.agreements ?? []).map((a) => [a.agreementId, a]));
    for (const agreement of input.agreements) {
      if (agreement.clientId !== clientId) continue;
      const decision = named.get(agreement.id) ?? null;
      if (!decision && agreement.status !== "open") continue;
      agreements.push({ agreement, decision });
    }
    agreements.sort((a, b) => a.agreement.dueDate.localeCompare(b.agreement.dueDate) || a.agreement.id.localeCompare(b.agreement.id));
  }

  const categories = new Set<DataCategory>(domains.map((d) => d.domain));
  if (agreements.length > 0) categories.add("agreements");
  if (handover) categories.add("handovers");
  return { domains, agreements, handover, categories: dataCategories.filter((c) => categories.has(c)) };
}
