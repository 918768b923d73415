import { protocolVersion } from "@naast/shared";
import { signIn } from "../support/api.ts";
import type { LoadResult } from "./load.ts";
import { load } from "./load.ts";
import { percentile } from "./stats.ts";
import { benchEmail, benchPassword, colleagueEmails, ownClientIds, type RunningWorld } from "./world.ts";

export interface ServerRun {
  storedChanges: number;
  empty: LoadResult;
  pull: LoadResult;
}

/**
 * In one server run: the empty procedure (`ping`, the framework's floor) and small-delta pulls
 * (every request asks for the same few changes since one cursor), both with autocannon.
 */
export async function pullAndFloor(running: RunningWorld, storedChanges: number, seconds: number): Promise<ServerRun> {
  const { server, user, deltaCursor } = running;
  const empty = await load({ url: `${server.url}/trpc/ping`, seconds });
  const input = encodeURIComponent(JSON.stringify({ protocolVersion, clientGroupId: user.clientGroupId, cursor: deltaCursor }));
  const pull = await load({ url: `${server.url}/trpc/sync.pull?input=${input}`, headers: { authorization: `Bearer ${user.token}` }, seconds });
  for (const [name, r] of [
    ["empty", empty],
    ["pull", pull],
  ] as const) {
    if (r.errors > 0 || r.non2xx > 0) throw new Error(`${name} at ${storedChanges} changes: ${r.errors} errors, ${r.non2xx} non-2xx answers`);
  }
  return { storedChanges, empty, pull };
}

export interface PullsWithWritesResult {
  users: number;
  seconds: number;
  pulls: number;
  perSecond: number;
  p50: number;
  p99: number;
  writes: number;
  writesPerSecond: number;
  /** Records delivered per pull, on average: each pull has new changes to deliver. */
  deliveredPerPull: number;
}

/**
 * The pull as devices meet it, not its best case: several users of one organisation (five
 * devices, each its own client group and cursor, pulling again as soon as the last answer came
 * and moving its cursor on as the extension does), while a sixth device writes to their clients'
 * records every `writeEveryMs` (setClientStatus: a client record, so it stamps the access version
 * and every user's kept visible set is recomputed at her next pull; the set does not grow).
 */
export async function pullsWithWrites(running: RunningWorld, seconds: number, writeEveryMs = 10): Promise<PullsWithWritesResult> {
  const url = running.server.url;
  const users = await Promise.all([benchEmail, ...colleagueEmails].map((email) => signIn(url, email, benchPassword)));
  const writer = await signIn(url, benchEmail, benchPassword);
  for (const user of users) await user.pull(); // each device starts from its own full pull
  const latencies: number[] = [];
  let delivered = 0;
  let writes = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const device = async (user: (typeof users)[number]) => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const response = await user.pull();
      latencies.push(performance.now() - t0);
      delivered += response.puts.length;
    }
  };
  const writing = async () => {
    let next = performance.now();
    while (performance.now() < deadline) {
      const clientId = ownClientIds[writes % ownClientIds.length] ?? "own-client-0";
      const result = await writer.push("setClientStatus", { clientId, status: "active" });
      if (result.status !== "applied") throw new Error(`bench write rejected: ${JSON.stringify(result.refusal)}`);
      writes += 1;
      next += writeEveryMs;
      const wait = next - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  };
  await Promise.all([...users.map(device), writing()]);
  const elapsed = (performance.now() - started) / 1000;
  return {
    users: users.length,
    seconds: elapsed,
    pulls: latencies.length,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    writes,
    writesPerSecond: writes / elapsed,
    deliveredPerPull: delivered / Math.max(1, latencies.length),
  };
}
