import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CountCell, statisticCell, suppressAmounts, suppressCounts } from "./suppress.ts";

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
});
