import { describe, expect, it } from "vitest";
import { acting, day, organisations, type PersonName, people } from "../testing/fixtures.ts";
import type { MemoryStore } from "../testing/memory-store.ts";
import { consentArgs, expectRejected, handoverArgs, stapteam, validArgs } from "../testing/stapteam.ts";
import type { Mutator } from "./define.ts";
import { mayRun, type RunFacts } from "./may-run.ts";
import { type MutatorName, mutators } from "./registry.ts";

/** What the panel knows when it asks: the device's copy of the client, her consents, the directory. */
function factsOf(store: MemoryStore, who: PersonName, now: string, clientId = "anna"): RunFacts {
  const client = store.get("clients", clientId);
  const holder = client && Object.values(organisations).find((o) => o.id === client.ownerOrganisationId);
  return { user: acting(who, now).user, now, client, consents: store.all("consentEvents").filter((c) => c.clientId === clientId), holderName: holder?.name };
}

/** The codes a change is refused with before it runs: the role, and what it requires of the client. */
const beforeRunning = /^(access\.|client\.(closed|exists|not-found)$)/;

describe("mayRun: the panel asks what the server applies", () => {
  it("for every mutator and every colleague, says no exactly when running it is refused before it runs, with the same refusal", async () => {
    const now = day(1);
    for (const name of Object.keys(mutators) as MutatorName[]) {
      const mutator: Mutator = mutators[name];
      for (const who of Object.keys(people) as PersonName[]) {
        const store = await stapteam();
        await store.run(mutators.recordConsent, consentArgs({ categories: ["housing", "agreements", "handovers", "notes"] }), acting("fatima"));
        const requirement = mutator.requires(validArgs[name]);
        const clientId = requirement.kind === "organisation" ? "none" : requirement.clientId;
        const answer = mayRun(mutator, validArgs[name], factsOf(store, who, now, clientId));
        const ran = await store.run(mutator, validArgs[name], acting(who, now)).then(
          () => null,
          (error: { refusal?: { code: string; params: unknown } }) => error.refusal ?? { code: "thrown", params: {} },
        );
        if (answer.ok) expect(ran?.code ?? "ran", `${name} by ${who}`).not.toMatch(beforeRunning);
        else expect(ran, `${name} by ${who}`).toEqual({ code: answer.refusal.refusal.code, params: answer.refusal.refusal.params });
      }
    }
  });

  it("names the holder by name when only the holder may, as the server does", async () => {
    const store = await stapteam();
    await store.run(mutators.recordConsent, consentArgs({ categories: ["housing"] }), acting("fatima"));
    const answer = mayRun(mutators.setClientStatus, validArgs.setClientStatus, factsOf(store, "sanne", day(1)));
    expect(answer).toMatchObject({ ok: false, refusal: { refusal: { code: "access.holder-only", params: { client: "Anna", holder: "Iriszorg" } } } });
  });
});

describe("a closed client", () => {
  const closure = handoverArgs({ id: "h-close", kind: "closure", toOrganisationId: null });

  it("is not handed over until she is reopened: the mutator refuses, names her, and stores nothing", async () => {
    const store = await stapteam();
    await store.run(mutators.setClientStatus, { clientId: "anna", status: "closed", reason: null }, acting("fatima", day(1)));
    const before = store.snapshot();
    await expectRejected(store.run(mutators.startHandover, handoverArgs(), acting("fatima", day(2))), "conflict", "client.closed", { client: "Anna" });
    expect(store.snapshot()).toBe(before);
    expect(mayRun(mutators.startHandover, handoverArgs(), factsOf(store, "fatima", day(2)))).toMatchObject({ ok: false });
    await store.run(mutators.setClientStatus, { clientId: "anna", status: "active" }, acting("fatima", day(3)));
    expect(mayRun(mutators.startHandover, handoverArgs(), factsOf(store, "fatima", day(3)))).toMatchObject({ ok: true });
    await store.run(mutators.startHandover, handoverArgs(), acting("fatima", day(3)));
  });

  it("keeps the handover that closed her correctable (leaving Naast another way)", async () => {
    const store = await stapteam();
    await store.run(mutators.startHandover, closure, acting("fatima", day(1)));
    expect(store.get("clients", "anna")?.status).toBe("closed");
    const correction = handoverArgs({
      id: "h-fix",
      kind: "other-municipality",
      toOrganisationId: null,
      toExternal: "Gemeente Arnhem",
      correctsHandoverId: "h-close",
    });
    expect(mayRun(mutators.startHandover, correction, factsOf(store, "fatima", day(2)))).toMatchObject({ ok: true });
    await store.run(mutators.startHandover, correction, acting("fatima", day(2)));
  });
});
