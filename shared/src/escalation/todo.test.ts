import { describe, expect, it } from "vitest";
import { canAccess } from "../consent/can-access.ts";
import { mutators } from "../mutators/registry.ts";
import type { ClientOverview } from "../overview/summary.ts";
import { defaultOverviewSettings, toDo } from "../overview/todo.ts";
import { acting, day, type PersonName, sessionUser } from "../testing/fixtures.ts";
import type { MemoryStore } from "../testing/memory-store.ts";
import { escalateArgs, stapteam, validArgs } from "../testing/stapteam.ts";

/** What this person's device holds: the clients and escalations canAccess lets through, nothing else. */
function deviceOf(store: MemoryStore, name: PersonName, now: string): ClientOverview[] {
  const user = sessionUser(name);
  return store
    .all("clients")
    .filter((client) => canAccess(user, client, "escalations", [], now).allowed)
    .map((client) => ({
      client,
      consentEvents: [],
      agreements: [],
      lastContactAt: null,
      handovers: [],
      handoverEvents: [],
      escalations: store.all("escalations").filter((e) => e.clientId === client.id),
    }));
}

const items = (store: MemoryStore, name: PersonName, now: string) =>
  toDo(deviceOf(store, name, now), { user: sessionUser(name), now, settings: defaultOverviewSettings })
    .filter((i) => i.source.startsWith("escalation"))
    .map((i) => [i.source, i.day]);

describe("Te doen of opschalingen", () => {
  it("shows Ruud a new escalation, then an overdue answer; Fatima the overdue answer too, then the answer until she read it", async () => {
    const store = await stapteam();
    await store.run(mutators.escalate, escalateArgs(), acting("fatima", day(0)));
    expect(items(store, "ruud", day(1))).toEqual([["escalation-new", "2024-03-04"]]);
    expect(items(store, "fatima", day(1))).toEqual([]);
    await store.run(mutators.takeUpEscalation, validArgs.takeUpEscalation, acting("ruud", day(1)));
    expect(items(store, "ruud", day(2))).toEqual([]);
    // Ten working days on, the answer is due on 18 March; on the 19th it is overdue for both.
    expect(items(store, "ruud", day(15))).toEqual([["escalation-overdue", "2024-03-18"]]);
    expect(items(store, "fatima", day(15))).toEqual([["escalation-overdue", "2024-03-18"]]);
    expect(items(store, "sanne", day(15))).toEqual([]);
    await store.run(mutators.answerEscalation, validArgs.answerEscalation, acting("ruud", day(16)));
    expect(items(store, "ruud", day(16))).toEqual([]);
    expect(items(store, "fatima", day(16))).toEqual([["escalation-answered", "2024-03-20"]]);
    await store.run(mutators.markEscalationAnswerRead, validArgs.markEscalationAnswerRead, acting("fatima", day(17)));
    expect(items(store, "fatima", day(17))).toEqual([]);
  });
});
