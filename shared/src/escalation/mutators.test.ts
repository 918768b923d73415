import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { accessibleCategories, canAccess } from "../consent/can-access.ts";
import { dataCategories } from "../consent/categories.ts";
import { type MutationArgs, mutators } from "../mutators/registry.ts";
import { acting, day, people, sessionUser } from "../testing/fixtures.ts";
import { consentArgs, escalateArgs, expectRejected, stapteam, validArgs } from "../testing/stapteam.ts";
import { escalationStatuses } from "./schema.ts";
import { addWorkingDays, covenantAfterCloseDays, escalationQueue, isOverdueEscalation, mayMoveTo } from "./state.ts";

const ruud = sessionUser("ruud");

type Decision = MutationArgs<"answerEscalation">["decisions"][number];
const forFatima: Decision = { text: "Urgentieaanvraag indienen", agreementId: "o1-a1", ownerUserId: "fatima", dueDate: "2024-03-18" };
const forRuud: Decision = { text: "Woningcorporatie bellen", agreementId: "o1-a2", ownerUserId: "ruud", dueDate: "2024-03-08" };

/** Fatima escalates Anna's case (o1); Ruud answers it on day 1 with these decisions. */
async function answeredWith(decisions: Decision[]) {
  const store = await stapteam();
  await store.run(mutators.escalate, escalateArgs(), acting("fatima"));
  await store.run(mutators.answerEscalation, { ...validArgs.answerEscalation, decisions }, acting("ruud", day(1)));
  return store;
}

describe("an escalation's steps", () => {
  it("goes ingediend → in behandeling → besproken → opgelost, each step an event with who and when", async () => {
    const store = await stapteam();
    await store.run(mutators.escalate, escalateArgs(), acting("fatima", day(0)));
    await store.run(mutators.takeUpEscalation, validArgs.takeUpEscalation, acting("ruud", day(1)));
    await store.run(mutators.recordEscalationDiscussed, { ...validArgs.recordEscalationDiscussed, discussedOn: day(3).slice(0, 10) }, acting("ruud", day(3)));
    await store.run(mutators.answerEscalation, validArgs.answerEscalation, acting("ruud", day(4)));
    expect(store.get("escalations", "o1")).toMatchObject({
      status: "resolved",
      submittedBy: "fatima",
      takenUpBy: "ruud",
      discussedOn: "2024-03-07",
      answeredBy: "ruud",
      answeredAt: day(4),
      decisions: [{ text: "Urgentieaanvraag indienen", agreementId: "o1-a1" }],
    });
    expect(
      store
        .all("escalationEvents")
        .sort((a, b) => a.at.localeCompare(b.at))
        .map((e) => [e.type, e.by, e.at]),
    ).toEqual([
      ["submitted", "fatima", day(0)],
      ["taken_up", "ruud", day(1)],
      ["discussed", "ruud", day(3)],
      ["answered", "ruud", day(4)],
    ]);
  });

  it("turns a decision with an owner and a day into an afspraak of the escalation, owned by whom she names, herself too", async () => {
    const store = await answeredWith([
      forFatima,
      forRuud,
      { text: "Over een maand opnieuw bespreken", agreementId: "o1-a3", ownerUserId: null, dueDate: null },
    ]);
    expect(store.get("agreements", "o1-a2")).toMatchObject({ ownerUserId: "ruud", ownerOrganisationId: "gemeente", escalationId: "o1", status: "open" });
    expect(store.get("agreements", "o1-a3")).toBeUndefined();
    expect(store.get("escalations", "o1")?.decisions.map((d) => d.agreementId)).toEqual(["o1-a1", "o1-a2", null]);
  });

  it("lets the procesregisseur mark her own afspraak of the escalation done, naming the escalation; not one of the plan, nor another's", async () => {
    const store = await answeredWith([forFatima, forRuud]);
    // Without naming the escalation the change needs the afspraken of the plan, which the covenant does not give her.
    await expectRejected(
      store.run(mutators.setAgreementStatus, { clientId: "anna", agreementId: "o1-a2", status: "done" }, acting("ruud", day(2))),
      "forbidden",
      "access.no-consent",
    );
    await expectRejected(
      store.run(mutators.setAgreementStatus, { clientId: "anna", agreementId: "o1-a1", status: "done", escalationId: "o1" }, acting("ruud", day(2))),
      "forbidden",
      "agreement.own-escalation-only",
    );
    await store.run(mutators.setAgreementStatus, { clientId: "anna", agreementId: "o1-a2", status: "done", escalationId: "o1" }, acting("ruud", day(2)));
    expect(store.get("agreements", "o1-a2")).toMatchObject({ status: "done", closedBy: "ruud", closedAt: day(2) });
    // Naming an escalation does not open an afspraak of the plan to the lighter requirement.
    await store.run(
      mutators.addAgreement,
      { id: "plan-1", clientId: "anna", domain: "housing", text: "Huurachterstand", ownerUserId: "fatima", dueDate: "2024-03-20" },
      acting("fatima"),
    );
    await expectRejected(
      store.run(mutators.setAgreementStatus, { clientId: "anna", agreementId: "plan-1", status: "done", escalationId: "o1" }, acting("fatima", day(2))),
      "not-found",
      "agreement.not-found",
    );
    // The holder's case manager closes an escalation's afspraak as any other.
    await store.run(mutators.setAgreementStatus, { clientId: "anna", agreementId: "o1-a1", status: "done", escalationId: "o1" }, acting("fatima", day(2)));
    expect(store.get("agreements", "o1-a1")).toMatchObject({ status: "done", closedBy: "fatima" });
  });

  it("lets only the allowed steps follow each other, property-checked over every pair of states", () => {
    fc.assert(
      fc.property(fc.constantFrom(...escalationStatuses), fc.constantFrom(...escalationStatuses), (from, to) => {
        const closed = from === "resolved" || from === "returned";
        if (closed) expect(mayMoveTo(from, to)).toBe(false);
        // Never back to ingediend, never back to in behandeling once discussed.
        if (to === "submitted" || (from === "discussed" && to === "in_progress")) expect(mayMoveTo(from, to)).toBe(false);
        if (!closed && (to === "resolved" || to === "returned")) expect(mayMoveTo(from, to)).toBe(true);
      }),
    );
  });

  it("refuses a step on a closed escalation, a casusoverleg in the future, and an empty answer", async () => {
    const store = await stapteam();
    await store.run(mutators.escalate, escalateArgs(), acting("fatima"));
    await expectRejected(
      store.run(mutators.recordEscalationDiscussed, { ...validArgs.recordEscalationDiscussed, discussedOn: "2024-03-05" }, acting("ruud", day(0))),
      "invalid",
      "escalation.discussed-in-future",
    );
    await expectRejected(
      store.run(mutators.answerEscalation, { ...validArgs.answerEscalation, answer: " " }, acting("ruud")),
      "invalid",
      "escalation.answer-missing",
    );
    await store.run(mutators.answerEscalation, { ...validArgs.answerEscalation, outcome: "returned", decisions: [] }, acting("ruud", day(1)));
    await expectRejected(store.run(mutators.takeUpEscalation, validArgs.takeUpEscalation, acting("ruud", day(2))), "invalid", "escalation.closed");
    await expectRejected(store.run(mutators.answerEscalation, validArgs.answerEscalation, acting("ruud", day(2))), "invalid", "escalation.closed");
  });

  it("refuses a decision with an owner but no day, and one whose owner's organisation does not see the escalation", async () => {
    const store = await stapteam();
    await store.run(mutators.escalate, escalateArgs(), acting("fatima"));
    const decide = (decision: { ownerUserId: string | null; dueDate: string | null }) =>
      store.run(
        mutators.answerEscalation,
        { ...validArgs.answerEscalation, decisions: [{ text: "Bellen", agreementId: "x1", ...decision }] },
        acting("ruud", day(1)),
      );
    await expectRejected(decide({ ownerUserId: "ruud", dueDate: null }), "invalid", "escalation.decision-owner-incomplete", { decision: "Bellen" });
    await expectRejected(decide({ ownerUserId: "sanne", dueDate: "2024-03-20" }), "invalid", "escalation.decision-owner-no-access", {
      person: "Sanne",
      organisation: "Leger des Heils",
    });
    expect(store.get("escalations", "o1")?.status).toBe("submitted");
  });

  it("sets the day to answer 10 working days on, or the municipality's own number", async () => {
    expect(addWorkingDays("2024-03-04", 10)).toBe("2024-03-18");
    expect(addWorkingDays("2024-03-08", 1)).toBe("2024-03-11");
    const store = await stapteam();
    await store.run(mutators.escalate, escalateArgs(), acting("fatima"));
    expect(store.get("escalations", "o1")?.respondBy).toBe("2024-03-18");
    await store.run(mutators.setEscalationSettings, validArgs.setEscalationSettings, acting("ruud"));
    await store.run(mutators.escalate, escalateArgs({ id: "o2" }), acting("fatima"));
    expect(store.get("escalations", "o2")?.respondBy).toBe("2024-03-11");
    expect(isOverdueEscalation({ status: "submitted", respondBy: "2024-03-11" }, "2024-03-12")).toBe(true);
    expect(isOverdueEscalation({ status: "resolved", respondBy: "2024-03-11" }, "2024-03-12")).toBe(false);
  });

  it("orders her queue urgent first, then oldest first, and leaves the closed ones out", () => {
    const e = (id: string, urgency: "normal" | "high", at: number, status: "submitted" | "resolved" = "submitted") => ({
      id,
      urgency,
      submittedAt: day(at),
      status,
    });
    expect(escalationQueue([e("a", "normal", 0), e("b", "high", 2), e("c", "high", 1), e("d", "high", 0, "resolved")]).map((x) => x.id)).toEqual([
      "c",
      "b",
      "a",
    ]);
  });
});

describe("who may escalate, on which basis", () => {
  it("refuses the covenant without a stated reason, and nothing is recorded", async () => {
    const store = await stapteam();
    const before = store.snapshot();
    await expectRejected(
      store.run(mutators.escalate, escalateArgs({ covenantReason: "  " }), acting("fatima")),
      "invalid",
      "escalation.covenant-reason-missing",
    );
    expect(store.snapshot()).toBe(before);
  });

  it("refuses the consent basis when Anna gave the Gemeente no consent for opschalingen, naming her and the Gemeente", async () => {
    const store = await stapteam();
    await store.run(mutators.recordConsent, consentArgs({ grantedTo: ["gemeente"], categories: ["agreements"] }), acting("fatima"));
    await expectRejected(store.run(mutators.escalate, escalateArgs({ basis: "consent" }), acting("fatima")), "invalid", "escalation.no-consent", {
      client: "Anna",
      organisation: "Gemeente Nijmegen",
    });
    await store.run(mutators.recordConsent, consentArgs({ consentId: "c2", grantedTo: ["gemeente"], categories: ["escalations"] }), acting("fatima"));
    await store.run(mutators.escalate, escalateArgs({ basis: "consent" }), acting("fatima"));
    expect(store.get("escalations", "o1")?.basis).toEqual({ kind: "consent", consentId: "c2" });
    expect(store.get("clients", "anna")?.covenants).toEqual([]);
  });

  it("refuses a case manager of an organisation that does not hold Anna, even with consent, and a non-municipality as receiver", async () => {
    const store = await stapteam();
    await store.run(mutators.recordConsent, consentArgs({ categories: ["housing", "agreements", "escalations"] }), acting("fatima"));
    await expectRejected(store.run(mutators.escalate, escalateArgs(), acting("sanne")), "forbidden", "access.holder-only", { client: "Anna" });
    await expectRejected(
      store.run(mutators.escalate, escalateArgs({ municipalityOrganisationId: "ldh" }), acting("fatima")),
      "invalid",
      "escalation.not-municipality",
    );
    await expectRejected(store.run(mutators.escalate, escalateArgs(), acting("mirjam")), "forbidden", "access.role");
  });

  it("records the covenant on Anna, which shows the Gemeente her escalations and nothing else, until a month after the answer", async () => {
    const store = await stapteam();
    await store.run(mutators.escalate, escalateArgs(), acting("fatima", day(0)));
    const anna = store.get("clients", "anna");
    expect(anna?.covenants).toMatchObject([{ organisationId: "gemeente", escalationId: "o1", recordedBy: "fatima", until: null }]);
    if (!anna) throw new Error("Anna is gone");
    expect([...accessibleCategories(ruud, anna, [], day(1)).keys()]).toEqual(["escalations"]);
    expect(canAccess(ruud, anna, "escalations", [], day(1))).toEqual({ allowed: true, basis: "covenant", escalationId: "o1" });
    expect(canAccess(sessionUser("petra"), anna, "escalations", [], day(1))).toMatchObject({ allowed: false, reason: "role" });
    await store.run(mutators.answerEscalation, validArgs.answerEscalation, acting("ruud", day(2)));
    const after = store.get("clients", "anna");
    if (!after) throw new Error("Anna is gone");
    expect(canAccess(ruud, after, "escalations", [], day(2 + covenantAfterCloseDays - 1)).allowed).toBe(true);
    expect(canAccess(ruud, after, "escalations", [], day(2 + covenantAfterCloseDays)).allowed).toBe(false);
  });

  it("keeps the procesregisseur out of the plan, whatever the covenant: she cannot write in it", async () => {
    const store = await stapteam();
    await store.run(mutators.escalate, escalateArgs(), acting("fatima"));
    await expectRejected(store.run(mutators.updatePlanDomain, validArgs.updatePlanDomain, acting("ruud", day(1))), "forbidden", "access.role");
    await expectRejected(store.run(mutators.addNote, { ...validArgs.addNote, id: "n-ruud" }, acting("ruud", day(1))), "forbidden", "access.no-consent");
  });

  it("grants the covenant only the escalations category, only to the organisation named, whatever the other grants (property)", () => {
    const orgs = ["iriszorg", "ldh", "ggd", "gemeente"] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...orgs.filter((o) => o !== "iriszorg")),
        fc.constantFrom(...Object.values(people).filter((p) => p.organisationId !== "iriszorg")),
        fc.constantFrom(...dataCategories),
        fc.integer({ min: -5, max: 60 }),
        fc.option(fc.integer({ min: 1, max: 40 }), { nil: null }),
        (granted, person, category, at, closesAfter) => {
          const client = {
            ownerOrganisationId: "iriszorg",
            covenants: [{ organisationId: granted, escalationId: "o1", since: day(0), until: closesAfter === null ? null : day(closesAfter) }],
          };
          const user = { id: person.id, organisationId: person.organisationId, role: person.role };
          const decision = canAccess(user, client, category, [], day(at));
          const inTime = at >= 0 && (closesAfter === null || at < closesAfter);
          const expected = category === "escalations" && person.organisationId === granted && inTime && person.role !== "policy" && person.role !== "admin";
          expect(decision.allowed).toBe(expected);
          if (decision.allowed) expect(decision).toEqual({ allowed: true, basis: "covenant", escalationId: "o1" });
        },
      ),
    );
  });
});
