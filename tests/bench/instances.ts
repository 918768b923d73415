import { protocolVersion } from "@naast/shared";
import { startServerProcess } from "../support/server-process.ts";
import { type LoadResult, load } from "./load.ts";
import { type PushLoadResult, pushLoad } from "./push-throughput.ts";
import { type RunningWorld, serveWorld, type World } from "./world.ts";

/** Small-delta pulls as figure 4 takes them, spread over several server processes at once. */
async function pullLoad(urls: string[], running: RunningWorld, seconds: number): Promise<LoadResult> {
  const { user, deltaCursor } = running;
  const input = encodeURIComponent(JSON.stringify({ protocolVersion, clientGroupId: user.clientGroupId, cursor: deltaCursor }));
  const connections = Math.max(1, Math.round(10 / urls.length));
  const results = await Promise.all(
    urls.map((url) => load({ url: `${url}/trpc/sync.pull?input=${input}`, headers: { authorization: `Bearer ${user.token}` }, seconds, connections })),
  );
  for (const r of results)
    if (r.errors > 0 || r.non2xx > 0) throw new Error(`pull on ${urls.length} instances: ${r.errors} errors, ${r.non2xx} non-2xx answers`);
  return {
    perSecond: results.reduce((sum, r) => sum + r.perSecond, 0),
    p50: Math.max(...results.map((r) => r.p50)),
    p99: Math.max(...results.map((r) => r.p99)),
    requests: results.reduce((sum, r) => sum + r.requests, 0),
    errors: 0,
    non2xx: 0,
    seconds: Math.max(...results.map((r) => r.seconds)),
  };
}

/**
 * The same pulls (same device, cursor and delta; 10 connections in all, 5 to each) through two
 * server processes on the one database file, each with its own session and visible-set caches and
 * audit appender: what a second instance adds on this machine. Run right after figure 4's pulls,
 * before anything is written that would grow the delta.
 */
export async function pullOnTwoInstances(world: World, running: RunningWorld, seconds: number): Promise<LoadResult> {
  const second = await startServerProcess(world.databaseUrl);
  try {
    return await pullLoad([running.server.url, second.url], running, seconds);
  } finally {
    await second.stop();
  }
}

export interface DurabilityRun {
  synchronous: "normal";
  pull: LoadResult;
  push: PushLoadResult;
}

/**
 * The server again on the same file with `DATABASE_SYNCHRONOUS=normal` (no sync to disk at each
 * commit; docs/decisions/0015), a fresh 5-change delta, then figure 4's pulls and figure 5's ten
 * pushing devices: set beside the same figures with the default `full`, the durability's cost.
 */
export async function withoutSyncAtCommit(world: World, seconds: number): Promise<DurabilityRun> {
  const running = await serveWorld(world, 5, [], { DATABASE_SYNCHRONOUS: "normal" });
  try {
    const pull = await pullLoad([running.server.url], running, seconds);
    const push = await pushLoad(running.server.url, running.user.token, 10, seconds);
    return { synchronous: "normal", pull, push };
  } finally {
    await running.server.stop();
  }
}
