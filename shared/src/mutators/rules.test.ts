import { describe, expect, it } from "vitest";
import { acting, day, type PersonName } from "../testing/fixtures.ts";
import type { MemoryStore } from "../testing/memory-store.ts";
import { consentArgs, expectRejected, shareWithLdh, stapteam, validArgs } from "../testing/stapteam.ts";
import type { Mutator } from "./define.ts";
import { type MutatorName, mutators } from "./registry.ts";

const names = Object.keys(mutators) as MutatorName[];
/** An organisation's own settings (its flexbudget, its time-out day rate): no client data, its admin may set them. */
const organisationSettings: MutatorName[] = ["setFlexbudget", "closeFlexbudgetYear", "setTimeoutSettings", "setOverviewSettings"];

/** Any mutator by name, with its valid example args unless others are given. */
function run(store: MemoryStore, name: MutatorName, who: PersonName, args: unknown = validArgs[name], now = day(1)) {
  const mutator: Mutator = mutators[name];
  return store.run(mutator, args, acting(who, now));
}

/** Anna shares everything but mental health with LDH; Fatima wrote note n1 and agreement a1. */
async function annaShared(options: { transactional?: boolean } = {}) {
  const store = await stapteam(options);
  await store.run(mutators.recordConsent, consentArgs({ categories: ["housing", "notes", "agreements", "addiction"] }), acting("fatima"));
  await run(store, "addNote", "fatima");
  await run(store, "addAgreement", "fatima");
  return store;
}

describe("who may do what", () => {
  it("every mutator travels under its own name", () => {
    for (const name of names) expect(mutators[name].name).toBe(name);
  });

  it("an ervaringsdeskundige adds contact notes, but no agreements, scores, plan text or consents", async () => {
    const store = await annaShared();
    await run(store, "addNote", "mirjam", { ...validArgs.addNote, id: "n-mirjam" });
    expect(store.get("notes", "n-mirjam")).toMatchObject({ authorUserId: "mirjam", authorOrganisationId: "ldh" });
    for (const name of ["addAgreement", "setAgreementStatus", "recordZrmScore", "updatePlanDomain", "recordConsent", "withdrawConsent"] as const) {
      await expectRejected(run(store, name, "mirjam"), "forbidden", "access.role", { role: "ervaringsdeskundige" });
    }
  });

  it("the procesregisseur adds a note only where Anna shared her notes with the municipality", async () => {
    const store = await annaShared();
    await expectRejected(run(store, "addNote", "ruud", { ...validArgs.addNote, id: "n-ruud" }), "forbidden", "access.no-consent");
    await store.run(mutators.recordConsent, consentArgs({ consentId: "c2", grantedTo: ["gemeente"], categories: ["notes"] }), acting("fatima"));
    await run(store, "addNote", "ruud", { ...validArgs.addNote, id: "n-ruud" });
    await expectRejected(run(store, "addAgreement", "ruud", { ...validArgs.addAgreement, id: "a-ruud" }), "forbidden");
  });

  it("policy officers and admins change nothing, not even of a client their own organisation holds", async () => {
    const store = await annaShared();
    const before = store.snapshot();
    for (const name of names) {
      await expectRejected(run(store, name, "petra"), "forbidden", "access.role", { role: "policy" });
      if (!organisationSettings.includes(name)) await expectRejected(run(store, name, "anouk"), "forbidden", "access.role", { role: "admin" });
    }
    expect(store.snapshot()).toBe(before);
  });

  it("the coordinator of the holding organisation may do everything a case manager may", async () => {
    const store = await stapteam();
    await shareWithLdh(store, ["housing"]);
    // A handover is acknowledged or declined, never both: the decline gets a handover of its own.
    // Ending read-only access needs a former holder (shared/src/handover/end-read-only.test.ts).
    // An over-budget approval needs an expense over budget (shared/src/flexbudget/mutators.test.ts).
    // The procesregisseur's own steps of an escalation, her priority list, and reading her answer, are in shared/src/escalation/ (mutators.test.ts, priority.test.ts).
    const skipped: MutatorName[] = [
      "declineHandover",
      "endReadOnlyAccess",
      "decideOverBudgetExpense",
      "takeUpEscalation",
      "recordEscalationDiscussed",
      "answerEscalation",
      "markEscalationAnswerRead",
      "setEscalationSettings",
      "markPriority",
      "removePriority",
    ];
    for (const name of names.filter((n) => !skipped.includes(n))) await run(store, name, "joost", validArgs[name], day(2));
    await run(store, "startHandover", "joost", { ...validArgs.startHandover, id: "h2" }, day(3));
    await run(store, "declineHandover", "joost", { ...validArgs.declineHandover, handoverId: "h2" }, day(3));
    expect(store.get("clients", "anna")).toMatchObject({ ownerOrganisationId: "iriszorg", responsibleUserId: "joost" });
    expect(store.get("clients", "bo")?.ownerOrganisationId).toBe("iriszorg");
    expect(store.all("handoverEvents").map((e) => e.type)).toEqual(["message", "acknowledged", "declined"]);
    expect(store.get("handoverExports", "x1")).toMatchObject({ exportedBy: "joost" });
  });

  it("an admin sets her own organisation's flexbudget and day rate, and nobody sets another organisation's", async () => {
    const store = await stapteam();
    for (const name of organisationSettings.filter((n) => n !== "closeFlexbudgetYear")) await run(store, name, "anouk");
    expect(store.get("flexbudgets", "flexbudget:2024")).toMatchObject({ holderOrganisationId: "iriszorg", amountCents: 100_000, setBy: "anouk" });
    for (const name of organisationSettings) await expectRejected(run(store, name, "sanne"), "forbidden", "access.role");
    const before = store.snapshot();
    await expectRejected(
      run(store, "setFlexbudget", "joost", { ...validArgs.setFlexbudget, holderOrganisationId: "ldh" }),
      "forbidden",
      "access.own-organisation-only",
    );
    expect(store.snapshot()).toBe(before);
  });

  it("the coordinator sets the client's status", async () => {
    const store = await stapteam();
    await run(store, "setClientStatus", "joost", validArgs.setClientStatus, day(2));
    expect(store.get("clients", "anna")?.status).toBe("monitoring");
  });
});

/** Rejections from a store where Anna shares with LDH; each must leave the store as it was. */
const rejections: { story: string; attempt: (store: MemoryStore) => Promise<unknown> }[] = [
  { story: "creating Anna twice", attempt: (s) => run(s, "createClient", "fatima", { ...validArgs.createClient, id: "anna" }) },
  {
    story: "creating Bo from Anna's EPD id",
    attempt: (s) => run(s, "createClient", "fatima", { ...validArgs.createClient, epdClientId: "IZ-10442" }),
  },
  { story: "GGD linking its EPD id without consent", attempt: (s) => run(s, "linkEpdRecord", "kees") },
  { story: "LDH closing Anna's trajectory", attempt: (s) => run(s, "setClientStatus", "sanne") },
  { story: "a consent that ends as it starts", attempt: (s) => run(s, "recordConsent", "fatima", consentArgs({ consentId: "c2", validUntil: day(0) })) },
  { story: "a consent for 25 months", attempt: (s) => run(s, "recordConsent", "fatima", consentArgs({ consentId: "c2", validUntil: day(760) })) },
  { story: "a consent for an unknown organisation", attempt: (s) => run(s, "recordConsent", "fatima", consentArgs({ consentId: "c2", grantedTo: ["ribw"] })) },
  { story: "the same consent again", attempt: (s) => run(s, "recordConsent", "fatima", consentArgs()) },
  { story: "withdrawing a consent never given", attempt: (s) => run(s, "withdrawConsent", "fatima", { ...validArgs.withdrawConsent, consentId: "c7" }) },
  { story: "LDH scoring mental health", attempt: (s) => run(s, "recordZrmScore", "sanne", { ...validArgs.recordZrmScore, domain: "mental_health" }) },
  { story: "LDH writing about mental health", attempt: (s) => run(s, "updatePlanDomain", "sanne", { ...validArgs.updatePlanDomain, domain: "mental_health" }) },
  {
    story: "an agreement owned by Henk, who left",
    attempt: (s) => run(s, "addAgreement", "sanne", { ...validArgs.addAgreement, id: "a2", ownerUserId: "henk" }),
  },
  {
    story: "the status of an unknown agreement",
    attempt: (s) => run(s, "setAgreementStatus", "sanne", { ...validArgs.setAgreementStatus, agreementId: "a9" }),
  },
  { story: "overwriting note n1", attempt: (s) => run(s, "addNote", "sanne", { ...validArgs.addNote, text: "Anders" }) },
  { story: "correcting a note that does not exist", attempt: (s) => run(s, "addNote", "sanne", { ...validArgs.addNote, id: "n2", correctsNoteId: "n0" }) },
  { story: "a policy officer adding a note", attempt: (s) => run(s, "addNote", "petra", { ...validArgs.addNote, id: "n2" }) },
  {
    story: "a handover to LDH, whom Anna's consent does not cover for handovers",
    attempt: (s) =>
      run(s, "startHandover", "fatima", {
        ...validArgs.startHandover,
        toOrganisationId: "ldh",
        agreements: [{ agreementId: "a1", action: "carry", newOwnerUserId: "sanne" }],
      }),
  },
  {
    story: "a closure that forgets agreement a1",
    attempt: (s) => run(s, "startHandover", "fatima", { ...validArgs.startHandover, kind: "closure", toOrganisationId: null }),
  },
  { story: "acknowledging a handover that was never written", attempt: (s) => run(s, "acknowledgeHandover", "sanne") },
  { story: "exporting a handover that was never written", attempt: (s) => run(s, "recordHandoverExport", "fatima") },
];

describe("a rejected mutation leaves the store as it was", () => {
  it.each(rejections)("$story", async ({ attempt }) => {
    const store = await annaShared();
    const before = store.snapshot();
    await expect(attempt(store)).rejects.toMatchObject({ name: "MutationRejected" });
    expect(store.snapshot()).toBe(before);
  });
});

describe("mutators check before they write, so even a store without transactions stays as it was", () => {
  for (const { story, attempt } of rejections) {
    it(story, async () => {
      const store = await annaShared({ transactional: false });
      const before = store.snapshot();
      await expect(attempt(store)).rejects.toMatchObject({ name: "MutationRejected" });
      expect(store.snapshot()).toBe(before);
    });
  }
});

describe("args are checked before anything runs", () => {
  /** A value of another type than the one given: text for a number, a number for anything else. */
  const wrongTypeFor = (value: unknown): unknown => (typeof value === "number" ? "42" : 42);

  it.each(names)("%s accepts its example and rejects a wrong type in any field", (name) => {
    const schema = mutators[name].args;
    const example: Record<string, unknown> = validArgs[name];
    expect(schema.safeParse(example).success).toBe(true);
    for (const field of Object.keys(example)) {
      expect(schema.safeParse({ ...example, [field]: wrongTypeFor(example[field]) }).success, field).toBe(false);
    }
    expect(schema.safeParse(null).success).toBe(false);
  });

  it("the store refuses records its collection's schema does not allow", async () => {
    const store = await stapteam();
    const note = {
      id: "n1",
      clientId: "anna",
      text: " ",
      authorUserId: "fatima",
      authorOrganisationId: "iriszorg",
      createdAt: day(1),
      correctsNoteId: null,
      contactAt: null,
      contactType: "unknown" as const,
      noShow: false,
    };
    await expect(store.transaction((tx) => tx.put("notes", note))).rejects.toThrow();
    const withBsn = { ...note, text: "Goed gesprek", bsn: "123456782" };
    await expect(store.transaction((tx) => tx.put("notes", withBsn))).rejects.toThrow(/bsn/);
    expect(store.all("notes")).toEqual([]);
  });
});
