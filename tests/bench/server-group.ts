import { atLeast, atMost, figure, type GroupResult } from "./figures.ts";
import { figuresTimes } from "./figures-time.ts";
import { type DurabilityRun, pullOnTwoInstances, withoutSyncAtCommit } from "./instances.ts";
import type { LoadResult } from "./load.ts";
import { type PullsWithWritesResult, pullAndFloor, pullsWithWrites, type ServerRun } from "./pull-throughput.ts";
import { type PushLoadResult, pushLoad } from "./push-throughput.ts";
import { round } from "./stats.ts";
import { buildWorld, serveWorld } from "./world.ts";

const log = (message: string) => console.log(`  · ${message}`);

/**
 * Figures 4, 5 and 8 against the real server in its own process: pulls and the empty procedure
 * with 1,000 and with 1,000,000 stored changes (one server run each), pushes on the first.
 */
export async function serverGroup(options: { seconds: number; bigWorld: number }): Promise<GroupResult> {
  const runs: ServerRun[] = [];
  const withWrites: (PullsWithWritesResult & { storedChanges: number })[] = [];
  const worlds: Record<string, unknown>[] = [];
  let push: { single: PushLoadResult; concurrent: PushLoadResult } | null = null;
  const figuresMs: { storedChanges: number; times: number[] }[] = [];
  let twoInstances: LoadResult | null = null;
  let durability: DurabilityRun | null = null;
  for (const total of [1_000, options.bigWorld]) {
    log(`building a database with ${total.toLocaleString("en-US")} stored changes`);
    const world = await buildWorld(total);
    log(`built in ${(world.seedMs / 1000).toFixed(1)} s (${(world.fileBytes / 1e6).toFixed(0)} MB); serving it`);
    try {
      const running = await serveWorld(world);
      try {
        const run = await pullAndFloor(running, world.storedChanges, options.seconds);
        runs.push(run);
        log(
          `${world.storedChanges.toLocaleString("en-US")} changes: empty ${run.empty.perSecond.toFixed(0)}/s, pull ${run.pull.perSecond.toFixed(0)}/s (p99 ${run.pull.p99} ms)`,
        );
        if (twoInstances === null) {
          twoInstances = await pullOnTwoInstances(world, running, options.seconds);
          log(`the same pulls through 2 instances on one database: ${twoInstances.perSecond.toFixed(0)}/s (p99 ${twoInstances.p99} ms)`);
        }
        const mixed = await pullsWithWrites(running, options.seconds);
        withWrites.push({ storedChanges: world.storedChanges, ...mixed });
        log(
          `${world.storedChanges.toLocaleString("en-US")} changes, ${mixed.users} users pulling while writes come in (${mixed.writesPerSecond.toFixed(0)}/s): ${mixed.perSecond.toFixed(0)} pulls/s (p99 ${mixed.p99.toFixed(0)} ms)`,
        );
        const times = await figuresTimes(world, running);
        figuresMs.push({ storedChanges: world.storedChanges, times });
        log(`${world.storedChanges.toLocaleString("en-US")} changes: figures for a year in ${times.map((t) => t.toFixed(0)).join(", ")} ms`);
        if (push === null) {
          const single = await pushLoad(running.server.url, running.user.token, 1, options.seconds);
          const concurrent = await pushLoad(running.server.url, running.user.token, 10, options.seconds);
          push = { single, concurrent };
          log(`push: ${single.perSecond.toFixed(0)}/s single, ${concurrent.perSecond.toFixed(0)}/s with 10 clients`);
        }
        worlds.push({
          storedChanges: world.storedChanges,
          fileBytes: world.fileBytes,
          buildMs: round(world.seedMs, 0),
          bulkInsert: world.bulk,
          fullPullMs: round(running.fullPullMs, 0),
          fullPullRecords: running.fullPullRecords,
          deltaSize: running.deltaSize,
        });
      } finally {
        await running.server.stop();
      }
      if (durability === null) {
        durability = await withoutSyncAtCommit(world, options.seconds);
        log(
          `synchronous=normal: pull ${durability.pull.perSecond.toFixed(0)}/s (p99 ${durability.pull.p99} ms), push ${durability.push.perSecond.toFixed(0)}/s with 10 clients`,
        );
      }
    } finally {
      world.remove();
    }
  }
  const [small, big] = runs;
  const [smallMixed, bigMixed] = withWrites;
  if (!small || !big || !push || !smallMixed || !bigMixed || !twoInstances || !durability) throw new Error("server runs missing");
  const ratio = big.pull.perSecond > 0 ? small.pull.perSecond / big.pull.perSecond : Number.POSITIVE_INFINITY;
  const k = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1_000 ? `${Math.round(n / 1_000)}k` : String(n));
  const figures = [
    figure("4", `pull, ${k(small.storedChanges)} changes: throughput`, small.pull.perSecond, "/s", "≥ 2,000/s", atLeast(small.pull.perSecond, 2_000)),
    figure("4", `pull, ${k(small.storedChanges)} changes: p99 latency`, small.pull.p99, "ms", "≤ 50 ms", atMost(small.pull.p99, 50)),
    figure("4", `pull, ${k(big.storedChanges)} changes: throughput`, big.pull.perSecond, "/s", "≥ 2,000/s", atLeast(big.pull.perSecond, 2_000)),
    figure("4", `pull, ${k(big.storedChanges)} changes: p99 latency`, big.pull.p99, "ms", "≤ 50 ms", atMost(big.pull.p99, 50)),
    figure("4", `pull cost ${k(big.storedChanges)}/${k(small.storedChanges)} (throughput ratio)`, ratio, "×", "≤ 1.2", atMost(ratio, 1.2)),
    ...[smallMixed, bigMixed].flatMap((m) => [
      figure(
        "4",
        `pull, ${k(m.storedChanges)} changes, ${m.users} users, writes between pulls: throughput`,
        m.perSecond,
        "/s",
        "≥ 2,000/s",
        atLeast(m.perSecond, 2_000),
      ),
      figure("4", `pull, ${k(m.storedChanges)} changes, ${m.users} users, writes between pulls: p99 latency`, m.p99, "ms", "≤ 50 ms", atMost(m.p99, 50)),
    ]),
    ...figuresMs.map((f) => {
      const median = [...f.times].sort((a, b) => a - b)[Math.floor(f.times.length / 2)] ?? Number.NaN;
      return figure("9", `figures for a year (issue 16), ${k(f.storedChanges)} changes`, median, "ms", "≤ 2,000 ms", atMost(median, 2_000));
    }),
    figure("4", `pull, ${k(small.storedChanges)} changes, 2 instances on one database: throughput`, twoInstances.perSecond, "/s"),
    figure("4", "pull, 2 instances / 1 instance (throughput ratio)", twoInstances.perSecond / small.pull.perSecond, "×"),
    figure("4", `pull, ${k(small.storedChanges)} changes, synchronous=normal: throughput`, durability.pull.perSecond, "/s"),
    figure("4", "pull, durability's cost (synchronous full / normal throughput)", small.pull.perSecond / durability.pull.perSecond, "×"),
    figure("5", "push, 1 client", push.single.perSecond, "mutations/s"),
    figure("5", "push, 10 concurrent clients", push.concurrent.perSecond, "mutations/s"),
    figure("5", "push, 10 concurrent clients, synchronous=normal", durability.push.perSecond, "mutations/s"),
    figure("5", "push, durability's cost (synchronous full / normal throughput)", push.concurrent.perSecond / durability.push.perSecond, "×"),
    figure("8", `empty procedure, ${k(small.storedChanges)} changes`, small.empty.perSecond, "/s"),
    figure("8", `empty procedure, ${k(big.storedChanges)} changes`, big.empty.perSecond, "/s"),
    figure(
      "8",
      `pull / empty, ${k(small.storedChanges)} changes`,
      small.pull.perSecond / small.empty.perSecond,
      "×",
      "≥ 0.5",
      atLeast(small.pull.perSecond / small.empty.perSecond, 0.5),
    ),
    figure(
      "8",
      `pull / empty, ${k(big.storedChanges)} changes`,
      big.pull.perSecond / big.empty.perSecond,
      "×",
      "≥ 0.5",
      atLeast(big.pull.perSecond / big.empty.perSecond, 0.5),
    ),
  ];
  return {
    figures,
    detail: {
      how: "server/src/main.ts in its own Node process on a temp libSQL file; autocannon, 10 connections, 2 s warm-up then the measured run; pulls all ask for the same small delta since one cursor (the best case: the visible set is always kept). twoInstances: the same pulls through two server processes on the one file, 5 connections each. durability: the server again on the same file with DATABASE_SYNCHRONOUS=normal, a fresh 5-change delta, the same pulls and 10 pushing clients; the default is full. withWrites: 5 users' devices pulling in a closed loop, each moving its own cursor on, while a sixth device writes a client record every 10 ms (the kept visible set is recomputed at each user's next pull)",
      withWrites,
      secondsPerRun: options.seconds,
      worlds,
      runs,
      push,
      figuresMs,
      twoInstances,
      durability,
    },
  };
}
