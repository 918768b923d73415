import { randomUUID } from "node:crypto";
import { type DemoClient, demoClients, onsPortalName } from "@naast/demo";
import { type DataCategory, dataCategories, isZrmDomain, type MutationArgs, type MutatorName, type Person, planCategories, refusalLine } from "@naast/shared";
import { Clock } from "../clock.ts";
import { RecordTransaction } from "../db/record-store.ts";
import { savePortalAdapter } from "../directory/adapters.ts";
import { createOrganisation, createUser } from "../directory/admin.ts";
import type { Services } from "../services.ts";
import { applyPush, validatePush } from "../sync/push.ts";
import { type DemoOrganisationId, demoCaseManagerOf, demoOrganisations, demoPassword, demoPeople } from "./people.ts";
import { demoPlans } from "./plans.ts";

export interface DemoPortalUrls {
  ggd: string;
  iriszorg: string;
  ldh: string;
  /** The fourth portal (Iriszorg's "Ons", another origin: read after the user's grant), when it runs. */
  ons?: string;
}

/** The fourth portal's adapter, as the seed saves it and an admin would with `pnpm cli adapter add`. */
export const onsAdapter = (baseUrl: string) => ({
  id: "adapter-iriszorg-ons",
  organisationId: "org-iriszorg",
  displayName: onsPortalName,
  matchPattern: `${baseUrl}/*`,
  clientId: { kind: "text" as const, pattern: "Cliëntnummer:\\s*(\\S+)", selector: null },
});

const orgId = (key: DemoClient["owner"]): DemoOrganisationId => `org-${key}`;

/**
 * The demo's days, counted from the server's clock when the seed starts (not the wall clock): a
 * server whose clock a test moved ahead gets a demo whose consent ends in ten days, whose Jolanda
 * was last seen three weeks ago and whose afspraken are overdue by *its* now.
 */
class DemoCalendar {
  readonly #start: number;
  constructor(clock: Clock) {
    this.#start = clock.now().getTime();
  }
  /** The instant this many days from the seed's start. */
  daysFromNow(days: number): string {
    return new Date(this.#start + days * 86_400_000).toISOString();
  }
  /** The calendar day (YYYY-MM-DD) this many days from the seed's start. */
  day(offsetDays: number): string {
    return this.daysFromNow(offsetDays).slice(0, 10);
  }
  get year(): number {
    return new Date(this.#start).getUTCFullYear();
  }
}

/** Who shared what in the demo (days from today): some clients share everything, some a part, one withdrew, one expired. */
const demoConsents: Record<string, { to: DemoOrganisationId[]; categories: readonly DataCategory[]; from: number; until: number; withdrawnBy?: string }> = {
  anouk: { to: ["org-ldh", "org-ggd"], categories: dataCategories, from: -30, until: 335 },
  sandra: { to: ["org-iriszorg"], categories: ["housing", "finances", "addiction", "agreements", "notes"], from: -60, until: 305 },
  priscilla: { to: ["org-ggd"], categories: ["physical_health", "mental_health", "agreements", "notes"], from: 0, until: 365 },
  kim: { to: ["org-iriszorg"], categories: [...planCategories, "agreements"], from: -90, until: 275, withdrawnBy: "u-lotte" },
  monique: { to: ["org-ldh"], categories: dataCategories, from: -395, until: -30 },
  // Ends in ten days: on LDH's Te doen (issue 13).
  chantal: { to: ["org-ggd", "org-iriszorg"], categories: dataCategories, from: -345, until: 10 },
};

/** The server's clock held at a moment in the demo's past, for the writes that tell a story over time. */
class ClockAt extends Clock {
  constructor(private readonly at: string) {
    super();
  }
  override now(): Date {
    return new Date(this.at);
  }
}

/** Clients whose last contact was this many days ago (their notes are dated then). */
const lastSeenDaysAgo: Record<string, number> = { jolanda: 21 };

class DemoSession {
  readonly #clientGroupId = `seed-${randomUUID()}`;
  constructor(
    private readonly services: Services,
    readonly person: Person,
  ) {}

  /** Applies a change as this person; at `at` (in the past) when given, so the history reads in order. */
  async do<N extends MutatorName>(name: N, args: MutationArgs<N>, at?: string) {
    const mutations = validatePush([{ id: randomUUID(), name, args }]);
    const services = at ? { ...this.services, clock: new ClockAt(at) } : this.services;
    const [result] = await applyPush(services, { user: this.person, clientGroupId: this.#clientGroupId, accessPoint: "cli", mutations });
    if (result?.status !== "applied")
      throw new Error(`demo seed: ${name} was rejected: ${result?.status === "rejected" ? refusalLine(result.refusal) : "no answer"}`);
  }
}

/**
 * Fills an empty database with the demo: four organisations, a few colleagues per role, the
 * demo portal adapters (three, four with the Ons portal) and nine invented clients (one, closed, in Naast only), all written by the app's own mutators.
 */
export async function seedDemo(services: Services, portals: DemoPortalUrls): Promise<void> {
  const calendar = new DemoCalendar(services.clock);
  const day = (offset: number) => calendar.day(offset);
  const daysFromNow = (days: number) => calendar.daysFromNow(days);
  for (const { key: _key, ...organisation } of demoOrganisations) await createOrganisation(services, organisation);
  const people = new Map<string, DemoSession>();
  for (const person of demoPeople) {
    const created = await createUser(services, { ...person, password: demoPassword });
    people.set(person.id, new DemoSession(services, created));
  }
  const as = (userId: string) => {
    const session = people.get(userId);
    if (!session) throw new Error(`demo seed: no person ${userId}`);
    return session;
  };

  await savePortalAdapter(services, {
    id: "adapter-ggd",
    organisationId: "org-ggd",
    displayName: "GGD cliëntvolgsysteem (demo)",
    matchPattern: `${portals.ggd}/*`,
    clientId: { kind: "url", pattern: "/clienten/([^/?#]+)" },
  });
  await savePortalAdapter(services, {
    id: "adapter-iriszorg",
    organisationId: "org-iriszorg",
    displayName: "Iriszorg EPD (demo)",
    matchPattern: `${portals.iriszorg}/*`,
    clientId: { kind: "url", pattern: "[?&]patient=([^&#]+)" },
  });
  await savePortalAdapter(services, {
    id: "adapter-ldh",
    organisationId: "org-ldh",
    displayName: "Leger des Heils dossier (demo)",
    matchPattern: `${portals.ldh}/*`,
    clientId: { kind: "dom", selector: "#dossier[data-client-id]", attribute: "data-client-id" },
  });
  if (portals.ons) {
    // Like a real EPD: the dossier in a frame, the number only as visible text.
    await savePortalAdapter(services, onsAdapter(portals.ons));
  }

  for (const client of demoClients) {
    const owner = as(demoCaseManagerOf[client.owner]);
    const clientId = `client-${client.key}`;
    const consent = demoConsents[client.key];
    // She came into Naast a while ago, and her consent was recorded on the day it began: the
    // consent history then reads in order (not "recorded" today for a consent that already ended).
    const since = Math.min(consent?.from ?? 0, 0);
    await owner.do(
      "createClient",
      { id: clientId, alias: client.alias, birthYear: client.birthYear, epdClientId: client.epdIds[client.owner] ?? null },
      daysFromNow(since - 1),
    );
    const plan = demoPlans[client.key];
    for (const d of plan?.domains ?? []) {
      await owner.do("updatePlanDomain", { clientId, domain: d.domain, situation: d.situation, goal: d.goal });
      // Seksualiteit en sekswerk and veiligheid are plan domains the ZRM does not score.
      if (!isZrmDomain(d.domain)) continue;
      for (const [i, score] of d.scores.entries()) {
        await owner.do("recordZrmScore", { id: randomUUID(), clientId, domain: d.domain, score, assessedOn: day(-90 * (d.scores.length - 1 - i) - 3) });
      }
    }

    const consentId = `consent-${client.key}-1`;
    // Consent first: an agreement may be owned only by someone whose organisation may see it.
    if (consent)
      await owner.do(
        "recordConsent",
        {
          id: `${consentId}-recorded`,
          clientId,
          consentId,
          grantedTo: consent.to,
          categories: [...consent.categories],
          purpose: "stapteam-coordination",
          purposeNote: "",
          form: "written",
          validFrom: daysFromNow(consent.from),
          validUntil: daysFromNow(consent.until),
        },
        since < 0 ? daysFromNow(consent.from) : undefined,
      );
    for (const a of plan?.agreements ?? []) {
      await owner.do("addAgreement", { id: randomUUID(), clientId, domain: a.domain, text: a.text, ownerUserId: a.owner, dueDate: day(a.dueInDays) });
    }
    // Street contacts of the last weeks, a few days apart, newest first in the plan; Jolanda was
    // last seen three weeks ago ("geen contact" on Marieke's Te doen, issue 13).
    const lastSeen = lastSeenDaysAgo[client.key] ?? 2;
    for (const [i, note] of (plan?.notes ?? []).entries()) {
      const contact = typeof note === "string" ? { text: note, type: "street" as const } : note;
      await owner.do("addNote", {
        id: randomUUID(),
        clientId,
        text: contact.text,
        correctsNoteId: null,
        contactAt: daysFromNow(-lastSeen - 5 * i),
        contactType: contact.type,
        noShow: contact.noShow ?? false,
      });
    }
    if (!consent) continue;
    // Each organisation the client shares with links her to its own EPD record, while it may.
    for (const [orgKey, epdClientId] of Object.entries(client.epdIds)) {
      const organisationId = orgId(orgKey as DemoClient["owner"]);
      if (organisationId === orgId(client.owner) || !consent.to.includes(organisationId) || consent.until < 0) continue;
      await as(demoCaseManagerOf[orgKey as DemoClient["owner"]]).do("linkEpdRecord", { clientId, epdClientId });
    }
    if (consent.withdrawnBy) {
      await as(consent.withdrawnBy).do("withdrawConsent", {
        id: `${consentId}-withdrawn`,
        clientId,
        consentId,
        organisations: null,
        categories: null,
        reason: "Cliënt wil niet meer dat andere organisaties meekijken.",
      });
    }
  }
  await seedOpenHandover(services, as(demoCaseManagerOf.ldh));
  await seedMonitoring(services, calendar, as(demoCaseManagerOf.ggd), as("u-peter"));
  await seedFlexbudgetAndTimeout(calendar, as("u-ingrid"), as(demoCaseManagerOf.iriszorg));
  await seedEscalations(calendar, as(demoCaseManagerOf.iriszorg), as(demoCaseManagerOf.ldh), as("u-peter"));
  await seedClosedClient(calendar, as(demoCaseManagerOf.ldh));
}

/**
 * Issue 13, points 3, 4 and 6: Linda (Leger des Heils, in Naast only, shared with no one) moved to
 * her sister in Arnhem. Her history shows a ZRM score going up, contacts of several kinds with a
 * no-show among them, the afspraak cancelled with its reason, and she is closed ("verhuisd / andere
 * stad") ten days ago: Marieke finds her under Gesloten, where she can reopen her.
 */
async function seedClosedClient(calendar: DemoCalendar, marieke: DemoSession) {
  const clientId = "client-linda";
  const at = (days: number) => calendar.daysFromNow(days);
  await marieke.do("createClient", { id: clientId, alias: "Linda", birthYear: 1987, epdClientId: null }, at(-120));
  await marieke.do(
    "updatePlanDomain",
    {
      clientId,
      domain: "housing",
      situation: "Sliep in de nachtopvang; kan bij haar zus in Arnhem wonen.",
      goal: "Een vaste woonplek, met hulp dichtbij.",
    },
    at(-120),
  );
  await marieke.do("recordZrmScore", { id: randomUUID(), clientId, domain: "housing", score: 1, assessedOn: calendar.day(-118) }, at(-118));
  await marieke.do("recordZrmScore", { id: randomUUID(), clientId, domain: "housing", score: 3, assessedOn: calendar.day(-14) }, at(-14));
  const agreementId = "agreement-linda-woningzoekende";
  await marieke.do(
    "addAgreement",
    {
      id: agreementId,
      clientId,
      domain: "housing",
      text: "Linda inschrijven als woningzoekende in Nijmegen",
      ownerUserId: "u-marieke",
      dueDate: calendar.day(-20),
    },
    at(-60),
  );
  const contact = (days: number, contactType: "drop_in" | "phone", text: string, noShow = false) =>
    marieke.do("addNote", { id: randomUUID(), clientId, text, correctsNoteId: null, contactAt: at(days), contactType, noShow }, at(days));
  await contact(-40, "drop_in", "Linda vertelt op de inloop dat ze misschien bij haar zus in Arnhem kan wonen.");
  await contact(-25, "drop_in", "Niet gekomen op het spreekuur; telefonisch niet bereikbaar.", true);
  await contact(-14, "phone", "Linda belt vanuit Arnhem: ze woont bij haar zus en heeft daar een eigen hulpverlener.");
  await marieke.do(
    "setAgreementStatus",
    { clientId, agreementId, status: "cancelled", reason: "Linda woont nu in Arnhem; de hulp daar neemt het over." },
    at(-12),
  );
  await marieke.do("setClientStatus", { clientId, status: "closed", reason: "moved" }, at(-10));
}

/**
 * Issue 14: one open opschaling (Anouk's housing, waiting for the procesregisseur) and one she
 * answered (Sandra's debts, teruggelegd with an afspraak for Marieke); both on the ZVH covenant,
 * since neither gave the Gemeente consent.
 */
async function seedEscalations(calendar: DemoCalendar, fatima: DemoSession, marieke: DemoSession, peter: DemoSession) {
  const day = (offset: number) => calendar.day(offset);
  const daysFromNow = (days: number) => calendar.daysFromNow(days);
  const base = { municipalityOrganisationId: "org-gemeente", basis: "covenant" as const, fromAgreementId: null };
  await fatima.do(
    "escalate",
    {
      ...base,
      id: "escalation-anouk",
      clientId: "client-anouk",
      domain: "housing",
      problem: "Geen passende woonplek",
      tried: "Drie keer aangemeld bij de nachtopvang; Skaeve Huse heeft een wachtlijst van een jaar.",
      question: "Kan de gemeente een tijdelijke plek regelen tot Skaeve Huse vrij is?",
      urgency: "high",
      covenantReason: "Acute dakloosheid en onveilig op straat; Anouk wil de toestemming nog niet tekenen.",
    },
    daysFromNow(-4),
  );
  await marieke.do(
    "escalate",
    {
      ...base,
      id: "escalation-sandra",
      clientId: "client-sandra",
      domain: "finances",
      problem: "Schuldhulp stopt steeds",
      tried: "Twee keer aangemeld bij de Kredietbank; beide keren afgewezen omdat ze geen vast adres heeft.",
      question: "Kan de gemeente een uitzondering maken op het adresvereiste?",
      urgency: "normal",
      covenantReason: "Schulden lopen op en houden haar op straat; casus valt onder het ZVH-convenant.",
    },
    daysFromNow(-20),
  );
  await peter.do("takeUpEscalation", { clientId: "client-sandra", escalationId: "escalation-sandra" }, daysFromNow(-18));
  await peter.do(
    "answerEscalation",
    {
      clientId: "client-sandra",
      escalationId: "escalation-sandra",
      outcome: "returned",
      answer: "Postadres bij het Leger des Heils is voldoende; de Kredietbank is geïnformeerd. Meld haar opnieuw aan.",
      decisions: [
        { text: "Sandra opnieuw aanmelden bij de Kredietbank met postadres", agreementId: "escalation-sandra-a1", ownerUserId: "u-marieke", dueDate: day(7) },
      ],
    },
    daysFromNow(-12),
  );
}

/**
 * Issue 15: Iriszorg holds the flexbudget (€1,000 in 2024, as the Stapteam agreed, and the same this
 * year so the panel has a year to show) and runs the time-out at €139.27 a day; a few expenses
 * for Anouk and Priscilla, and two stays in 2024, one still ongoing.
 */
async function seedFlexbudgetAndTimeout(calendar: DemoCalendar, ingrid: DemoSession, fatima: DemoSession) {
  const thisYear = calendar.year;
  for (const year of [...new Set([2024, thisYear])]) {
    await ingrid.do("setFlexbudget", {
      year,
      holderOrganisationId: "org-iriszorg",
      amountCents: 100_000,
      periodStart: `${year}-01-01`,
      periodEnd: `${year}-12-31`,
    });
    await ingrid.do("setTimeoutSettings", { year, holderOrganisationId: "org-iriszorg", dayRateCents: 13_927, trajectoriesPerYear: 6 });
  }
  const expense = (clientId: string, day: string, amountCents: number, purpose: "clothing" | "food" | "shelter" | "transport", description: string) =>
    fatima.do("recordFlexExpense", { id: randomUUID(), clientId, day, amountCents, purpose, description, receiptReference: "", askApprovalOverBudget: false });
  await expense("client-anouk", "2024-02-12", 4_995, "clothing", "Winterjas");
  await expense("client-anouk", "2024-03-04", 3_450, "shelter", "Slaapzak");
  await expense("client-priscilla", "2024-04-18", 1_280, "transport", "OV-dagkaarten naar de huisarts");
  await expense("client-anouk", `${thisYear}-01-15`, 2_250, "food", "Boodschappen voor het weekend");
  const stay = async (clientId: string, id: string, start: string, end: string, ended: boolean) => {
    await fatima.do("requestTimeoutStay", { id, clientId, reason: "Even weg van de zone om tot rust te komen", proposedStart: start, proposedEnd: end });
    await ingrid.do("decideTimeoutStay", { id: `${id}-decided`, clientId, stayId: id, approved: true, note: "" });
    await fatima.do("startTimeoutStay", { id: `${id}-started`, clientId, stayId: id, day: start, location: "Iriszorg time-outplek" });
    if (ended) await fatima.do("endTimeoutStay", { id: `${id}-ended`, clientId, stayId: id, day: end });
  };
  await stay("client-anouk", "stay-anouk-2024", "2024-05-06", "2024-05-16", true);
  await stay("client-priscilla", "stay-priscilla-2024", "2024-11-25", "2024-12-06", false);
}

/**
 * One warm handover waits in the demo: Marieke (LDH) hands Chantal over to Ruben (Iriszorg),
 * whom her consent covers for handovers. It is addressed to Ruben, not to Fatima, so a demo or
 * test that has Fatima receive a handover of her own counts only that one.
 */
async function seedOpenHandover(services: Services, marieke: DemoSession) {
  const clientId = "client-chantal";
  const plan = demoPlans.chantal;
  const open = (await new RecordTransaction(services.db).listByClient("agreements", clientId)).filter((a) => a.status === "open");
  await marieke.do("startHandover", {
    id: "handover-chantal-1",
    clientId,
    kind: "organisation",
    toUserId: "u-ruben",
    toOrganisationId: "org-iriszorg",
    toExternal: null,
    domains: (plan?.domains ?? []).map((d) => ({ domain: d.domain, score: d.scores.at(-1) ?? null, situation: d.situation })),
    risks: "Het tijdelijke huurcontract loopt af; zonder nieuwe woonplek dreigt terugval in gebruik.",
    whatWorks: "Persoonlijke aandacht en een vaste afspraak op maandag. Chantal wil zelf meebeslissen over de afbouw van methadon.",
    network: [
      { name: "Verslavingsarts methadonprogramma", role: "medicatie en afbouw", reachableAt: "via de methadonpost, ma–vr 9–12 uur" },
      { name: "Zus (Jessica)", role: "steunfiguur", reachableAt: "via Chantal" },
    ],
    // LDH's own agreements go to Ruben; the GGD keeps its own, which her consent lets it keep up.
    agreements: open.map((a) => ({
      agreementId: a.id,
      action: "carry" as const,
      newOwnerUserId: a.ownerOrganisationId === "org-ldh" ? "u-ruben" : a.ownerUserId,
    })),
    text: "Chantal verhuist naar Nijmegen-Oost; Iriszorg neemt de begeleiding over, dichter bij het methadonprogramma.",
    // Iriszorg may see her whole plan, so the note may stay general.
    sectionDomains: { risks: "housing", whatWorks: "addiction", text: null },
    correctsHandoverId: null,
  });
}

/**
 * Issue 13: Esther (GGD) is in monitoring with the procesregisseur: she consented to share her
 * handovers with the Gemeente, Lotte handed her over, and Peter accepted; he finds her under
 * Monitoring in Cliënten.
 */
async function seedMonitoring(services: Services, calendar: DemoCalendar, lotte: DemoSession, peter: DemoSession) {
  const daysFromNow = (days: number) => calendar.daysFromNow(days);
  const clientId = "client-esther";
  await lotte.do("recordConsent", {
    id: "consent-esther-gemeente-recorded",
    clientId,
    consentId: "consent-esther-gemeente",
    grantedTo: ["org-gemeente"],
    categories: ["handovers", "agreements", "notes", "physical_health"],
    purpose: "stapteam-coordination",
    purposeNote: "Monitoring door de procesregisseur",
    form: "written",
    validFrom: daysFromNow(-1),
    validUntil: daysFromNow(364),
  });
  await lotte.do("startHandover", {
    id: "handover-esther-monitoring",
    clientId,
    kind: "monitoring",
    toUserId: "u-peter",
    toOrganisationId: "org-gemeente",
    toExternal: null,
    domains: [],
    risks: "Raakt uit beeld als het spreekuur op dinsdag niet doorgaat.",
    whatWorks: "Vaste dag, korte lijnen via het spreekuur.",
    network: [],
    // The longarts was seen before the handover: Lotte closes her afspraak with it.
    agreements: (await new RecordTransaction(services.db).listByClient("agreements", clientId))
      .filter((a) => a.status === "open")
      .map((a) => ({ agreementId: a.id, action: "done" as const })),
    text: "Stabiel; de procesregisseur houdt haar in beeld.",
    sectionDomains: { risks: "physical_health", whatWorks: "physical_health", text: "physical_health" },
    correctsHandoverId: null,
  });
  await peter.do("acknowledgeHandover", { id: "handover-esther-monitoring-ack", clientId, handoverId: "handover-esther-monitoring" });
}

export const demoLogins = () => demoPeople.map((p) => ({ email: p.email, role: p.role, organisation: p.organisationId, password: demoPassword }));
