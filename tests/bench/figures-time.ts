import { signIn } from "../support/api.ts";
import { runCli } from "../support/server-process.ts";
import type { RunningWorld, World } from "./world.ts";

const policyEmail = "policy@bench.test";
const policyPassword = "bench-policy-2026";

/**
 * Issue 16's benchmark: the municipality's figures for this year over the world's database, asked
 * over HTTP by a policy officer (added with the CLI beside the running server), 5 times in a row;
 * each request's time in ms (the first included: no cache is meant to help).
 */
export async function figuresTimes(world: World, running: RunningWorld, rounds = 5): Promise<number[]> {
  const organisation = await runCli(world.databaseUrl, [
    "create-organisation",
    "--name",
    "Gemeente Bench",
    "--short-name",
    "Gemeente",
    "--id",
    "org-bench-gemeente",
    "--kind",
    "municipality",
  ]);
  if (organisation.code !== 0) throw new Error(`create-organisation: ${organisation.output}`);
  const user = await runCli(
    world.databaseUrl,
    ["create-user", "--name", "Beleid Bench", "--email", policyEmail, "--organisation", "org-bench-gemeente", "--role", "policy"],
    { NAAST_PASSWORD: policyPassword },
  );
  if (user.code !== 0) throw new Error(`create-user: ${user.output}`);
  const policy = await signIn(running.server.url, policyEmail, policyPassword);
  const year = new Date().getUTCFullYear();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await policy.trpc.figures.read.mutate({ from: `${year}-01-01`, to: `${year}-12-31` });
    times.push(performance.now() - start);
  }
  return times;
}
