import { describe, expect, it } from "vitest";
import { mutators } from "../mutators/registry.ts";
import { acting, day } from "../testing/fixtures.ts";
import type { MemoryStore } from "../testing/memory-store.ts";
import { consentArgs, type ExpectedRefusal, expectRejected, handoverArgs, stapteam, validArgs } from "../testing/stapteam.ts";
import { deriveHandovers } from "./state.ts";

const { startHandover, addAgreement, setAgreementStatus, recordConsent } = mutators;

/** Anna (Iriszorg, Fatima) with agreements a1 and a2, both Fatima's; optionally a consent for LDH. */
async function annaWithAgreements(shareWithLdh: readonly ("handovers" | "agreements" | "housing")[] | null = ["handovers", "agreements", "housing"]) {
  const store = await stapteam();
  await store.run(addAgreement, validArgs.addAgreement, acting("fatima"));
  await store.run(addAgreement, { ...validArgs.addAgreement, id: "a2", text: "Budgetbeheer aanvragen" }, acting("fatima"));
  if (shareWithLdh) await store.run(recordConsent, consentArgs({ categories: [...shareWithLdh] }), acting("fatima"));
  return store;
}

const toSanne = handoverArgs({
  kind: "colleague",
  toUserId: "sanne",
  toOrganisationId: null,
  agreements: [
    { agreementId: "a1", action: "carry", newOwnerUserId: "sanne" },
    { agreementId: "a2", action: "done" },
  ],
});

const statesOf = (store: MemoryStore) => deriveHandovers(store.all("handovers"), store.all("handoverEvents"));

describe("startHandover: consent", () => {
  it("refuses a handover to an organisation the client's consent does not cover, names it, and stores nothing", async () => {
    const store = await annaWithAgreements(null);
    const before = store.snapshot();
    await expectRejected(store.run(startHandover, toSanne, acting("fatima", day(1))), "forbidden", "handover.consent-missing", {
      organisation: "Leger des Heils",
    });
    expect(store.snapshot()).toBe(before);
  });

  it("a consent for other categories than handovers is not enough; one for handovers is", async () => {
    const store = await annaWithAgreements(["housing", "agreements"]);
    await expectRejected(store.run(startHandover, toSanne, acting("fatima", day(1))), "forbidden", "handover.consent-missing", {
      organisation: "Leger des Heils",
    });
    await store.run(recordConsent, consentArgs({ consentId: "c2", categories: ["handovers", "housing"] }), acting("fatima"));
    const effect = await store.run(startHandover, toSanne, acting("fatima", day(1)));
    expect(effect.categories).toEqual(["handovers"]);
  });

  it("holds no life domain the receiving organisation may not see: she reads it before she decides", async () => {
    const store = await annaWithAgreements(["handovers", "agreements"]);
    const before = store.snapshot();
    await expectRejected(store.run(startHandover, toSanne, acting("fatima", day(1))), "forbidden", "handover.domains-not-shared", { domains: ["housing"] });
    expect(store.snapshot()).toBe(before);
    // Without the housing situation, the risks about housing and the afspraak about housing going to her.
    const withoutHousing = {
      ...toSanne,
      domains: [],
      risks: "",
      whatWorks: "",
      agreements: [
        { agreementId: "a1", action: "done" as const },
        { agreementId: "a2", action: "done" as const },
      ],
    };
    const effect = await store.run(startHandover, withoutHousing, acting("fatima", day(1)));
    expect(effect.categories).toEqual(["handovers"]);
  });

  it("holds free text (risks, what works, the note) only about a domain the receiver may see, and general text only for a receiver of the whole plan", async () => {
    const store = await annaWithAgreements(["handovers", "agreements", "housing"]);
    const general = { ...toSanne, sectionDomains: { risks: null, whatWorks: "housing" as const, text: null } };
    await expectRejected(store.run(startHandover, general, acting("fatima", day(1))), "forbidden", "handover.section-general", { section: "risks" });
    const aboutAddiction = { ...toSanne, sectionDomains: { risks: "housing" as const, whatWorks: "addiction" as const, text: null } };
    await expectRejected(store.run(startHandover, aboutAddiction, acting("fatima", day(1))), "forbidden", "handover.section-domain-not-shared", {
      section: "whatWorks",
      domain: "addiction",
    });
    // An empty general note is no text at all.
    await store.run(startHandover, { ...toSanne, text: "", sectionDomains: { risks: "housing", whatWorks: "housing", text: null } }, acting("fatima", day(1)));
  });

  it("needs no consent within the holding organisation", async () => {
    const store = await annaWithAgreements(null);
    const toJoost = handoverArgs({
      kind: "colleague",
      toUserId: "joost",
      toOrganisationId: null,
      agreements: [
        { agreementId: "a1", action: "carry", newOwnerUserId: "joost" },
        { agreementId: "a2", action: "cancelled" },
      ],
    });
    await store.run(startHandover, toJoost, acting("fatima", day(1)));
    expect(store.get("handovers", "h1")).toMatchObject({ toOrganisationId: "iriszorg" });
  });
});

describe("startHandover: what is stored", () => {
  it("keeps the handover as written, with who wrote it, for which organisation, when, and the receiving organisation", async () => {
    const store = await annaWithAgreements();
    await store.run(startHandover, toSanne, acting("fatima", day(1)));
    expect(store.get("handovers", "h1")).toEqual({
      ...toSanne,
      toOrganisationId: "ldh",
      fromUserId: "fatima",
      fromOrganisationId: "iriszorg",
      createdAt: day(1),
    });
    // Nothing moves before the receiver acknowledges.
    expect(store.get("clients", "anna")).toMatchObject({ ownerOrganisationId: "iriszorg", responsibleUserId: "fatima", formerOwners: [] });
    expect(store.all("agreements").map((a) => [a.id, a.ownerUserId, a.status])).toEqual([
      ["a1", "fatima", "open"],
      ["a2", "fatima", "open"],
    ]);
    expect(statesOf(store).map((s) => s.status)).toEqual(["open"]);
  });

  it("only the organisation that holds the client hands her over", async () => {
    const store = await annaWithAgreements(["handovers", "agreements", "housing"]);
    await expectRejected(store.run(startHandover, { ...toSanne, toUserId: "fatima" }, acting("sanne")), "forbidden", "access.holder-only");
    await expectRejected(store.run(startHandover, toSanne, acting("mirjam")), "forbidden", "access.role", { role: "ervaringsdeskundige" });
  });

  it("a handover id is used once: handovers are never changed", async () => {
    const store = await annaWithAgreements();
    await store.run(startHandover, toSanne, acting("fatima", day(1)));
    await expectRejected(store.run(startHandover, { ...toSanne, correctsHandoverId: "h1" }, acting("fatima", day(2))), "conflict", "change.duplicate");
  });
});

describe("startHandover: the receiver", () => {
  const cases: { story: string; args: Partial<Parameters<typeof handoverArgs>[0]>; message: ExpectedRefusal }[] = [
    {
      story: "a colleague handover without the colleague",
      args: { kind: "colleague", toUserId: null, toOrganisationId: "ldh" },
      message: { code: "handover.colleague-missing" },
    },
    {
      story: "to Henk, who left",
      args: { kind: "colleague", toUserId: "henk", toOrganisationId: null },
      message: { code: "handover.receiver-inactive", params: { person: "Henk" } },
    },
    {
      story: "to someone unknown",
      args: { kind: "colleague", toUserId: "nobody", toOrganisationId: null },
      message: { code: "handover.receiver-inactive", params: { person: "" } },
    },
    {
      story: "to the ervaringsdeskundige",
      args: { kind: "colleague", toUserId: "mirjam", toOrganisationId: null },
      message: { code: "handover.receiver-role", params: { role: "ervaringsdeskundige" } },
    },
    { story: "to herself", args: { kind: "colleague", toUserId: "fatima", toOrganisationId: null }, message: { code: "handover.to-self" } },
    {
      story: "an organisation handover without the organisation",
      args: { kind: "organisation", toUserId: "sanne", toOrganisationId: null },
      message: { code: "handover.organisation-missing" },
    },
    {
      story: "a person of another organisation than the one named",
      args: { kind: "organisation", toUserId: "kees", toOrganisationId: "ldh" },
      message: { code: "handover.receiver-other-organisation" },
    },
    {
      story: "an unknown organisation",
      args: { kind: "organisation", toUserId: null, toOrganisationId: "ribw" },
      message: { code: "organisation.unknown", params: { organisation: "ribw" } },
    },
    {
      story: "monitoring by a case manager",
      args: { kind: "monitoring", toUserId: "sanne", toOrganisationId: null },
      message: { code: "handover.receiver-role-monitoring" },
    },
    { story: "monitoring by no one", args: { kind: "monitoring", toUserId: null, toOrganisationId: null }, message: { code: "handover.receiver-missing" } },
    {
      story: "inside Naast with an external receiver",
      args: { kind: "organisation", toUserId: null, toOrganisationId: "ldh", toExternal: "Huisarts" },
      message: { code: "handover.external-inside" },
    },
    {
      story: "leaving Naast to someone inside it",
      args: { kind: "regular-care", toUserId: "sanne", toOrganisationId: null, toExternal: "Huisarts" },
      message: { code: "handover.leaving-to-inside" },
    },
    {
      story: "to another municipality without naming it",
      args: { kind: "other-municipality", toUserId: null, toOrganisationId: null, toExternal: null },
      message: { code: "handover.external-missing" },
    },
  ];
  it.each(cases)("refuses $story, and stores nothing", async ({ args, message }) => {
    const store = await annaWithAgreements(["handovers", "agreements"]);
    const before = store.snapshot();
    await expectRejected(store.run(startHandover, { ...toSanne, ...args }, acting("fatima", day(1))), "invalid", message);
    expect(store.snapshot()).toBe(before);
  });

  it("takes an organisation with or without a person of it; monitoring goes to the procesregisseur or the municipality", async () => {
    const store = await annaWithAgreements();
    await store.run(
      recordConsent,
      consentArgs({ consentId: "c2", grantedTo: ["gemeente"], categories: ["handovers", "agreements", "housing"] }),
      acting("fatima"),
    );
    const allClosed = {
      agreements: [
        { agreementId: "a1", action: "done" as const },
        { agreementId: "a2", action: "done" as const },
      ],
    };
    await store.run(startHandover, handoverArgs({ ...allClosed, id: "h1", toOrganisationId: "ldh" }), acting("fatima", day(1)));
    await store.run(
      startHandover,
      handoverArgs({ ...allClosed, id: "h2", toOrganisationId: "ldh", toUserId: "sanne", correctsHandoverId: "h1" }),
      acting("fatima", day(2)),
    );
    await store.run(
      startHandover,
      handoverArgs({ ...allClosed, id: "h3", kind: "monitoring", toOrganisationId: null, toUserId: "ruud", correctsHandoverId: "h2" }),
      acting("fatima", day(3)),
    );
    await store.run(
      startHandover,
      handoverArgs({ ...allClosed, id: "h4", kind: "monitoring", toOrganisationId: "gemeente", correctsHandoverId: "h3" }),
      acting("fatima", day(4)),
    );
    expect(store.all("handovers").map((h) => [h.id, h.toUserId, h.toOrganisationId])).toEqual([
      ["h1", null, "ldh"],
      ["h2", "sanne", "ldh"],
      ["h3", "ruud", "gemeente"],
      ["h4", null, "gemeente"],
    ]);
  });
});

describe("startHandover: the open agreements", () => {
  const story = (agreements: typeof toSanne.agreements) => ({ ...toSanne, agreements });
  const cases: { story: string; args: typeof toSanne; message: ExpectedRefusal }[] = [
    {
      story: "one left out",
      args: story([{ agreementId: "a1", action: "carry", newOwnerUserId: "sanne" }]),
      message: { code: "handover.agreements-undecided", params: { count: 1 } },
    },
    {
      story: "one named twice",
      args: story([...toSanne.agreements, { agreementId: "a2", action: "cancelled" }]),
      message: { code: "handover.agreement-twice" },
    },
    {
      story: "an agreement that does not exist",
      args: story([...toSanne.agreements, { agreementId: "a9", action: "done" }]),
      message: { code: "handover.agreement-not-open" },
    },
    {
      story: "carried to Henk, who left",
      args: story([
        { agreementId: "a1", action: "carry", newOwnerUserId: "henk" },
        { agreementId: "a2", action: "done" },
      ]),
      message: { code: "handover.agreement-owner-inactive", params: { person: "Henk" } },
    },
    {
      story: "carried to the GGD, whom Anna's consent does not cover",
      args: story([
        { agreementId: "a1", action: "carry", newOwnerUserId: "kees" },
        { agreementId: "a2", action: "done" },
      ]),
      message: { code: "handover.agreement-owner-no-access", params: { person: "Kees" } },
    },
    {
      // Once LDH holds Anna, Iriszorg only reads her record for a while: it cannot keep an agreement up.
      story: "left with Fatima, whose organisation only reads after the handover",
      args: story([
        { agreementId: "a1", action: "carry", newOwnerUserId: "fatima" },
        { agreementId: "a2", action: "done" },
      ]),
      message: { code: "handover.agreement-owner-no-access", params: { person: "Fatima" } },
    },
  ];
  it.each(cases)("refuses a handover with $story", async ({ args, message }) => {
    const store = await annaWithAgreements();
    const before = store.snapshot();
    await expectRejected(store.run(startHandover, args, acting("fatima", day(1))), "invalid", message);
    expect(store.snapshot()).toBe(before);
  });

  it("refuses a closed agreement, and does not ask about it", async () => {
    const store = await annaWithAgreements();
    await store.run(setAgreementStatus, { clientId: "anna", agreementId: "a2", status: "done" }, acting("fatima"));
    await expectRejected(store.run(startHandover, toSanne, acting("fatima", day(1))), "invalid", "handover.agreement-not-open");
    await store.run(startHandover, { ...toSanne, agreements: [{ agreementId: "a1", action: "carry", newOwnerUserId: "sanne" }] }, acting("fatima", day(1)));
    expect(store.get("handovers", "h1")?.agreements).toEqual([{ agreementId: "a1", action: "carry", newOwnerUserId: "sanne" }]);
  });

  it("carries an agreement to a third organisation whose consent covers the agreements and the agreement's life domain", async () => {
    const store = await annaWithAgreements();
    const toKees = {
      ...toSanne,
      agreements: [
        { agreementId: "a1", action: "carry" as const, newOwnerUserId: "kees" },
        { agreementId: "a2", action: "done" as const },
      ],
    };
    await store.run(recordConsent, consentArgs({ consentId: "c2", grantedTo: ["ggd"], categories: ["agreements"] }), acting("fatima"));
    // a1 is about housing: agreements alone do not let the GGD keep it up.
    await expectRejected(store.run(startHandover, toKees, acting("fatima", day(1))), "invalid", "handover.agreement-owner-no-access", { person: "Kees" });
    await store.run(recordConsent, consentArgs({ consentId: "c3", grantedTo: ["ggd"], categories: ["housing"] }), acting("fatima"));
    await store.run(
      startHandover,
      {
        ...toSanne,
        agreements: [
          { agreementId: "a1", action: "carry", newOwnerUserId: "kees" },
          { agreementId: "a2", action: "done" },
        ],
      },
      acting("fatima", day(1)),
    );
    expect(store.get("handovers", "h1")?.agreements).toContainEqual({ agreementId: "a1", action: "carry", newOwnerUserId: "kees" });
    expect(statesOf(store).map((s) => s.status)).toEqual(["open"]);
  });
});

describe("startHandover: one open handover per client, corrections take its place", () => {
  it("refuses a second open handover, and lets the writer's organisation correct the open one", async () => {
    const store = await annaWithAgreements();
    await store.run(startHandover, toSanne, acting("fatima", day(1)));
    await expectRejected(store.run(startHandover, { ...toSanne, id: "h2" }, acting("fatima", day(2))), "conflict", "handover.open-exists", { client: "Anna" });
    await store.run(startHandover, { ...toSanne, id: "h2", risks: "Ook: schulden bij de dealer", correctsHandoverId: "h1" }, acting("joost", day(2)));
    const [h2, h1] = statesOf(store);
    expect(h1).toMatchObject({ status: "superseded", supersededBy: { id: "h2" } });
    expect(h2).toMatchObject({ status: "open", handover: { fromUserId: "joost", correctsHandoverId: "h1" } });
    // The superseded one is not corrected again: the open one is.
    await expectRejected(
      store.run(startHandover, { ...toSanne, id: "h3", correctsHandoverId: "h1" }, acting("fatima", day(3))),
      "conflict",
      "handover.correct-closed",
      { status: "superseded" },
    );
  });

  it("refuses a correction of a handover of another client, or of one that does not exist", async () => {
    const store = await annaWithAgreements();
    await store.run(mutators.createClient, validArgs.createClient, acting("fatima"));
    await store.run(startHandover, { ...handoverArgs({ id: "hb", clientId: "bo", kind: "closure", toOrganisationId: null }) }, acting("fatima", day(1)));
    await expectRejected(store.run(startHandover, { ...toSanne, correctsHandoverId: "hb" }, acting("fatima", day(2))), "not-found");
    await expectRejected(store.run(startHandover, { ...toSanne, correctsHandoverId: "h0" }, acting("fatima", day(2))), "not-found");
  });

  it("a correction of a handover that left Naast leaves Naast too", async () => {
    const store = await annaWithAgreements();
    const leaving = handoverArgs({
      kind: "regular-care",
      toOrganisationId: null,
      toExternal: "Huisartsenpraktijk De Ooij",
      agreements: [
        { agreementId: "a1", action: "done" },
        { agreementId: "a2", action: "done" },
      ],
    });
    await store.run(startHandover, leaving, acting("fatima", day(1)));
    await expectRejected(
      store.run(startHandover, { ...toSanne, id: "h2", agreements: [], correctsHandoverId: "h1" }, acting("fatima", day(2))),
      "conflict",
      "handover.correct-left-naast",
    );
    await store.run(
      startHandover,
      { ...leaving, id: "h2", agreements: [], toExternal: "Huisartsenpraktijk Ooij", correctsHandoverId: "h1" },
      acting("fatima", day(2)),
    );
    expect(statesOf(store).map((s) => [s.handover.id, s.status])).toEqual([
      ["h2", "completed"],
      ["h1", "superseded"],
    ]);
  });
});

describe("startHandover: leaving Naast takes effect at once", () => {
  it("closes the client, closes or carries her agreements within the team, needs no consent and no acknowledgement", async () => {
    const store = await annaWithAgreements(null);
    const effect = await store.run(
      startHandover,
      handoverArgs({
        kind: "other-municipality",
        toOrganisationId: null,
        toExternal: "Gemeente Arnhem, team Zorg en Veiligheid",
        agreements: [
          { agreementId: "a1", action: "cancelled" },
          { agreementId: "a2", action: "carry", newOwnerUserId: "joost" },
        ],
      }),
      acting("fatima", day(1)),
    );
    expect(effect.categories).toEqual(["handovers", "agreements"]);
    expect(store.get("clients", "anna")).toMatchObject({
      status: "closed",
      ownerOrganisationId: "iriszorg",
      responsibleUserId: "fatima",
      formerOwners: [],
      closure: { closedAt: day(1), sharingEndsAt: day(31) },
      updatedAt: day(1),
    });
    expect(store.get("agreements", "a1")).toMatchObject({ status: "cancelled", closedAt: day(1), closedBy: "fatima" });
    expect(store.get("agreements", "a2")).toMatchObject({ status: "open", ownerUserId: "joost", ownerOrganisationId: "iriszorg" });
    expect(statesOf(store)).toMatchObject([{ status: "completed", outcome: null }]);
  });

  it("a closure needs no receiver at all; an agreement cannot go to someone outside the team", async () => {
    const store = await annaWithAgreements(null);
    const closure = handoverArgs({
      kind: "closure",
      toOrganisationId: null,
      agreements: [
        { agreementId: "a1", action: "done" },
        { agreementId: "a2", action: "carry", newOwnerUserId: "sanne" },
      ],
    });
    await expectRejected(store.run(startHandover, closure, acting("fatima", day(1))), "invalid", "handover.agreement-owner-no-access", { person: "Sanne" });
    await store.run(
      startHandover,
      {
        ...closure,
        agreements: [
          { agreementId: "a1", action: "done" },
          { agreementId: "a2", action: "done" },
        ],
      },
      acting("fatima", day(1)),
    );
    expect(store.get("clients", "anna")?.status).toBe("closed");
    expect(store.all("agreements").map((a) => a.status)).toEqual(["done", "done"]);
  });

  it("refuses the same life domain twice", async () => {
    const store = await annaWithAgreements();
    const domain = { domain: "housing" as const, score: null, situation: "" };
    await expectRejected(store.run(startHandover, { ...toSanne, domains: [domain, domain] }, acting("fatima", day(1))), "invalid", "handover.domain-twice");
  });
});
