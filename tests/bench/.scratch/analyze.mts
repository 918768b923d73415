import { readFileSync, readdirSync } from "node:fs";
interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[]; hitCount?: number }
const dir = process.argv[2] ?? "/tmp/prof";
for (const f of readdirSync(dir)) {
  const p = JSON.parse(readFileSync(`${dir}/${f}`, "utf8")) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
  const self = new Map<number, number>();
  p.samples.forEach((s, i) => self.set(s, (self.get(s) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const key = (n: Node) => `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.replace(/.*node_modules\/\.pnpm\//, "").replace("file:///work/bench-wt/", "")}:${n.callFrame.lineNumber}`;
  const selfBy = new Map<string, number>();
  const inclBy = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id)!; selfBy.set(key(n), (selfBy.get(key(n)) ?? 0) + t);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) { const k = key(byId.get(cur)!); if (!seen.has(k)) { seen.add(k); inclBy.set(k, (inclBy.get(k) ?? 0) + t); } }
  }
  console.log(f, "total ms", (total / 1000).toFixed(0));
  console.log("-- self");
  for (const [k, t] of [...selfBy].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log((t / 1000).toFixed(0).padStart(7), k);
  console.log("-- inclusive");
  for (const [k, t] of [...inclBy].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log((t / 1000).toFixed(0).padStart(7), k);
}
