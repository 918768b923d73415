/**
 * Small-count suppression (issue 16, point 2): the municipality's figures must never let anyone
 * point at a person. A count of 1 to 4 is published as "<5"; where a group's total would let a
 * reader work such a cell out again ("total 9, shown 5, so the hidden one is 4"), a complementary
 * cell is hidden as well ("x"), or the total. The server runs this before anything leaves it, and
 * the published schema (schema.ts) refuses a count of 1 to 4 outright.
 */

/** A raw number with how many people stand behind it (for a count, the count itself). */
export interface Raw {
  value: number;
  people: number;
}

/** A published count: 0 or at least 5; "<5" for 1 to 4; "x" hidden so a "<5" cannot be worked out. */
export type CountCell = number | "<5" | "x";
/** A published amount (cents, nights): "<5" when fewer than 5 people stand behind it, "x" as above. */
export type AmountCell = number | "<5" | "x";
/** A mean, a median or a share: "<5" when computed over fewer than 5 people. */
export type StatisticCell = number | "<5";

export const threshold = 5;

const isSmall = (people: number) => people > 0 && people < threshold;

/** A count as a cell on its own (no total beside it). */
export const countCell = (value: number): CountCell => (isSmall(value) ? "<5" : value);

/** An amount (cents, nights) on its own, behind `people` people. */
export const amountCell = (value: number, people: number): AmountCell => (isSmall(people) ? "<5" : value);

/** A statistic over `people` people; `decimals` rounds it for publication. */
export function statisticCell(value: number | null, people: number, decimals = 1): StatisticCell {
  if (people < threshold || value === null) return "<5";
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export interface Group<C> {
  rows: C[];
  total: C;
}

/**
 * Counts of one group (its rows add up to its total, each person in one row). Hides the small
 * cells, then, while the total would give one away, the smallest shown non-zero cell; when there
 * is none left, the total.
 */
export function suppressCounts(values: readonly number[]): Group<CountCell> {
  const [group] = suppressLinked([{ rows: values.map((value, i) => ({ id: String(i), value })), totalId: "total" }]);
  if (!group) throw new Error("one group in, one out");
  return group;
}

/** A group of counts whose total has a name, so that the same total published in two tables is one. */
export interface LinkedGroup {
  rows: readonly { id: string; value: number }[];
  totalId: string;
}

interface Working {
  values: number[];
  total: number;
  small: Set<number>;
  hidden: Set<number>;
  totalId: string;
}

const lowerOf = (w: Working, i: number) => (w.small.has(i) ? 1 : threshold);
const upperOf = (w: Working, i: number) => (w.small.has(i) ? threshold - 1 : Number.POSITIVE_INFINITY);
const shownSum = (w: Working) => w.values.reduce((sum, v, i) => (w.hidden.has(i) ? sum : sum + v), 0);

/** What a reader of this group alone knows of its total, from the cells it shows and the rule. */
function totalRange(w: Working): [number, number] {
  let lo = shownSum(w);
  let hi = lo;
  for (const i of w.hidden) {
    lo += lowerOf(w, i);
    hi += upperOf(w, i);
  }
  return [lo, hi];
}

/** Whether every "<5" cell of the group has at least two possible values when its total lies in [lo, hi]. */
function ambiguousWithin(w: Working, lo: number, hi: number): boolean {
  const shown = shownSum(w);
  for (const i of w.small) {
    let othersLower = 0;
    let othersUpper = 0;
    for (const j of w.hidden) {
      if (j === i) continue;
      othersLower += lowerOf(w, j);
      othersUpper += upperOf(w, j);
    }
    const from = Math.max(1, lo - shown - othersUpper);
    const to = Math.min(threshold - 1, hi - shown - othersLower);
    if (to - from < 1) return false;
  }
  return true;
}

/** The smallest shown non-zero cell of a group (the cheapest to hide), or null. */
function smallestShownOf(w: Working): number | null {
  let best: number | null = null;
  w.values.forEach((v, i) => {
    if (w.hidden.has(i) || v === 0) return;
    if (best === null || v < (w.values[best] ?? Number.POSITIVE_INFINITY)) best = i;
  });
  return best;
}

/**
 * Counts of several tables, some of which publish the same total (the active clients are also
 * the total of the consent table; a flow by reason and the same flow per quarter). A reader who
 * sees every table narrows a total down to what all of them allow together; each "<5" cell must
 * keep at least two possible values under that. While one does not, the cheapest cell is hidden:
 * first in its own table, then that table's total (in every table that shows it), then a cell of
 * another table with the same total. For one table this is the suppression of `suppressCounts`.
 */
export function suppressLinked(groups: readonly LinkedGroup[]): Group<CountCell>[] {
  const work: Working[] = groups.map((g) => {
    const values = g.rows.map((r) => r.value);
    const small = new Set(values.flatMap((v, i) => (isSmall(v) ? [i] : [])));
    return { values, total: values.reduce((a, b) => a + b, 0), small, hidden: new Set(small), totalId: g.totalId };
  });
  const hiddenTotals = new Set(work.filter((w) => isSmall(w.total)).map((w) => w.totalId));
  const linked = (totalId: string) => work.filter((w) => w.totalId === totalId);
  const rangeOf = (totalId: string): [number, number] => {
    const sharing = linked(totalId);
    if (!hiddenTotals.has(totalId)) {
      const total = sharing[0]?.total ?? 0;
      return [total, total];
    }
    return sharing.map(totalRange).reduce(([lo, hi], [l, h]) => [Math.max(lo, l), Math.min(hi, h)], [0, Number.POSITIVE_INFINITY]);
  };
  // Each step hides one more cell or total, of finitely many: this ends.
  for (;;) {
    const failing = work.find((w) => {
      const [lo, hi] = rangeOf(w.totalId);
      return !ambiguousWithin(w, lo, hi);
    });
    if (!failing) break;
    const own = smallestShownOf(failing);
    if (own !== null) {
      failing.hidden.add(own);
      continue;
    }
    if (!hiddenTotals.has(failing.totalId)) {
      hiddenTotals.add(failing.totalId);
      continue;
    }
    const others = linked(failing.totalId)
      .map((w) => ({ w, i: smallestShownOf(w) }))
      .filter((c): c is { w: Working; i: number } => c.i !== null)
      .sort((a, b) => (a.w.values[a.i] ?? 0) - (b.w.values[b.i] ?? 0));
    const cheapest = others[0];
    if (!cheapest) break; // Everything that could be hidden is.
    cheapest.w.hidden.add(cheapest.i);
  }
  return work.map((w) => ({
    rows: w.values.map((v, i) => (w.small.has(i) ? "<5" : w.hidden.has(i) ? "x" : v)),
    total: hiddenTotals.has(w.totalId) ? (isSmall(w.total) ? "<5" : "x") : w.total,
  }));
}

/**
 * Amounts of one group (money, nights) with the people behind each row and behind the total (a
 * person may stand behind several rows). An amount behind fewer than 5 people is "<5"; a single
 * hidden amount beside a shown total could be worked out by subtraction, so a second one (the
 * smallest shown) is hidden, or else the total.
 */
export function suppressAmounts(rows: readonly Raw[], total: Raw): Group<AmountCell> {
  const small = new Set(rows.flatMap((r, i) => (isSmall(r.people) ? [i] : [])));
  const hidden = new Set(small);
  let totalHidden = isSmall(total.people);
  if (!totalHidden && hidden.size === 1) {
    const next = smallestShown(rows, hidden);
    if (next === null) totalHidden = true;
    else hidden.add(next);
  }
  return {
    rows: rows.map((r, i) => (small.has(i) ? "<5" : hidden.has(i) ? "x" : r.value)),
    total: totalHidden ? (isSmall(total.people) ? "<5" : "x") : total.value,
  };
}

function smallestShown(raw: readonly Raw[], hidden: ReadonlySet<number>): number | null {
  let best: number | null = null;
  raw.forEach((r, i) => {
    if (hidden.has(i) || r.value === 0) return;
    if (best === null || r.value < (raw[best]?.value ?? Number.POSITIVE_INFINITY)) best = i;
  });
  return best;
}
