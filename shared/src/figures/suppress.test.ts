import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CountCell, type Group, statisticCell, suppressAmounts, suppressCounts, suppressLinked } from "./suppress.ts";

const runs = { numRuns: 500 };
const isSmallNumber = (c: CountCell) => typeof c === "number" && c >= 1 && c <= 4;

/**
 * What a reader can tell about each "<5" cell from the published group: every assignment of the
 * hidden cells ("<5" as 1 to 4, "x" as 5 or more) that adds up to the shown total, enumerated.
 */
function possibleValues(rows: CountCell[], total: CountCell): Map<number, Set<number>> {
  const possible = new Map<number, Set<number>>();
  const hidden = rows.flatMap((c, i) => (typeof c === "number" ? [] : [i]));
  for (const i of hidden) if (rows[i] === "<5") possible.set(i, new Set());
  if (typeof total !== "number") {
    for (const set of possible.values()) for (const v of [1, 2, 3, 4]) set.add(v);
    return possible;
  }
  const rest = total - rows.reduce<number>((s, c) => s + (typeof c === "number" ? c : 0), 0);
  const walk = (k: number, left: number, chosen: number[]) => {
    if (k === hidden.length) {
      if (left === 0) hidden.forEach((i, n) => void possible.get(i)?.add(chosen[n] ?? -1));
      return;
    }
    const i = hidden[k] ?? -1;
    const [from, to] = rows[i] === "<5" ? [1, 4] : [5, left];
    for (let v = from; v <= Math.min(to, left); v++) walk(k + 1, left - v, [...chosen, v]);
  };
  walk(0, rest, []);
  return possible;
}

describe("small-count suppression", () => {
  it("the closing report's flows come back with the three small cells as <5 and the rest as counted", () => {
    // 2 afgesloten, 2 naar regulier, 2 naar Arnhem, 5 monitoring, 7 Stapteam 2.0
    expect(suppressCounts([2, 2, 2, 5, 7])).toEqual({ rows: ["<5", "<5", "<5", 5, 7], total: 18 });
  });

  it("hides a second cell when the total would give the only small one away", () => {
    expect(suppressCounts([3, 6, 9])).toEqual({ rows: ["<5", "x", 9], total: 18 });
  });

  it("hides the total when there is no other cell to hide", () => {
    // Two hidden cells adding up to 8 can only be 4 and 4.
    expect(suppressCounts([4, 4, 0])).toEqual({ rows: ["<5", "<5", 0], total: "x" });
    expect(suppressCounts([2, 1])).toEqual({ rows: ["<5", "<5"], total: "<5" });
  });

  it("hides more when two small cells could only be 1 and 1", () => {
    const group = suppressCounts([1, 1, 8, 9]);
    expect(group.rows.filter((c) => c === "x")).toHaveLength(1);
    expect(group.total).toBe(19);
  });

  it("never publishes a count from 1 to 4, in a row or a total", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 6 }), (values) => {
        const group = suppressCounts(values);
        expect([...group.rows, group.total].some(isSmallNumber)).toBe(false);
      }),
      runs,
    );
  });

  it("leaves every <5 cell with at least two possible values for a reader who knows the rule and the total", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 12 }), { minLength: 1, maxLength: 5 }), (values) => {
        const group = suppressCounts(values);
        for (const [, set] of possibleValues(group.rows, group.total)) expect(set.size).toBeGreaterThanOrEqual(2);
        // And the published cells are the true ones.
        group.rows.forEach((c, i) => {
          if (typeof c === "number") expect(c).toBe(values[i]);
        });
      }),
      runs,
    );
  });

  it("hides an amount behind fewer than 5 people, and a second one beside a shown total", () => {
    const group = suppressAmounts(
      [
        { value: 4_000, people: 2 },
        { value: 12_000, people: 6 },
        { value: 30_000, people: 9 },
      ],
      { value: 46_000, people: 12 },
    );
    expect(group).toEqual({ rows: ["<5", "x", 30_000], total: 46_000 });
    expect(suppressAmounts([{ value: 900, people: 3 }], { value: 900, people: 3 })).toEqual({ rows: ["<5"], total: "<5" });
  });

  it("publishes a statistic only over at least 5 people", () => {
    expect(statisticCell(0.66666, 5)).toBe(0.7);
    expect(statisticCell(0.5, 4)).toBe("<5");
    expect(statisticCell(null, 9)).toBe("<5");
  });

  it("hides a total that a linked table would show, and a cell of that table so its shown cells do not add up to it", () => {
    // 6 active clients: 1 at one organisation, 5 at another; all 6 with a consent.
    const [active, consent] = suppressLinked([
      {
        rows: [
          { id: "a:1", value: 1 },
          { id: "a:2", value: 5 },
        ],
        totalId: "active",
      },
      {
        rows: [
          { id: "c:with", value: 6 },
          { id: "c:without", value: 0 },
        ],
        totalId: "active",
      },
    ]);
    expect(active).toEqual({ rows: ["<5", "x"], total: "x" });
    // On its own the consent table would say 6 and 0, total 6: then 1 and 5 above.
    expect(suppressCounts([6, 0])).toEqual({ rows: [6, 0], total: 6 });
    expect(consent).toEqual({ rows: ["x", 0], total: "x" });
  });

  it("leaves every <5 cell with two possible values for a reader who sees two tables with the same total", () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 10 }), { minLength: 1, maxLength: 3 }), fc.array(fc.nat({ max: 10 }), { minLength: 0, maxLength: 2 }), (a, bHead) => {
        const rest = a.reduce((x, y) => x + y, 0) - bHead.reduce((x, y) => x + y, 0);
        fc.pre(rest >= 0);
        const b = [...bHead, rest];
        const groups = suppressLinked([
          { rows: a.map((value, i) => ({ id: `a${i}`, value })), totalId: "t" },
          { rows: b.map((value, i) => ({ id: `b${i}`, value })), totalId: "t" },
        ]);
        const [ga, gb] = groups as [Group<CountCell>, Group<CountCell>];
        for (const set of linkedPossibleValues(ga, gb)) expect(set.size).toBeGreaterThanOrEqual(2);
        expect([...ga.rows, ga.total, ...gb.rows, gb.total].some(isSmallNumber)).toBe(false);
        for (const [cells, values] of [
          [ga.rows, a],
          [gb.rows, b],
        ] as const) {
          cells.forEach((c, i) => {
            if (typeof c === "number") expect(c).toBe(values[i]);
          });
        }
      }),
      runs,
    );
  });
});

/** The values each "<5" cell of a group can take when the group adds up to `total`; null when no assignment does. */
function valuesAt(rows: readonly CountCell[], total: number): Set<number>[] | null {
  const options = rows.map((c) => (typeof c === "number" ? [c] : c === "<5" ? [1, 2, 3, 4] : Array.from({ length: Math.max(0, total - 4) }, (_, k) => k + 5)));
  const seen = rows.map(() => new Set<number>());
  let any = false;
  const walk = (k: number, left: number, chosen: number[]) => {
    if (k === rows.length) {
      if (left !== 0) return;
      any = true;
      chosen.forEach((v, i) => {
        seen[i]?.add(v);
      });
      return;
    }
    for (const v of options[k] ?? []) if (v <= left) walk(k + 1, left - v, [...chosen, v]);
  };
  walk(0, total, []);
  return any ? seen.filter((_, i) => rows[i] === "<5") : null;
}

/** Every "<5" cell of two groups with one total, as a reader of both tables can narrow it down. */
function linkedPossibleValues(a: Group<CountCell>, b: Group<CountCell>): Set<number>[] {
  const totals = (cell: CountCell) => (typeof cell === "number" ? [cell] : cell === "<5" ? [1, 2, 3, 4] : Array.from({ length: 60 }, (_, k) => k + 5));
  const allowed = totals(a.total).filter((t) => totals(b.total).includes(t));
  let union: Set<number>[] | null = null;
  for (const t of allowed) {
    const inA = valuesAt(a.rows, t);
    const inB = valuesAt(b.rows, t);
    if (!inA || !inB) continue;
    const both = [...inA, ...inB];
    union = union ? union.map((set, i) => new Set([...set, ...(both[i] ?? [])])) : both;
  }
  return union ?? [];
}
