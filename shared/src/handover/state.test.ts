import { describe, expect, it } from "vitest";
import { day, sessionUser } from "../testing/fixtures.ts";
import { handoverArgs } from "../testing/stapteam.ts";
import type { Handover, HandoverEvent } from "./schema.ts";
import { deriveHandovers, handoversAwaiting, openHandoverOf } from "./state.ts";

const handover = (id: string, overrides: Partial<Handover> = {}, at = day(1)): Handover => ({
  ...handoverArgs({ id }),
  fromUserId: "fatima",
  fromOrganisationId: "iriszorg",
  createdAt: at,
  ...overrides,
});
const event = (id: string, handoverId: string, type: "acknowledged" | "message" | "declined", at: string, by = "sanne"): HandoverEvent => {
  const base = { id, clientId: "anna", handoverId, by, byOrganisationId: "ldh", at };
  if (type === "message") return { ...base, type, text: "Vraag" };
  if (type === "declined") return { ...base, type, reason: "Nee" };
  return { ...base, type };
};

describe("deriveHandovers", () => {
  it("tells each handover's status, newest first", () => {
    const handovers = [
      handover("open", { clientId: "anna", toOrganisationId: "ldh" }, day(5)),
      handover("acked", { clientId: "anna" }, day(1)),
      handover("declined", { clientId: "anna" }, day(2)),
      handover("old", { clientId: "anna" }, day(3)),
      handover("correction", { clientId: "anna", correctsHandoverId: "old" }, day(4)),
      handover("left", { clientId: "anna", kind: "regular-care", toOrganisationId: null, toExternal: "Huisarts" }, day(0)),
    ];
    const events = [event("e1", "acked", "message", day(1)), event("e2", "acked", "acknowledged", day(2)), event("e3", "declined", "declined", day(3))];
    expect(deriveHandovers(handovers, events).map((s) => [s.handover.id, s.status])).toEqual([
      ["open", "open"],
      ["correction", "open"],
      ["old", "superseded"],
      ["declined", "declined"],
      ["acked", "acknowledged"],
      ["left", "completed"],
    ]);
  });

  it("keeps the thread in time order and the first outcome, whatever order the events arrive in", () => {
    const events = [
      event("e3", "h", "declined", day(4)),
      event("e2", "h", "message", day(3), "fatima"),
      event("e1", "h", "message", day(2)),
      event("e4", "h", "acknowledged", day(3)),
    ];
    const [state] = deriveHandovers([handover("h")], events);
    expect(state?.messages.map((m) => m.id)).toEqual(["e1", "e2"]);
    expect(state?.outcome?.id).toBe("e4");
    expect(state?.status).toBe("acknowledged");
  });

  it("an event of another client does not count for this handover", () => {
    const [state] = deriveHandovers([handover("h")], [{ ...event("e1", "h", "acknowledged", day(2)), clientId: "bo" }]);
    expect(state?.status).toBe("open");
  });
});

describe("openHandoverOf and handoversAwaiting", () => {
  const handovers = [
    handover("to-sanne", { clientId: "anna", kind: "colleague", toUserId: "sanne", toOrganisationId: "ldh" }),
    handover("to-ldh", { clientId: "bo", kind: "organisation", toUserId: null, toOrganisationId: "ldh" }),
    handover("to-ruud", { clientId: "cas", kind: "monitoring", toUserId: null, toOrganisationId: "gemeente" }),
    handover("done", { clientId: "dirk", kind: "organisation", toUserId: null, toOrganisationId: "ldh" }),
  ];
  const events = [event("e1", "done", "acknowledged", day(2))];
  events[0] = { ...events[0], clientId: "dirk" } as HandoverEvent;

  it("finds the client's open handover, or none", () => {
    expect(openHandoverOf("anna", handovers, events)?.handover.id).toBe("to-sanne");
    expect(openHandoverOf("dirk", handovers, events)).toBeNull();
    expect(openHandoverOf("eva", handovers, events)).toBeNull();
  });

  it("counts for a user what is addressed to her, or to her organisation without a person and of a kind her role takes", () => {
    const ids = (name: Parameters<typeof sessionUser>[0]) => handoversAwaiting(sessionUser(name), handovers, events).map((s) => s.handover.id);
    expect(ids("sanne")).toEqual(["to-sanne", "to-ldh"]);
    expect(ids("mirjam")).toEqual([]);
    expect(ids("ruud")).toEqual(["to-ruud"]);
    expect(ids("petra")).toEqual([]);
    expect(ids("fatima")).toEqual([]);
  });
});
