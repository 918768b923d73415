import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan } from "../support/fixtures.ts";
import { teamServer } from "../support/team-server.ts";
import type { TestServer } from "../support/test-server.ts";

/** A cursor's parts: `<seq>.<visible-set hash>[.<signature>]`. */
const partsOf = (cursor: string | null) => {
  const [seq = "", hash = "", mac = ""] = (cursor ?? "").split(".");
  return { seq, hash, mac };
};

describe("A pull cursor the server did not issue to this device is a fresh start, never a read from its position", () => {
  let server: TestServer;
  let alice: ApiClient;

  beforeAll(async () => {
    ({ server, alice } = await teamServer({ alice: "org-a" }));
    for (let i = 0; i < 3; i++) await createClientWithPlan(alice);
    await alice.pull();
    await createClientWithPlan(alice);
  });
  afterAll(() => server?.stop());

  const pullWith = (cursor: string, clientGroupId = alice.clientGroupId) => alice.trpc.sync.pull.query({ clientGroupId, cursor });

  it("the cursor it issued gives the changes since, not a reset", async () => {
    const response = await pullWith(alice.cursor ?? "");
    expect(response.reset).toBe(false);
    expect(response.puts.length).toBeGreaterThan(0);
  });

  it("her own visible-set hash with sequence 0 (every change since the beginning) is answered with a reset", async () => {
    const { hash } = partsOf(alice.cursor);
    expect((await pullWith(`0.${hash}`)).reset).toBe(true);
  });

  it("a signed cursor whose sequence number was changed is answered with a reset", async () => {
    const { hash, mac } = partsOf(alice.cursor);
    expect((await pullWith(`0.${hash}.${mac}`)).reset).toBe(true);
  });

  it("a cursor issued to another of her devices is answered with a reset", async () => {
    const other = `cg-${randomUUID()}`;
    const issued = await alice.trpc.sync.pull.query({ clientGroupId: other, cursor: null });
    expect((await pullWith(issued.cursor)).reset).toBe(true);
    expect((await pullWith(issued.cursor, other)).reset).toBe(false);
  });
});
