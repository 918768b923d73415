import { protocolVersion } from "@naast/shared";
import type { LoadResult } from "./load.ts";
import { load } from "./load.ts";
import type { RunningWorld } from "./world.ts";

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
