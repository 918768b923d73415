import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { protocolVersion } from "@naast/shared";
import { type LoadResult, load } from "./load.ts";
import { buildWorld, serveWorld } from "./world.ts";

/**
 * Figure 4's small-delta pulls and figure 8's empty procedure against one server on a 1k world,
 * with the server's CPU time per request (from /proc, Linux): on a loaded machine a steadier
 * measure than throughput. For working on the pull, not part of `pnpm bench`:
 *
 *   cd tests && npx tsx bench/profile-pull.ts
 *   PROFILE=1 PULL_ONLY=1 npx tsx bench/profile-pull.ts   # and a CPU profile of the server (--cpu-prof)
 *
 * PROFILE_SECONDS (default 8) per measured load, after as long a warm-up;
 * DATABASE_SYNCHRONOUS=normal to try the server without the sync to disk at each commit.
 */
const seconds = Number(process.env.PROFILE_SECONDS ?? 8);
const profile = process.env.PROFILE === "1";
const world = await buildWorld(1_000);
const dir = mkdtempSync(join(tmpdir(), "naast-prof-"));
const env: Record<string, string> = process.env.DATABASE_SYNCHRONOUS ? { DATABASE_SYNCHRONOUS: process.env.DATABASE_SYNCHRONOUS } : {};
const running = await serveWorld(world, 5, profile ? ["--cpu-prof", `--cpu-prof-dir=${dir}`] : [], env);
const { server, user, deltaCursor } = running;
const cpuMs = () => {
  const fields = readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in 1/100 s
};
const measured = async (run: () => Promise<LoadResult>) => {
  await run(); // warm-up
  const before = cpuMs();
  const result = await run();
  return { ...result, cpuMsPerRequest: (cpuMs() - before) / Math.max(1, result.requests) };
};
const empty = process.env.PULL_ONLY ? null : await measured(() => load({ url: `${server.url}/trpc/ping`, seconds, warmupSeconds: 0 }));
const input = encodeURIComponent(JSON.stringify({ protocolVersion, clientGroupId: user.clientGroupId, cursor: deltaCursor }));
const pull = await measured(() =>
  load({ url: `${server.url}/trpc/sync.pull?input=${input}`, headers: { authorization: `Bearer ${user.token}` }, seconds, warmupSeconds: 0 }),
);
const line = (name: string, r: typeof pull) =>
  `${name.padEnd(6)} ${r.perSecond.toFixed(0).padStart(6)}/s  p99 ${String(r.p99).padStart(5)} ms  CPU ${r.cpuMsPerRequest.toFixed(2)} ms/request`;
if (empty) console.log(line("empty", empty));
console.log(line("pull", pull));
if (empty)
  console.log(`pull / empty: ${(pull.perSecond / empty.perSecond).toFixed(2)} × (CPU: ${(empty.cpuMsPerRequest / pull.cpuMsPerRequest).toFixed(2)} ×)`);
await server.stop();
world.remove();
// The main thread's profile (tsx's loader thread writes one too).
if (profile) for (const file of readdirSync(dir)) console.log("profile:", join(dir, file));
