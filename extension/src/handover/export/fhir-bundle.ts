import { type ConsentState, type ConsentStatus, type DataCategory, deriveConsents, type LifeDomain } from "@naast/shared";
import { categoryLabel, type Translate } from "../../i18n/index.ts";
import {
  agreementDetails,
  agreementOwner,
  clientLine,
  consentText,
  type Describer,
  decisionLine,
  describer,
  domainText,
  receiverLine,
  scoreLine,
  senderLine,
} from "./describe.ts";
import { type ExportAgreement, type ExportContent, type ExportDomain, type ExportInput, exportContent } from "./export-input.ts";
import type {
  Bundle,
  BundleEntry,
  CarePlan,
  CarePlanActivity,
  CodeableConcept,
  Composition,
  CompositionSection,
  Consent,
  ConsentProvision,
  Goal,
  Organization,
  Patient,
  Reference,
  Resource,
} from "./fhir-types.ts";

/** Naast's own code system for its data categories (the ZRM life domains and the team's other kinds of information). */
export const naastCategorySystem = "urn:naast:fhir:data-category";

const systems = {
  loinc: "http://loinc.org",
  consentScope: "http://terminology.hl7.org/CodeSystem/consentscope",
  actReason: "http://terminology.hl7.org/CodeSystem/v3-ActReason",
  participationType: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
  goalAchievement: "http://terminology.hl7.org/CodeSystem/goal-achievement",
  rfc3986: "urn:ietf:rfc:3986",
} as const;

/** Regulation (EU) 2016/679, the AVG, as the EU's legislation identifier names it. */
const gdpr = "http://data.europa.eu/eli/reg/2016/679/oj";

export interface FhirOptions {
  /** A new id for each entry (a UUID); crypto.randomUUID unless a test wants fixed ones. */
  newId?: () => string;
}

/** Entries are collected with their urn:uuid, so resources can point to each other before they exist. */
class Entries {
  readonly list: BundleEntry[] = [];
  constructor(private readonly newId: () => string) {}
  url(): string {
    return `urn:uuid:${this.newId()}`;
  }
  add(resource: Resource, fullUrl = this.url()): Reference & { reference: string } {
    this.list.push({ fullUrl, resource });
    return ref(fullUrl, resource.resourceType);
  }
}

const ref = (fullUrl: string, type: Resource["resourceType"], display?: string): Reference & { reference: string; type: string } =>
  display === undefined ? { reference: fullUrl, type } : { reference: fullUrl, type, display };

/** FHIR strings (and XHTML) hold no control characters but tab, line feed and carriage return. */
const allowedCharacter = (c: string) => {
  const code = c.charCodeAt(0);
  return (code >= 32 && code !== 127) || code === 9 || code === 10 || code === 13;
};
function withoutControlCharacters(value: unknown): unknown {
  if (typeof value === "string") return [...value].every(allowedCharacter) ? value : [...value].filter(allowedCharacter).join("");
  if (Array.isArray(value)) return value.map(withoutControlCharacters);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutControlCharacters(v)]));
  return value;
}

const escapeXml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

/** XHTML narrative: each line a paragraph, in the XHTML namespace as FHIR requires. */
function narrative(text: string): { status: "additional"; div: string } {
  const paragraphs = text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => `<p>${escapeXml(line)}</p>`)
    .join("");
  return { status: "additional", div: `<div xmlns="http://www.w3.org/1999/xhtml">${paragraphs || "<p>-</p>"}</div>` };
}

function categoryConcept(t: Translate, category: DataCategory): CodeableConcept {
  const label = categoryLabel(t, category);
  return { coding: [{ system: naastCategorySystem, code: category, display: label }], text: label };
}

/** How the ZRM trajectory moved between the last two assessments ("lotsverbetering"). */
function achievement(d: Describer, domain: ExportDomain): CodeableConcept | undefined {
  const latest = domain.scores.at(-1);
  const previous = domain.scores.at(-2);
  if (!latest) return undefined;
  const code = !previous ? "in-progress" : latest.score > previous.score ? "improving" : latest.score < previous.score ? "worsening" : "no-change";
  const display = { "in-progress": "In Progress", improving: "Improving", worsening: "Worsening", "no-change": "No Change" }[code];
  return { coding: [{ system: systems.goalAchievement, code, display }], text: d.t(`export.trend.${code}`) };
}

function goalOf(d: Describer, domain: ExportDomain, patient: Reference, now: string): Goal {
  const notes = [
    ...(domain.situation ? [{ text: d.t("export.situation", { text: domain.situation }) }] : []),
    ...domain.scores.map((s) => ({ text: scoreLine(d, s), time: `${s.assessedOn}T12:00:00Z` })),
  ];
  // A score the sender gave at handover without a recorded assessment still travels.
  if (domain.score !== null && domain.scores.at(-1)?.score !== domain.score) notes.push({ text: d.t("export.score", { score: domain.score }) });
  const status = achievement(d, domain);
  return {
    resourceType: "Goal",
    lifecycleStatus: domain.goal ? "active" : "proposed",
    ...(status ? { achievementStatus: status } : {}),
    category: [categoryConcept(d.t, domain.domain)],
    description: { text: domain.goal || d.t("export.noGoal") },
    subject: patient,
    statusDate: now.slice(0, 10),
    ...(notes.length > 0 ? { note: notes } : {}),
  };
}

const activityStatus = (item: ExportAgreement): CarePlanActivity["detail"]["status"] =>
  item.decision?.action === "done" ? "completed" : item.decision?.action === "cancelled" ? "cancelled" : "scheduled";

function consentStatus(status: ConsentStatus): Consent["status"] {
  switch (status) {
    case "active":
    case "pending": // in force from validFrom on, as its period says
      return "active";
    case "expired":
      return "inactive";
    case "withdrawn":
      return "rejected";
  }
}

function consentOf(d: Describer, state: ConsentState, patient: Reference, organisation: (id: string) => Reference): Consent {
  const { consent } = state;
  const actor = (id: string) => ({
    role: { coding: [{ system: systems.participationType, code: "IRCP", display: "information recipient" }] },
    reference: organisation(id),
  });
  // A withdrawal for some organisations or categories: a deny inside the permit, from that moment on.
  const denials: ConsentProvision[] = state.withdrawals
    .filter((w) => state.status !== "withdrawn" && (w.organisations !== null || w.categories !== null))
    .map((w) => ({
      type: "deny",
      period: { start: w.withdrawnAt },
      ...(w.organisations ? { actor: w.organisations.map(actor) } : {}),
      ...(w.categories ? { code: w.categories.map((c) => categoryConcept(d.t, c)) } : {}),
    }));
  return {
    resourceType: "Consent",
    status: consentStatus(state.status),
    scope: { coding: [{ system: systems.consentScope, code: "patient-privacy", display: "Privacy Consent" }], text: d.t("export.consent") },
    category: [{ coding: [{ system: systems.loinc, code: "59284-0", display: "Patient Consent" }], text: consentText(d, state) }],
    patient,
    dateTime: consent.recordedAt,
    performer: [patient],
    organization: [organisation(consent.recordedByOrganisationId)],
    // The AVG (GDPR) by its European Legislation Identifier; the rule itself in words.
    policy: [{ uri: gdpr }],
    policyRule: { text: d.t("export.consentPolicy") },
    provision: {
      type: "permit",
      period: { start: consent.validFrom, end: consent.validUntil },
      actor: consent.grantedTo.map(actor),
      purpose: [{ system: systems.actReason, code: "TREAT", display: "treatment" }],
      code: consent.categories.map((c) => categoryConcept(d.t, c)),
      ...(denials.length > 0 ? { provision: denials } : {}),
    },
  };
}

const section = (title: string, text: string, entry?: Reference[], sub?: CompositionSection[]): CompositionSection => ({
  title,
  ...(text ? { text: narrative(text) } : {}),
  ...(entry && entry.length > 0 ? { entry } : {}),
  ...(sub && sub.length > 0 ? { section: sub } : {}),
});

/**
 * The export as a FHIR R4 document Bundle: a Composition ("Overdracht") first, then a Patient
 * with nothing but the alias and the birth year, Organizations, a Goal per life domain, a
 * CarePlan whose activities are the agreements, and a Consent per recorded consent. Only what
 * `exportContent` lets through is in it.
 */
export function buildFhirBundle(input: ExportInput, t: Translate, options: FhirOptions = {}, content: ExportContent = exportContent(input)): Bundle {
  const d = describer(input.directory, input.language, t);
  const entries = new Entries(options.newId ?? (() => crypto.randomUUID()));
  const compositionUrl = entries.url();
  const { now } = input;

  const patient: Patient = {
    resourceType: "Patient",
    name: [{ use: "usual", text: input.client.alias, given: [input.client.alias] }],
    birthDate: String(input.client.birthYear),
  };
  const patientRef = entries.add(patient);

  const organisationRefs = new Map<string, Reference>();
  const organisation = (id: string): Reference => {
    let found = organisationRefs.get(id);
    if (!found) {
      const known = input.directory.organisations.get(id);
      const resource: Organization = { resourceType: "Organization", active: true, name: known?.name ?? id, ...(known ? { alias: [known.shortName] } : {}) };
      found = { ...entries.add(resource), display: resource.name };
      organisationRefs.set(id, found);
    }
    return found;
  };
  const exporter = organisation(input.exportedBy.organisationId);

  const goals = new Map<LifeDomain, Reference>();
  for (const domain of content.domains) goals.set(domain.domain, entries.add(goalOf(d, domain, patientRef, now)));

  const activities: CarePlanActivity[] = content.agreements.map((item) => {
    const ownerId = item.decision?.action === "carry" ? item.decision.newOwnerUserId : item.agreement.ownerUserId;
    const ownerOrganisationId = input.directory.people.get(ownerId)?.organisationId ?? item.agreement.ownerOrganisationId;
    const goal = item.agreement.domain ? goals.get(item.agreement.domain) : undefined;
    return {
      detail: {
        status: activityStatus(item),
        description: item.agreement.text,
        scheduledPeriod: { end: item.agreement.dueDate },
        performer: [{ display: agreementOwner(d, item) }, organisation(ownerOrganisationId)],
        ...(goal ? { goal: [goal] } : {}),
      },
      progress: [{ text: decisionLine(d, item), time: now }],
    };
  });
  const carePlan: CarePlan = {
    resourceType: "CarePlan",
    status: "active",
    intent: "plan",
    title: t("export.carePlan"),
    subject: patientRef,
    created: now,
    author: exporter,
    ...(goals.size > 0 ? { goal: [...goals.values()] } : {}),
    ...(activities.length > 0 ? { activity: activities } : {}),
  };
  const carePlanRef = entries.add(carePlan);

  const consents = deriveConsents(
    input.consentEvents.filter((e) => e.clientId === input.client.id),
    now,
  );
  const consentRefs = consents.map((state) => entries.add(consentOf(d, state, patientRef, organisation)));

  const handover = content.handover;
  const sections: CompositionSection[] = [];
  if (handover) {
    const lines = [
      t("export.from", { from: senderLine(d, handover) }),
      t("export.to", { to: receiverLine(d, handover) }),
      t("export.kind", { kind: t(`handover.kind.${handover.kind}`) }),
      t("export.writtenOn", { date: d.day(handover.createdAt) }),
    ];
    sections.push(section(t("export.title"), lines.join("\n"), [organisation(handover.fromOrganisationId)]));
  }
  sections.push(
    section(
      t("export.domains"),
      content.domains.length === 0 ? t("export.nothing") : "",
      [],
      content.domains.map((domain) => {
        const label = categoryLabel(t, domain.domain);
        const title = domain.score === null ? label : `${label} (${t("export.score", { score: domain.score })})`;
        const goal = goals.get(domain.domain);
        return section(title, domainText(d, domain), goal ? [goal] : []);
      }),
    ),
  );
  if (handover) {
    sections.push(section(t("handover.risks"), handover.risks.trim() || t("export.nothing")));
    sections.push(section(t("handover.whatWorks"), handover.whatWorks.trim() || t("export.nothing")));
    const contacts = handover.network.map((c) => [c.name, c.role, c.reachableAt].filter(Boolean).join(" — "));
    sections.push(section(t("handover.network"), contacts.join("\n") || t("export.nothing")));
  }
  const agreementLines = content.agreements.map((item) => `${item.agreement.text} — ${agreementDetails(d, item)}`);
  sections.push(section(t("export.agreements"), agreementLines.join("\n") || t("export.nothing"), [carePlanRef]));
  sections.push(section(t("export.consent"), consents.map((s) => consentText(d, s)).join("\n") || t("export.consentNone"), consentRefs));
  if (handover?.text.trim()) sections.push(section(t("export.text"), handover.text.trim()));

  const composition: Composition = {
    resourceType: "Composition",
    language: input.language,
    status: "final",
    type: { coding: [{ system: systems.loinc, code: "18761-7", display: "Transfer summary note" }], text: t("export.title") },
    subject: patientRef,
    date: now,
    author: [{ display: d.person(input.exportedBy.id) }, exporter],
    title: `${t("export.title")}: ${clientLine(d, input)}`,
    confidentiality: "R",
    custodian: exporter,
    section: sections,
  };

  const bundle: Bundle = {
    resourceType: "Bundle",
    language: input.language,
    identifier: { system: systems.rfc3986, value: entries.url() },
    type: "document",
    timestamp: now,
    // A document starts with its Composition.
    entry: [{ fullUrl: compositionUrl, resource: composition }, ...entries.list],
  };
  return withoutControlCharacters(bundle) as Bundle;
}
