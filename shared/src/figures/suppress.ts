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
 * Whether every "<5" cell of a group still has at least two possible values, for a reader who
 * knows the total, every shown cell and this rule (a "<5" is 1 to 4, an "x" at least 5).
 */
function eachSmallCellAmbiguous(raw: readonly Raw[], hidden: ReadonlySet<number>, small: ReadonlySet<number>, total: number): boolean {
  const shownSum = raw.reduce((sum, r, i) => (hidden.has(i) ? sum : sum + r.value), 0);
  const rest = total - shownSum;
  const lower = (i: number) => (small.has(i) ? 1 : threshold);
  const upper = (i: number) => (small.has(i) ? threshold - 1 : Number.POSITIVE_INFINITY);
  for (const i of small) {
    let othersLower = 0;
    let othersUpper = 0;
    for (const j of hidden) {
      if (j === i) continue;
      othersLower += lower(j);
      othersUpper += upper(j);
    }
    const from = Math.max(1, rest - othersUpper);
    const to = Math.min(threshold - 1, rest - othersLower);
    if (to - from < 1) return false;
  }
  return true;
}

/**
 * Counts of one group (its rows add up to its total, each person in one row). Hides the small
 * cells, then, while the total would give one away, the smallest shown non-zero cell; when there
 * is none left, the total.
 */
export function suppressCounts(values: readonly number[]): Group<CountCell> {
  const raw = values.map((v) => ({ value: v, people: v }));
  const total = values.reduce((a, b) => a + b, 0);
  const small = new Set(raw.flatMap((r, i) => (isSmall(r.people) ? [i] : [])));
  const hidden = new Set(small);
  let totalHidden = isSmall(total);
  while (!totalHidden && small.size > 0 && !eachSmallCellAmbiguous(raw, hidden, small, total)) {
    const next = smallestShown(raw, hidden);
    if (next === null) totalHidden = true;
    else hidden.add(next);
  }
  return {
    rows: raw.map((r, i) => (small.has(i) ? "<5" : hidden.has(i) ? "x" : r.value)),
    total: totalHidden ? (isSmall(total) ? "<5" : "x") : total,
  };
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
