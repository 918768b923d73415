import { randomUUID } from "node:crypto";
import { createClient } from "@libsql/client";
import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminChange } from "../../server/src/directory/admin.ts";
import { deactivateUser } from "../../server/src/directory/deactivate.ts";
import type { ApiClient } from "../support/api.ts";
import { createClientWithPlan, grantConsent, thePlan } from "../support/fixtures.ts";
import { Replica } from "../support/replica.ts";
import { type Cluster, startCluster } from "./support.ts";

/** Why a call was refused: the session status a refusal carries (see server/src/trpc.ts). */
async function sessionRefusal(call: Promise<unknown>) {
  try {
    await call;
  } catch (error) {
    if (error instanceof TRPCClientError) return error.data?.session as string | undefined;
    throw error;
  }
  throw new Error("the call was not refused");
}

/** Listens to an instance's live stream; resolves `next()` with the time the next "changed" arrived. */
async function listen(url: string, token: string) {
  const controller = new AbortController();
  const response = await fetch(`${url}/events`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  if (!response.body) throw new Error("no stream");
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const events: { event: string; at: number }[] = [];
  let buffered = "";
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffered += value;
      for (let end = buffered.indexOf("\n\n"); end >= 0; end = buffered.indexOf("\n\n")) {
        const event = /^event: (.*)$/m.exec(buffered.slice(0, end))?.[1];
        if (event) events.push({ event, at: performance.now() });
        buffered = buffered.slice(end + 2);
      }
    }
  })();
  const waitFor = async (event: string, after: number, withinMs: number) => {
    const deadline = performance.now() + withinMs;
    for (;;) {
      const found = events.find((e) => e.event === event && e.at >= after);
      if (found) return found.at;
      if (performance.now() > deadline) return null;
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  await waitFor("ready", 0, 10_000);
  return {
    waitFor,
    async close() {
      controller.abort();
      await reading;
    },
  };
}

describe("what one instance keeps in memory stays true when another instance writes", () => {
  let cluster: Cluster;
  let owner: ApiClient;
  let colleague: ApiClient;
  let clientId: string;
  let consentId: string;

  beforeAll(async () => {
    cluster = await startCluster(2, ["org-a", "org-b"]);
    owner = await cluster.device(await cluster.addUser("a1", "org-a"), 0);
    colleague = await cluster.device(await cluster.addUser("b1", "org-b"), 1);
    clientId = await createClientWithPlan(owner);
    consentId = await grantConsent(owner, clientId, ["org-b"], [...thePlan, "notes"]);
  }, 120_000);
  afterAll(() => cluster.stop());

  it("purges a client on a device pulling from B at its next pull after her consent was withdrawn through A", async () => {
    const device = new Replica().apply(await colleague.pull());
    expect(device.of("clients").map((c) => c.id)).toContain(clientId);
    // B has her visible set in memory now; a pull with nothing new keeps it.
    device.apply(await colleague.pull());
    const withdrawal = await owner.push("withdrawConsent", {
      id: randomUUID(),
      clientId,
      consentId,
      organisations: null,
      categories: null,
      reason: "Cliënt trekt toestemming in",
    });
    expect(withdrawal.status).toBe("applied");
    const after = await colleague.pull();
    expect(after.purges.map((p) => p.clientId)).toContain(clientId);
    device.apply(after);
    expect(device.records.size > 0 && [...device.records.values()].some((r) => r.clientId === clientId)).toBe(false);
  }, 60_000);

  it("tells a device listening on B about a change pushed through A within a second", async () => {
    const ownClient = await createClientWithPlan(owner);
    const listener = await listen(cluster.instances[1]?.url ?? "", (await cluster.device("a1@test.naast", 1)).token);
    try {
      const latencies: number[] = [];
      for (let i = 0; i < 5; i++) {
        const sent = performance.now();
        await owner.push("addNote", { id: randomUUID(), clientId: ownClient, text: `via A ${i}`, correctsNoteId: null });
        const heard = await listener.waitFor("changed", sent, 5_000);
        expect(heard, `change ${i} heard on B`).not.toBeNull();
        latencies.push((heard ?? Number.POSITIVE_INFINITY) - sent);
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(Math.max(...latencies)).toBeLessThan(1_000);
    } finally {
      await listener.close();
    }
  }, 60_000);

  it("refuses on B a session signed out through A", async () => {
    const device = await cluster.device("b1@test.naast", 0);
    const onB = cluster.through(device, 1);
    await onB.pull();
    await device.trpc.auth.logout.mutate();
    await expect(onB.pull()).rejects.toThrow(/signed out/);
  }, 60_000);

  // Each instance keeps sessions in memory between requests (auth/sessions.ts SessionCache); these
  // check that what another writer does to a session or a person counts at B's very next request.
  it("refuses at once on B a user deactivated beside it (the CLI's code), though B had just served her", async () => {
    const email = await cluster.addUser(`leaver-${randomUUID().slice(0, 8)}`, "org-b");
    const device = await cluster.device(email, 1);
    await device.pull();
    await device.pull(); // B has her session and person in memory now
    await deactivateUser(cluster.admin, device.userId, { userId: null, accessPoint: "cli" });
    expect(await sessionRefusal(device.pull())).toBe("inactive");
    expect(await sessionRefusal(device.trpc.auth.me.query())).toBe("inactive");
  }, 60_000);

  it("refuses on B a session revoked straight in the database, and follows a role changed beside it", async () => {
    const email = await cluster.addUser(`mover-${randomUUID().slice(0, 8)}`, "org-b");
    const device = await cluster.device(email, 1);
    expect((await device.trpc.auth.me.query()).user.role).toBe("casemanager");
    // A person's record changed by another writer: B's next request sees her new role.
    await adminChange(cluster.admin, "admin.test.changeRole", "cli", async (records) => {
      const person = await records.get("people", device.userId);
      if (!person) throw new Error("no person record");
      await records.put("people", { ...person, role: "coordinator" });
      return undefined;
    });
    expect((await device.trpc.auth.me.query()).user.role).toBe("coordinator");
    // An operator ending every session by hand, no server code involved: the triggers of
    // migration 0011 raise the session version all the same.
    const db = createClient({ url: cluster.databaseUrl });
    try {
      await db.execute({ sql: "update sessions set revoked_at = ? where user_id = ?", args: [new Date().toISOString(), device.userId] });
    } finally {
      db.close();
    }
    expect(await sessionRefusal(device.trpc.auth.me.query())).toBe("revoked");
  }, 60_000);
});
