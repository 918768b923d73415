import { serverGroup } from "../server-group.ts";
import { table } from "../figures.ts";
const r = await serverGroup({ seconds: 5, bigWorld: Number(process.argv[2] ?? 1_000_000) });
console.log(table(r.figures));
console.log(JSON.stringify(r.detail, null, 1));
