import { randomUUID } from "node:crypto";
import { createClient } from "@libsql/client";
import type { Mutation } from "@naast/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan } from "../support/fixtures.ts";
import { teamServer } from "../support/team-server.ts";
import type { TestServer } from "../support/test-server.ts";

let server: TestServer;
let alice: ApiClient;

beforeAll(async () => {
  ({ server, alice } = await teamServer({ alice: "org-a" }));
});
afterAll(() => server?.stop());

const note = (clientId: string, text: string, id = randomUUID()): Mutation => ({
  id,
  name: "addNote",
  args: { id: `note-${randomUUID()}`, clientId, text, correctsNoteId: null },
});

async function sql(statement: string, args: (string | number)[] = []) {
  const db = createClient({ url: server.databaseUrl });
  try {
    return (await db.execute({ sql: statement, args })).rows;
  } finally {
    db.close();
  }
}

describe("An error inside one mutation is that mutation's rejection, never a 500 for the push", () => {
  it("an EPD id of 100 'é' (schema-valid) links the client under an id within the limit", async () => {
    const clientId = `client-${randomUUID()}`;
    const epdClientId = "é".repeat(100);
    const { results } = await alice.trpc.sync.push.mutate({
      clientGroupId: alice.clientGroupId,
      mutations: [{ id: randomUUID(), name: "createClient", args: { id: clientId, alias: "Eline", birthYear: 1988, epdClientId } }],
    });
    expect(results.map((r) => r.status)).toEqual(["applied"]);
    const links = await sql("select id, data from records where collection = 'epdLinks' and client_id = ?", [clientId]);
    expect(links).toHaveLength(1);
    expect(String(links[0]?.id).length).toBeLessThanOrEqual(300);
    expect(JSON.parse(String(links[0]?.data)).epdClientId).toBe(epdClientId);

    // The same EPD id finds the same link: a second client cannot take it.
    const again = await alice.push("createClient", { id: `client-${randomUUID()}`, alias: "Twee", birthYear: 1988, epdClientId });
    expect(again).toMatchObject({ status: "rejected" });
  });

  it("a client id of 300 characters (the limit) still gets her plan domains, under ids within the limit", async () => {
    const clientId = `c${"x".repeat(299)}`;
    expect(await alice.push("createClient", { id: clientId, alias: "Lang", birthYear: 1975, epdClientId: null })).toMatchObject({ status: "applied" });
    expect(await alice.push("updatePlanDomain", { clientId, domain: "housing", situation: "Bank bij een vriend.", goal: "Een kamer." })).toMatchObject({
      status: "applied",
    });
    const domains = await sql("select id from records where collection = 'planDomains' and client_id = ?", [clientId]);
    expect(domains.map((r) => String(r.id).length <= 300)).toEqual([true]);
  });

  it("a stored record the server cannot read fails only the mutation that reads it; the push answers 200 with the others applied", async () => {
    const good = await createClientWithPlan(alice);
    const broken = await createClientWithPlan(alice);
    // A row the current schema cannot read (say, written by another version of the server).
    await sql("update records set data = ? where collection = 'clients' and id = ?", [JSON.stringify({ id: broken, alias: 42 }), broken]);

    const mutations = [note(good, "Voor."), note(broken, "Over de kapotte."), note(good, "Na.")];
    const { results } = await alice.trpc.sync.push.mutate({ clientGroupId: alice.clientGroupId, mutations });

    expect(results).toEqual([
      { id: mutations[0]?.id, status: "applied" },
      { id: mutations[1]?.id, status: "rejected", kind: "failed", refusal: { code: "change.failed", params: {} } },
      { id: mutations[2]?.id, status: "applied" },
    ]);
    const texts = (await sql("select data from records where collection = 'notes' and client_id in (?, ?)", [good, broken])).map(
      (r) => JSON.parse(String(r.data)).text,
    );
    expect(texts).toEqual(expect.arrayContaining(["Voor.", "Na."]));
    expect(texts).not.toContain("Over de kapotte.");
  });
});

describe("A mutation id stands for one change", () => {
  it("the same id sent again with a different payload is refused as a conflict, and the first payload stands", async () => {
    const clientId = await createClientWithPlan(alice);
    const id = randomUUID();
    const first = note(clientId, "Het echte gesprek.", id);
    expect((await alice.trpc.sync.push.mutate({ clientGroupId: alice.clientGroupId, mutations: [first] })).results).toEqual([{ id, status: "applied" }]);

    const forged = note(clientId, "Iets anders, onder hetzelfde id.", id);
    const { results } = await alice.trpc.sync.push.mutate({ clientGroupId: alice.clientGroupId, mutations: [forged] });
    expect(results).toEqual([{ id, status: "rejected", kind: "conflict", refusal: { code: "change.id-reused", params: {} } }]);

    const texts = (await sql("select data from records where collection = 'notes' and client_id = ?", [clientId])).map((r) => JSON.parse(String(r.data)).text);
    expect(texts).toContain("Het echte gesprek.");
    expect(texts).not.toContain("Iets anders, onder hetzelfde id.");
  });

  it("the same id with the same payload, its keys in another order, is a replay answered 'applied'", async () => {
    const clientId = await createClientWithPlan(alice);
    const id = randomUUID();
    const args = { id: `note-${randomUUID()}`, clientId, text: "Eén keer.", correctsNoteId: null };
    await alice.trpc.sync.push.mutate({ clientGroupId: alice.clientGroupId, mutations: [{ id, name: "addNote", args }] });
    const reordered = { correctsNoteId: null, text: args.text, clientId, id: args.id };
    const { results } = await alice.trpc.sync.push.mutate({ clientGroupId: alice.clientGroupId, mutations: [{ id, name: "addNote", args: reordered }] });
    expect(results).toEqual([{ id, status: "applied" }]);
  });
});
