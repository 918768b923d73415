import { randomUUID } from "node:crypto";
import { createClient } from "@libsql/client";
import type { Mutation, PullResponse } from "@naast/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiClient } from "../support/api.ts";
import { grantConsent, thePlan } from "../support/fixtures.ts";
import { Replica } from "../support/replica.ts";
import { runCli, startServerProcess } from "../support/server-process.ts";
import { type Cluster, notes, startCluster } from "./support.ts";

/** A device that keeps every note a delta pull brought it, counting repeats, and its cursor heads. */
class Watcher {
  readonly received = new Map<string, number>();
  readonly heads: number[] = [];
  readonly replica = new Replica();
  constructor(public device: ApiClient) {}

  async pull(): Promise<PullResponse> {
    const response = await this.device.pull();
    if (this.heads.length > 0) expect(response.reset, "a delta pull never resets").toBe(false);
    this.heads.push(Number(response.cursor.split(".")[0]));
    this.replica.apply(response);
    for (const put of response.puts) if (put.collection === "notes") this.received.set(put.id, (this.received.get(put.id) ?? 0) + 1);
    return response;
  }
}

const rows = async (databaseUrl: string, sql: string, args: (string | number)[] = []) => {
  const db = createClient({ url: databaseUrl });
  try {
    return (await db.execute({ sql, args })).rows;
  } finally {
    db.close();
  }
};

describe("three server instances on one database file serialise every write in the database", () => {
  let cluster: Cluster;
  let clientId: string;
  const emails: string[] = [];
  let reader: string;

  beforeAll(async () => {
    cluster = await startCluster(3, ["org-a", "org-b"]);
    for (const id of ["a1", "a2", "a3"]) emails.push(await cluster.addUser(id, "org-a"));
    reader = await cluster.addUser("b1", "org-b");
    const owner = await cluster.device(emails[0] ?? "", 0);
    clientId = `client-${randomUUID()}`;
    await owner.push("createClient", { id: clientId, alias: "Sandra", birthYear: 1984, epdClientId: null });
    await grantConsent(owner, clientId, ["org-b"], [...thePlan, "notes"]);
  }, 120_000);
  afterAll(() => cluster.stop());

  it("applies hundreds of concurrent mutations through all three once each, in one change sequence and one audit chain", async () => {
    // Six devices of three colleagues, each on its own instance; a reader of another organisation on a third.
    const writers: Watcher[] = [];
    for (let d = 0; d < 6; d++) writers.push(new Watcher(await cluster.device(emails[d % 3] ?? "", d)));
    const watcher = new Watcher(await cluster.device(reader, 2));
    for (const w of [...writers, watcher]) await w.pull();

    const acknowledged = new Set<string>();
    let writing = true;
    const push = async (device: ApiClient, mutations: Mutation[]) => {
      const { results } = await device.trpc.sync.push.mutate({ clientGroupId: device.clientGroupId, mutations });
      for (const r of results) expect(r.status, JSON.stringify(r)).toBe("applied");
      return results;
    };
    const work = writers.map(async (writer, d) => {
      for (let batch = 0; batch < 5; batch++) {
        const mutations = notes(clientId, `device ${d} batch ${batch}`, 10);
        // The same push sent at once through the next instance too (a retry after a timeout, a
        // load balancer's replay): both are acknowledged, the notes are applied once.
        await Promise.all([push(writer.device, mutations), push(cluster.through(writer.device, d + 1), mutations)]);
        for (const m of mutations) acknowledged.add((m.args as { id: string }).id);
        await writer.pull();
      }
    });
    // The reader pulls all along, and the admin side (the CLI's code) writes beside the servers.
    const reading = (async () => {
      while (writing) {
        await watcher.pull();
        await new Promise((r) => setTimeout(r, 30));
      }
    })();
    const adminWrites = (async () => {
      for (let i = 0; i < 3; i++) await cluster.addUser(`late-${i}`, "org-b");
    })();
    await Promise.all([...work, adminWrites]);
    writing = false;
    await reading;

    expect(acknowledged.size).toBe(300);
    for (const w of [...writers, watcher]) {
      await w.pull();
      const missing = [...acknowledged].filter((id) => !w.received.has(id));
      expect(missing, "every acknowledged note reaches every device").toEqual([]);
      expect(
        [...w.received.values()].every((n) => n === 1),
        "each note comes once, by delta",
      ).toBe(true);
      expect(
        w.heads.every((h, i) => i === 0 || h >= (w.heads[i - 1] ?? 0)),
        "a device's cursor never goes back",
      ).toBe(true);
    }

    // One change sequence: each applied mutation has its own version, and the head is the last.
    const [stamped] = await rows(
      cluster.databaseUrl,
      "select count(*) n, count(distinct version) v from records where collection = 'notes' and client_id = ?",
      [clientId],
    );
    expect(stamped).toMatchObject({ n: 300, v: 300 });
    const [head] = await rows(cluster.databaseUrl, "select (select seq from sync_state where id = 1) head, (select max(version) from records) top");
    expect(head?.head).toBe(head?.top);
    // One audit row per applied note: the replays were answered from the record, not applied again.
    const [audited] = await rows(cluster.databaseUrl, "select count(*) n from audit_log where event = 'addNote' and client_id = ? and outcome = 'ok'", [
      clientId,
    ]);
    expect(audited?.n).toBe(300);
    const verified = await runCli(cluster.databaseUrl, ["verify-audit"]);
    expect(verified.output).toContain("audit chain intact");
    expect(verified.code).toBe(0);
  }, 300_000);

  it("loses nothing acknowledged when one instance is killed in the middle of pushes", async () => {
    const devices = await Promise.all([0, 1, 2].map((i) => cluster.device(emails[i] ?? "", i)));
    const acknowledged = new Set<string>();
    const unanswered = new Map<ApiClient, Mutation[]>();
    let stop = false;
    const pushing = devices.map(async (device, d) => {
      for (let batch = 0; !stop; batch++) {
        const mutations = notes(clientId, `crash ${d} batch ${batch}`, 5);
        try {
          const { results } = await device.trpc.sync.push.mutate({ clientGroupId: device.clientGroupId, mutations });
          expect(results.every((r) => r.status === "applied")).toBe(true);
          for (const m of mutations) acknowledged.add((m.args as { text: string }).text);
        } catch {
          unanswered.set(device, mutations); // its instance is gone: the outbox keeps them
          return;
        }
      }
    });
    const killed = cluster.instances[1];
    if (!killed) throw new Error("no instance 1");
    while (acknowledged.size < 60) await new Promise((r) => setTimeout(r, 10));
    await killed.kill();
    await new Promise((r) => setTimeout(r, 300));
    stop = true;
    await Promise.all(pushing);

    // The device of the dead instance sends its outbox again through a living one.
    for (const [device, mutations] of unanswered) {
      const { results } = await cluster.through(device, 0).trpc.sync.push.mutate({ clientGroupId: device.clientGroupId, mutations });
      for (const r of results) expect(r.status).toBe("applied");
      for (const m of mutations) acknowledged.add((m.args as { text: string }).text);
    }
    const replacement = await startServerProcess(cluster.databaseUrl);
    cluster.instances[1] = replacement;
    const fresh = new Replica().apply(await (await cluster.device(emails[0] ?? "", 1)).pull());
    const stored = fresh
      .of("notes", clientId)
      .map((n) => n.text)
      .filter((text) => text.startsWith("crash "));
    expect(
      [...acknowledged].filter((text) => !stored.includes(text)),
      "every acknowledged note is stored",
    ).toEqual([]);
    expect(new Set(stored).size, "and stored once").toBe(stored.length);
    const verified = await runCli(cluster.databaseUrl, ["verify-audit"]);
    expect(verified.output).toContain("audit chain intact");
  }, 300_000);
});
