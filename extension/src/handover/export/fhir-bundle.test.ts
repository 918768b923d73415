import { canAccess, dataCategories } from "@naast/shared";
import { Fhir, type ValidatorMessage } from "fhir";
import { describe, expect, it } from "vitest";
import { translator } from "../../i18n/index.ts";
import { readableCategories } from "./export-input.ts";
import { buildFhirBundle, naastCategorySystem } from "./fhir-bundle.ts";
import type { Bundle, CarePlan, Composition, CompositionSection, Consent, Goal, Organization, Patient, Resource } from "./fhir-types.ts";
import { client, consentEvents, everythingBut, handover, moniqueInput, now } from "./monique.fixture.ts";

const t = translator("nl");
// One validator for the file: loading the R4 definitions takes a moment.
const fhir = new Fhir();

/** The bundle as a receiving system gets it: through JSON. */
const roundTrip = (bundle: Bundle): Bundle => JSON.parse(JSON.stringify(bundle)) as Bundle;

/**
 * Warnings the validator gives for codes it cannot look up, where the binding is not required
 * (so any code is allowed): Naast's own category codes on Goal.category (an example binding)
 * and Consent.provision.code, and LOINC 18761-7 "Transfer summary" on Composition.type, whose
 * preferred value set (all LOINC document codes) the package does not ship.
 */
const expectedTerminologyWarning = (m: ValidatorMessage) =>
  m.severity === "warning" &&
  /not found in value set$/.test(m.message ?? "") &&
  ((/^(Goal\.category|Consent\.provision(\.provision)?\.code)\[\d+\]$/.test(m.location ?? "") && m.message?.includes(`(${naastCategorySystem})`)) ||
    (m.location === "Composition.type" && m.message === 'Code "18761-7" (http://loinc.org) not found in value set'));

function validate(bundle: Bundle): { valid: boolean; problems: ValidatorMessage[]; warnings: ValidatorMessage[] } {
  // errorOnUnexpected: a misspelt or invented element is an error, not a warning.
  const result = fhir.validate(roundTrip(bundle), { errorOnUnexpected: true });
  return {
    valid: result.valid,
    problems: result.messages.filter((m) => m.severity === "error" || m.severity === "fatal"),
    warnings: result.messages.filter((m) => m.severity === "warning" && !expectedTerminologyWarning(m)),
  };
}

const resources = <T extends Resource["resourceType"]>(bundle: Bundle, type: T) =>
  bundle.entry.map((e) => e.resource).filter((r): r is Extract<Resource, { resourceType: T }> => r.resourceType === type);

/** Every `reference` anywhere in the value, with the `type` it claims. */
function references(value: unknown, found: { reference: string; type: unknown }[] = []) {
  if (Array.isArray(value)) for (const v of value) references(v, found);
  else if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    if (typeof record.reference === "string") found.push({ reference: record.reference, type: record.type });
    for (const v of Object.values(record)) references(v, found);
  }
  return found;
}

const flatSections = (sections: CompositionSection[]): CompositionSection[] => sections.flatMap((s) => [s, ...flatSections(s.section ?? [])]);

describe("the export's FHIR R4 bundle", () => {
  it("validates against FHIR R4 with the fhir package: no errors, no warnings but unknown codes where any code is allowed", () => {
    const { valid, problems, warnings } = validate(buildFhirBundle(moniqueInput(), t));
    expect(problems).toEqual([]);
    expect(warnings).toEqual([]);
    expect(valid).toBe(true);
  });

  it("is caught by the validator when it is wrong (the check is real)", () => {
    const bundle = roundTrip(buildFhirBundle(moniqueInput(), t));
    const consent = resources(bundle, "Consent")[0] as unknown as Record<string, unknown>;
    delete consent.scope;
    consent.status = "withdrawn";
    const { valid, problems } = validate(bundle);
    expect(valid).toBe(false);
    expect(problems.map((p) => p.location)).toEqual(expect.arrayContaining(["Consent.scope", "Consent.status"]));
  });

  it("is a document: the Composition first, an identifier, a timestamp; every reference resolves to an entry of the claimed type", () => {
    const bundle = buildFhirBundle(moniqueInput(), t);
    expect(bundle.type).toBe("document");
    expect(bundle.timestamp).toBe(now);
    expect(bundle.identifier.value).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(bundle.entry[0]?.resource.resourceType).toBe("Composition");
    const urls = bundle.entry.map((e) => e.fullUrl);
    for (const url of urls) expect(url).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(urls).size).toBe(urls.length);
    const byUrl = new Map(bundle.entry.map((e) => [e.fullUrl, e.resource]));
    const refs = references(bundle.entry.map((e) => e.resource));
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) {
      expect(byUrl.has(ref.reference), ref.reference).toBe(true);
      expect(byUrl.get(ref.reference)?.resourceType).toBe(ref.type);
    }
    // Nothing is left hanging: every entry but the Composition is referred to.
    const referred = new Set(refs.map((r) => r.reference));
    for (const url of urls.slice(1)) expect(referred.has(url), url).toBe(true);
  });

  it("has a Patient with the alias and the birth year only: no identifier, no other name", () => {
    const bundle = buildFhirBundle(moniqueInput(), t);
    const patients = resources(bundle, "Patient");
    expect(patients).toHaveLength(1);
    const patient = patients[0] as Patient;
    expect(patient).toEqual({ resourceType: "Patient", name: [{ use: "usual", text: "Monique", given: ["Monique"] }], birthDate: "1979" });
    expect(patient).not.toHaveProperty("identifier");
    // Nor anywhere else: the client's record id does not leave Naast.
    const json = JSON.stringify(bundle);
    expect(json).not.toContain('"identifier":[');
    expect(json).not.toContain(`"${client.id}"`);
  });

  it("has a Goal per life domain with the goal, the ZRM scores and how they moved", () => {
    const bundle = buildFhirBundle(moniqueInput(), t);
    const goals = resources(bundle, "Goal");
    const byDomain = new Map(goals.map((g) => [g.category[0]?.coding?.[0]?.code, g]));
    expect([...byDomain.keys()]).toEqual(["finances", "housing", "addiction"]);
    const finances = byDomain.get("finances") as Goal;
    expect(finances.category[0]?.coding?.[0]).toEqual({ system: naastCategorySystem, code: "finances", display: "Financiën" });
    expect(finances.description.text).toBe("Beschermingsbewind en een stabiele uitkering.");
    expect(finances.lifecycleStatus).toBe("active");
    expect(finances.achievementStatus?.coding?.[0]?.code).toBe("improving");
    expect(finances.note?.map((n) => n.text)).toEqual(
      expect.arrayContaining(["ZRM-score 1 van 5, beoordeeld op 6 november 2023", "ZRM-score 2 van 5, beoordeeld op 26 februari 2024"]),
    );
    expect(byDomain.get("housing")?.achievementStatus?.coding?.[0]?.code).toBe("no-change");
    expect(byDomain.get("addiction")?.achievementStatus?.coding?.[0]?.code).toBe("in-progress");
  });

  it("has a CarePlan whose activities are the agreements: owner, due date, carried over or closed", () => {
    const bundle = buildFhirBundle(moniqueInput(), t);
    const [plan] = resources(bundle, "CarePlan") as [CarePlan];
    expect(plan).toMatchObject({ status: "active", intent: "plan", title: "Persoonsgericht plan" });
    expect(plan.goal).toHaveLength(3);
    const activities = plan.activity ?? [];
    // a4 was closed before and is not part of the handover: it stays behind.
    expect(activities.map((a) => a.detail.description)).toEqual([
      "Nieuwe identiteitskaart aanvragen",
      "Intake bij de verslavingszorg in Arnhem regelen",
      "Aanvraag beschermingsbewind indienen bij de rechtbank",
    ]);
    const [id, intake, bewind] = activities;
    expect(id?.detail.status).toBe("completed");
    expect(bewind?.detail).toMatchObject({ status: "scheduled", scheduledPeriod: { end: "2024-03-20" } });
    expect(bewind?.detail.performer?.[0]).toEqual({ display: "Sanne de Boer (LDH)" });
    expect(bewind?.detail.performer?.[1]).toMatchObject({ type: "Organization", display: "Leger des Heils" });
    expect(bewind?.progress?.[0]?.text).toBe("loopt door bij Sanne de Boer (LDH)");
    expect(intake?.detail.performer?.[1]).toMatchObject({ display: "Iriszorg" });
    const goalOf = (ref: string | undefined) => bundle.entry.find((e) => e.fullUrl === ref)?.resource as Goal | undefined;
    expect(goalOf(bewind?.detail.goal?.[0]?.reference)?.category[0]?.coding?.[0]?.code).toBe("finances");
  });

  it("has a Consent per recorded consent, its status from the derived state, with scope, category, actors, period and data", () => {
    const bundle = buildFhirBundle(moniqueInput(), t);
    const consents = resources(bundle, "Consent");
    expect(consents.map((c) => c.status)).toEqual(["active", "inactive", "rejected"]);
    const [ldh] = consents as [Consent];
    expect(ldh.scope.coding?.[0]).toMatchObject({ system: "http://terminology.hl7.org/CodeSystem/consentscope", code: "patient-privacy" });
    expect(ldh.category[0]?.coding?.[0]).toMatchObject({ system: "http://loinc.org", code: "59284-0" });
    expect(ldh.provision.period).toEqual({ start: consentEvents[0]?.type === "recorded" ? consentEvents[0].validFrom : "", end: "2025-01-03T09:00:00.000Z" });
    const organisations = new Map(bundle.entry.map((e) => [e.fullUrl, e.resource]));
    const actor = ldh.provision.actor?.[0]?.reference.reference;
    expect((organisations.get(actor ?? "") as Organization).name).toBe("Leger des Heils");
    expect(ldh.provision.code?.map((c) => c.coding?.[0]?.code)).toContain("handovers");
    // Monique took her addiction care back from LDH: a deny inside the permit, from that day.
    expect(ldh.provision.provision).toEqual([
      expect.objectContaining({ type: "deny", period: { start: "2024-03-01T09:00:00.000Z" }, code: [expect.objectContaining({ text: "Middelengebruik" })] }),
    ]);
    expect(ldh.category[0]?.text).toContain("Ingetrokken op 1 maart 2024 voor Leger des Heils: Middelengebruik.");
  });

  it("has a Dutch Composition 'Overdracht' with a section per life domain, risks, what works, network, agreements and consent", () => {
    const bundle = buildFhirBundle(moniqueInput(), t);
    const composition = bundle.entry[0]?.resource as Composition;
    expect(composition).toMatchObject({ language: "nl", status: "final", title: "Overdracht: Monique, geboren in 1979" });
    expect(composition.type.coding?.[0]).toMatchObject({ system: "http://loinc.org", code: "18761-7" });
    expect(composition.section.map((s) => s.title)).toEqual([
      "Overdracht",
      "Situatie per leefgebied",
      "Risico's",
      "Wat werkt bij deze cliënt",
      "Netwerk",
      "Afspraken",
      "Toestemming",
      "Verder nog",
    ]);
    const all = flatSections(composition.section);
    const text = (title: string) => all.find((s) => s.title.startsWith(title))?.text?.div ?? "";
    expect(text("Overdracht")).toContain("Aan: Gemeente Arnhem, team Bijzondere Doelgroepen");
    expect(text("Financiën (ZRM 2 van 5)")).toContain("Situatie: Schulden ongeveer € 14.000");
    expect(text("Huisvesting")).toContain("Doel: Een eigen kamer via Beschermd Wonen in Arnhem.");
    expect(text("Risico's")).toContain("Ex-partner zoekt haar op.");
    expect(text("Netwerk")).toContain("Huisarts Molenaar — huisarts — 024 123 4567");
    expect(text("Afspraken")).toContain("Aanvraag beschermingsbewind indienen bij de rechtbank — Eigenaar: Sanne de Boer (LDH); uiterlijk 20 maart 2024");
    for (const section of all)
      expect(section.text?.div ?? '<div xmlns="http://www.w3.org/1999/xhtml">').toMatch(/^<div xmlns="http:\/\/www.w3.org\/1999\/xhtml">/);
  });

  it("leaves out every category the exporting user may not read", () => {
    // Sanne (LDH) exports: Monique took her addiction care back from LDH.
    const sanne = { id: "sanne", name: "Sanne de Boer", organisationId: "ldh", role: "casemanager" as const };
    const accessible = readableCategories(sanne, client, consentEvents, now);
    expect(accessible.has("addiction")).toBe(false);
    expect(accessible.has("housing")).toBe(true);
    const bundle = buildFhirBundle(moniqueInput({ accessible, exportedBy: sanne }), t);
    expect(validate(bundle).problems).toEqual([]);
    const goals = resources(bundle, "Goal").map((g) => g.category[0]?.coding?.[0]?.code);
    expect(goals).toEqual(["finances", "housing"]);
    const json = JSON.stringify(bundle);
    expect(json).not.toContain("crack");
    expect(json).not.toContain("methadon");
    expect(json).not.toContain("Stabiel op methadon");

    // Without agreements: no activities, no agreement text anywhere.
    const without = buildFhirBundle(moniqueInput({ accessible: everythingBut("agreements") }), t);
    expect(resources(without, "CarePlan")[0]?.activity).toBeUndefined();
    expect(JSON.stringify(without)).not.toContain("beschermingsbewind indienen");
    expect(validate(without).valid).toBe(true);

    // Without handovers: no risks, what works, network or free text.
    const noHandover = JSON.stringify(buildFhirBundle(moniqueInput({ accessible: everythingBut("handovers") }), t));
    expect(noHandover).not.toContain("Ex-partner");
    expect(noHandover).not.toContain("Huisarts Molenaar");
    expect(noHandover).not.toContain("nieuwe casemanager");
  });

  it("computes what a user may read by the same rule as the server", () => {
    const ruud = { id: "ruud", name: "Ruud Janssen", organisationId: "gemeente", role: "procesregisseur" as const };
    const accessible = readableCategories(ruud, client, consentEvents, now);
    for (const category of dataCategories) expect(accessible.has(category)).toBe(canAccess(ruud, client, category, consentEvents, now).allowed);
    // The municipality's consent was withdrawn and the earlier one expired: nothing.
    expect(accessible.size).toBe(0);
  });

  it("keeps control characters out of FHIR strings and XHTML, and escapes markup", () => {
    const odd = { ...handover, risks: 'Belt \u0007 soms <script>alert(1)</script> & "zo"\u0000', text: "Verder\tniets\u001b" };
    const bundle = buildFhirBundle(moniqueInput({ handover: odd }), t);
    expect(validate(bundle)).toMatchObject({ valid: true, problems: [], warnings: [] });
    const json = JSON.stringify(bundle);
    expect(json).not.toMatch(/\\u00[01][0-9a-f]/);
    expect(json).not.toContain("<script>");
    const composition = bundle.entry[0]?.resource as Composition;
    expect(composition.section.find((s) => s.title === "Risico's")?.text?.div).toBe(
      '<div xmlns="http://www.w3.org/1999/xhtml"><p>Belt  soms &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;zo&quot;</p></div>',
    );
  });

  it("still validates for a client with nothing in it but her alias", () => {
    const bundle = buildFhirBundle(moniqueInput({ handover: null, planDomains: [], zrmScores: [], agreements: [], consentEvents: [] }), t);
    expect(validate(bundle)).toMatchObject({ valid: true, problems: [], warnings: [] });
    expect(resources(bundle, "Organization").map((o) => o.name)).toEqual(["Iriszorg"]);
    expect(resources(bundle, "Patient")).toHaveLength(1);
    expect(resources(bundle, "Goal")).toEqual([]);
    expect(resources(bundle, "Consent")).toEqual([]);
  });
});
