import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.ts";
import { Replica } from "../support/replica.ts";
import { startTestServer, type TestServer } from "../support/test-server.ts";

describe("push applies each mutation once and every device converges", () => {
  let server: TestServer;
  let colleagues: ApiClient[];

  beforeAll(async () => {
    server = await startTestServer();
    await server.addOrganisation("org-a");
    colleagues = [];
    for (let i = 0; i < 5; i++) colleagues.push(await (await server.addUser(`cm${i}`, "org-a")).signIn());
  });
  afterAll(() => server.stop());

  it("applies a mutation pushed twice with the same id once, and acknowledges the replay", async () => {
    const [first] = colleagues;
    if (!first) throw new Error("no colleague");
    const clientId = `client-${randomUUID()}`;
    await first.push("createClient", { id: clientId, alias: "Kim", birthYear: 2001, epdClientId: null });
    const noteMutation = { id: randomUUID(), name: "addNote" as const, args: { id: randomUUID(), clientId, text: "Eén keer", correctsNoteId: null } };
    const once = await first.trpc.sync.push.mutate({ clientGroupId: first.clientGroupId, mutations: [noteMutation] });
    const again = await first.trpc.sync.push.mutate({ clientGroupId: first.clientGroupId, mutations: [noteMutation] });
    expect(once.results).toEqual([{ id: noteMutation.id, status: "applied" }]);
    expect(again.results).toEqual([{ id: noteMutation.id, status: "applied" }]);
    const device = new Replica().apply(await first.pull());
    expect(device.of("notes", clientId).map((n) => n.text)).toEqual(["Eén keer"]);
  });

  it("applies 1,000 mutations pushed by five devices at once, and a pull from scratch holds exactly the result", async () => {
    const clientId = `client-${randomUUID()}`;
    const [first] = colleagues;
    if (!first) throw new Error("no colleague");
    await first.push("createClient", { id: clientId, alias: "Sandra", birthYear: 1984, epdClientId: null });
    const expected = new Set<string>();
    await Promise.all(
      colleagues.map(async (device, d) => {
        for (let batch = 0; batch < 4; batch++) {
          const mutations = Array.from({ length: 50 }, (_, i) => {
            const text = `device ${d} batch ${batch} note ${i}`;
            expected.add(text);
            return { id: randomUUID(), name: "addNote", args: { id: randomUUID(), clientId, text, correctsNoteId: null } };
          });
          const { results } = await device.trpc.sync.push.mutate({ clientGroupId: device.clientGroupId, mutations });
          expect(results.every((r) => r.status === "applied")).toBe(true);
        }
      }),
    );
    expect(expected.size).toBe(1000);
    const fresh = { ...first, cursor: null, clientGroupId: `cg-${randomUUID()}` };
    const device = new Replica().apply(await first.trpc.sync.pull.query({ clientGroupId: fresh.clientGroupId, cursor: null }));
    const texts = device.of("notes", clientId).map((n) => n.text);
    expect(texts).toHaveLength(1000);
    expect(new Set(texts)).toEqual(expected);
  }, 120_000); // generous: two cores shared with other work

  it("brings an existing device to the same state by deltas as a new device gets in one go", async () => {
    const [a, b] = colleagues;
    if (!a || !b) throw new Error("no colleagues");
    const incremental = new Replica().apply(await b.pull());
    const clientId = `client-${randomUUID()}`;
    await a.push("createClient", { id: clientId, alias: "Esther", birthYear: 1975, epdClientId: null });
    incremental.apply(await b.pull());
    await a.push("updatePlanDomain", { clientId, domain: "finances", situation: "Schulden" });
    await b.push("updatePlanDomain", { clientId, domain: "finances", goal: "Budgetbeheer" });
    incremental.apply(await b.pull());
    const whole = new Replica().apply(await b.trpc.sync.pull.query({ clientGroupId: `cg-${randomUUID()}`, cursor: null }));
    const normalise = (r: Replica) => JSON.stringify([...r.records.entries()].sort(([x], [y]) => x.localeCompare(y)));
    expect(normalise(incremental)).toEqual(normalise(whole));
    // Last writer wins per field: both colleagues' fields survive.
    expect(whole.of("planDomains", clientId)[0]).toMatchObject({ situation: "Schulden", goal: "Budgetbeheer" });
  });
});
