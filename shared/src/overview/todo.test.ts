import { describe, expect, it } from "vitest";
import { mutators } from "../mutators/registry.ts";
import { acting, day, people, sessionUser } from "../testing/fixtures.ts";
import { deviceOf } from "../testing/overview-device.ts";
import { expectRejected, shareWithLdh, stapteam, validArgs } from "../testing/stapteam.ts";
import { caseload } from "./caseload.ts";
import { defaultOverviewSettings, toDo } from "./todo.ts";

const context = (name: keyof typeof people, now: string) => ({ user: sessionUser(name), now, settings: defaultOverviewSettings });

describe("Te doen", () => {
  it("Fatima sees her overdue afspraak, Anna's silence of three weeks and her consent ending in ten days; each goes when it is done", async () => {
    const store = await stapteam();
    await store.run(
      mutators.addAgreement,
      { id: "a1", clientId: "anna", domain: null, text: "Aanmelden time-out", ownerUserId: "fatima", dueDate: "2024-03-11" },
      acting("fatima"),
    );
    await store.run(
      mutators.recordConsent,
      {
        id: "c1-recorded",
        clientId: "anna",
        consentId: "c1",
        grantedTo: ["ldh"],
        categories: ["notes", "agreements"],
        purpose: "stapteam-coordination",
        purposeNote: "",
        form: "verbal",
        validFrom: day(0),
        validUntil: day(31),
      },
      acting("fatima"),
    );
    const now = day(21);
    const items = toDo(deviceOf(store, "fatima", now), context("fatima", now));
    expect(items.map((i) => i.source).sort()).toEqual(["agreement-overdue", "consent-ending", "no-contact"]);
    expect(items.find((i) => i.source === "agreement-overdue")).toMatchObject({ clientId: "anna", target: "agreements" });

    await store.run(mutators.setAgreementStatus, { clientId: "anna", agreementId: "a1", status: "done" }, acting("fatima", now));
    await store.run(mutators.addNote, { id: "n1", clientId: "anna", text: "Gesproken", correctsNoteId: null, contactType: "street" }, acting("fatima", now));
    const after = toDo(deviceOf(store, "fatima", now), context("fatima", now));
    expect(after.map((i) => i.source)).toEqual(["consent-ending"]);
  });

  it("a no-show does not end the silence; the coordinator sees the team's overdue afspraken, a colleague elsewhere not", async () => {
    const store = await stapteam();
    await store.run(
      mutators.addAgreement,
      { id: "a1", clientId: "anna", domain: null, text: "Aanmelden time-out", ownerUserId: "fatima", dueDate: "2024-03-11" },
      acting("fatima"),
    );
    await store.run(
      mutators.addNote,
      { id: "n1", clientId: "anna", text: "Niet gekomen", correctsNoteId: null, contactType: "drop_in", noShow: true },
      acting("fatima", day(20)),
    );
    const now = day(21);
    expect(toDo(deviceOf(store, "fatima", now), context("fatima", now)).map((i) => i.source)).toContain("no-contact");
    expect(toDo(deviceOf(store, "joost", now), context("joost", now)).map((i) => i.source)).toContain("agreement-overdue");
    await shareWithLdh(store, ["agreements"]);
    expect(toDo(deviceOf(store, "sanne", now), context("sanne", now))).toEqual([]);
  });

  it("a client not shared with the GGD never appears on a GGD device: no item, no count, no caseload", async () => {
    const store = await stapteam();
    await store.run(
      mutators.addAgreement,
      { id: "a1", clientId: "anna", domain: null, text: "Aanmelden time-out", ownerUserId: "fatima", dueDate: "2024-03-11" },
      acting("fatima"),
    );
    await shareWithLdh(store, ["agreements", "notes", "housing"]);
    const now = day(21);
    const ggd = deviceOf(store, "kees", now);
    expect(ggd).toEqual([]);
    expect(toDo(ggd, context("kees", now))).toEqual([]);
    expect(caseload(Object.values(people), ggd, now.slice(0, 10)).every((r) => r.activeClients === 0 && r.openAgreements === 0)).toBe(true);
    // LDH does hold her, and counts Fatima's afspraak in the team's caseload.
    const ldh = deviceOf(store, "sanne", now);
    expect(caseload(Object.values(people), ldh, now.slice(0, 10)).find((r) => r.userId === "fatima")).toMatchObject({
      activeClients: 1,
      openAgreements: 1,
      overdueAgreements: 1,
    });
  });

  it("asks Fatima to ask Anna again once the day she set has come, and stops when she records the next conversation", async () => {
    const store = await stapteam();
    await store.run(mutators.recordConsentConversation, validArgs.recordConsentConversation, acting("fatima", day(1)));
    const askAgain = (name: keyof typeof people, now: string) =>
      toDo(deviceOf(store, name, now), context(name, now)).filter((i) => i.source === "consent-ask-again");
    expect(askAgain("fatima", day(20))).toEqual([]);
    expect(askAgain("fatima", day(32))).toEqual([
      { key: "consent-ask-again:cc1", source: "consent-ask-again", clientId: "anna", target: "consent", day: "2024-04-04" },
    ]);
    await store.run(
      mutators.recordConsentConversation,
      { ...validArgs.recordConsentConversation, id: "cc2", askedOn: day(32).slice(0, 10), outcome: "refused", askAgainOn: null },
      acting("fatima", day(32)),
    );
    expect(askAgain("fatima", day(33))).toEqual([]);
  });
});

describe("Te doen from the flexbudget and the time-out", () => {
  const holders = { flexbudget: () => "iriszorg", timeout: () => "iriszorg" };
  const withHolders = (name: keyof typeof people, now: string) => ({ ...context(name, now), holders });

  it("a stay request waits for Iriszorg's coordinator, an over-budget expense too; a stay ending tomorrow is Fatima's", async () => {
    const store = await stapteam();
    await store.run(mutators.setTimeoutSettings, validArgs.setTimeoutSettings, acting("joost"));
    await store.run(mutators.setFlexbudget, { ...validArgs.setFlexbudget, amountCents: 1_000 }, acting("joost"));
    await store.run(mutators.requestTimeoutStay, validArgs.requestTimeoutStay, acting("fatima"));
    await store.run(mutators.recordFlexExpense, { ...validArgs.recordFlexExpense, askApprovalOverBudget: true }, acting("fatima"));
    const now = day(1);
    const sources = (name: keyof typeof people, at = now) => toDo(deviceOf(store, name, at), withHolders(name, at)).map((i) => [i.source, i.target]);
    expect(sources("joost")).toEqual(
      expect.arrayContaining([
        ["stay-awaiting-approval", "timeout"],
        ["expense-awaiting-approval", "flexbudget"],
      ]),
    );
    expect(sources("fatima").filter(([s]) => s?.startsWith("stay") || s?.startsWith("expense"))).toEqual([]);

    await store.run(mutators.decideTimeoutStay, validArgs.decideTimeoutStay, acting("joost"));
    await store.run(mutators.decideOverBudgetExpense, { ...validArgs.decideOverBudgetExpense, expenseId: "e1" }, acting("joost"));
    // The request ends on 12 March: on the 11th it is Fatima's item, and the coordinator's.
    const eve = "2024-03-11T08:00:00.000Z";
    expect(sources("fatima", eve)).toContainEqual(["stay-ends-tomorrow", "timeout"]);
    expect(sources("joost", eve).map(([s]) => s)).not.toContain("stay-awaiting-approval");
    expect(sources("joost", eve).map(([s]) => s)).not.toContain("expense-awaiting-approval");
  });

  it("a GGD coordinator's device never holds a client not shared with the GGD, so no stay or expense of hers either", async () => {
    const store = await stapteam();
    await store.run(mutators.setTimeoutSettings, validArgs.setTimeoutSettings, acting("joost"));
    await store.run(mutators.requestTimeoutStay, validArgs.requestTimeoutStay, acting("fatima"));
    await shareWithLdh(store, ["timeout", "flexbudget", "agreements"]);
    const ggdCoordinator = { user: { id: "gina", organisationId: "ggd", role: "coordinator" as const }, now: day(1), settings: defaultOverviewSettings };
    const everyoneHolds = { flexbudget: () => "ggd", timeout: () => "ggd" };
    expect(toDo(deviceOf(store, "kees", day(1)), { ...ggdCoordinator, holders: everyoneHolds })).toEqual([]);
  });

  it("an organisation's coordinator sets its own days without contact; a case manager or another organisation may not", async () => {
    const store = await stapteam();
    await store.run(mutators.setOverviewSettings, validArgs.setOverviewSettings, acting("joost"));
    expect(store.all("overviewSettings")).toEqual([
      expect.objectContaining({ id: "overview:iriszorg", organisationId: "iriszorg", noContactDays: 21, setBy: "joost" }),
    ]);
    await expectRejected(store.run(mutators.setOverviewSettings, validArgs.setOverviewSettings, acting("fatima")), "forbidden", "access.role");
    await expectRejected(store.run(mutators.setOverviewSettings, { organisationId: "ldh", noContactDays: 7 }, acting("joost")), "forbidden");
  });
});
