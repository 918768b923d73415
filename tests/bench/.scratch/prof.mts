import { buildWorld, serveWorld } from "../world.ts";
import { load } from "../load.ts";
const world = await buildWorld(Number(process.argv[2] ?? 1000));
const running = await serveWorld(world, 5, ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"]);
const input = encodeURIComponent(JSON.stringify({ clientGroupId: running.user.clientGroupId, cursor: running.deltaCursor }));
const r = await load({ url: `${running.server.url}/trpc/sync.pull?input=${input}`, headers: { authorization: `Bearer ${running.user.token}` }, seconds: 5, warmupSeconds: 1 });
console.log(r);
await running.server.stop();
world.remove();
