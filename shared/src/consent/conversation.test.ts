import { describe, expect, it } from "vitest";
import { mutators } from "../mutators/registry.ts";
import { visibilityOf } from "../store/collections.ts";
import { acting, day } from "../testing/fixtures.ts";
import { expectRejected, shareWithLdh, stapteam, validArgs } from "../testing/stapteam.ts";
import { askAgainDue } from "./conversation.ts";

const asked = validArgs.recordConsentConversation;

describe("a consent conversation that did not end in a yes", () => {
  it("the holder's case manager records when she asked, what came of it, the client's words and when to ask again", async () => {
    const store = await stapteam();
    await store.run(mutators.recordConsentConversation, asked, acting("fatima", day(1)));
    expect(store.get("consentConversations", "cc1")).toEqual({
      ...asked,
      recordedAt: day(1),
      recordedBy: "fatima",
      recordedByOrganisationId: "iriszorg",
    });
    // It stays with the organisation that holds her.
    expect(visibilityOf("consentConversations", store.get("consentConversations", "cc1") ?? (undefined as never))).toEqual({ kind: "holder" });
  });

  it("is append-only: the same id again is refused, a later conversation is a new record", async () => {
    const store = await stapteam();
    await store.run(mutators.recordConsentConversation, asked, acting("fatima", day(1)));
    await expectRejected(
      store.run(mutators.recordConsentConversation, { ...asked, outcome: "refused" }, acting("fatima", day(2))),
      "conflict",
      "change.duplicate",
    );
    await store.run(
      mutators.recordConsentConversation,
      { ...asked, id: "cc2", askedOn: "2024-04-04", outcome: "partly", askAgainOn: null },
      acting("fatima", day(31)),
    );
    expect(store.get("consentConversations", "cc1")?.outcome).toBe("not-yet");
  });

  it("another organisation may not record one, even with consent to see her whole file", async () => {
    const store = await stapteam();
    await shareWithLdh(store, ["housing", "notes", "agreements", "handovers"]);
    await expectRejected(store.run(mutators.recordConsentConversation, asked, acting("sanne", day(1))), "forbidden", "access.holder-only", {
      client: "Anna",
      holder: "Iriszorg",
    });
    await expectRejected(store.run(mutators.recordConsentConversation, asked, acting("mirjam", day(1))), "forbidden", "access.role");
  });

  it("refuses a conversation on a day still to come, and asking again on or before the day it was asked", async () => {
    const store = await stapteam();
    await expectRejected(
      store.run(mutators.recordConsentConversation, { ...asked, askedOn: "2024-03-09" }, acting("fatima", day(1))),
      "invalid",
      "consent-conversation.asked-in-future",
      { askedOn: "2024-03-09" },
    );
    await expectRejected(
      store.run(mutators.recordConsentConversation, { ...asked, askAgainOn: "2024-03-04" }, acting("fatima", day(1))),
      "invalid",
      "consent-conversation.ask-again-too-early",
    );
    await store.run(mutators.recordConsentConversation, { ...asked, outcome: "refused", askAgainOn: null }, acting("fatima", day(1)));
  });

  it("asks again from the day the latest conversation named; not after a later one without a date", () => {
    const base = { clientId: "anna", outcome: "not-yet" as const, clientWords: "", recordedBy: "fatima", recordedByOrganisationId: "iriszorg" };
    const first = { ...base, id: "a", askedOn: "2024-03-04", askAgainOn: "2024-04-04", recordedAt: day(0) };
    expect(askAgainDue([first], "2024-04-03")).toBeNull();
    expect(askAgainDue([first], "2024-04-04")).toBe(first);
    expect(askAgainDue([first], "2024-03-30", 7)).toBe(first);
    const second = { ...base, id: "b", askedOn: "2024-04-04", outcome: "refused" as const, askAgainOn: null, recordedAt: day(31) };
    expect(askAgainDue([second, first], "2024-05-01")).toBeNull();
  });
});
