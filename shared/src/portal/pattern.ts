/**
 * The regular expressions an adapter reads an EPD id with. They come from an organisation's
 * admin and run on every portal page, so they are bounded: short, one capturing group to read,
 * and none of the shapes that backtrack catastrophically (a repeated group, a back-reference,
 * a look-around). What remains backtracks at most polynomially, and the reader bounds its input
 * (see read-client-id.ts), so a bad pattern costs milliseconds, never the page.
 */
export const patternLimits = { length: 200, unboundedQuantifiers: 3 } as const;

export type PatternProblem =
  | "pattern-too-long"
  | "pattern-invalid"
  | "pattern-no-group"
  | "pattern-repeated-group"
  | "pattern-backreference"
  | "pattern-lookaround"
  | "pattern-too-many-repeats";

/** Why a pattern may not be used, or null when it may. */
export function checkPattern(pattern: string): PatternProblem | null {
  if (pattern.length === 0 || pattern.length > patternLimits.length) return pattern.length === 0 ? "pattern-invalid" : "pattern-too-long";
  try {
    new RegExp(pattern, "u");
  } catch {
    return "pattern-invalid";
  }
  let groups = 0;
  let unbounded = 0;
  const open: number[] = []; // per open group: how many quantifiers it holds so far
  let lastGroupHeldQuantifier = false;
  let lastWasGroupEnd = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    const wasGroupEnd = lastWasGroupEnd;
    lastWasGroupEnd = false;
    if (c === "\\") {
      const next = pattern[i + 1] ?? "";
      if (/[1-9k]/.test(next)) return "pattern-backreference";
      i++;
      continue;
    }
    if (c === "[") {
      // A class is one atom: skip to its end (escapes inside included).
      for (i++; i < pattern.length && pattern[i] !== "]"; i++) if (pattern[i] === "\\") i++;
      continue;
    }
    if (c === "(") {
      if (pattern[i + 1] === "?") {
        const kind = pattern.slice(i + 2, i + 4);
        if (kind.startsWith("=") || kind.startsWith("!") || kind === "<=" || kind === "<!") return "pattern-lookaround";
        if (kind.startsWith("<")) groups++; // a named group reads too
      } else groups++;
      open.push(0);
      continue;
    }
    if (c === ")") {
      const held = open.pop() ?? 0;
      if (open.length > 0) open[open.length - 1] = (open[open.length - 1] ?? 0) + held;
      lastGroupHeldQuantifier = held > 0;
      lastWasGroupEnd = true;
      continue;
    }
    if (c === "|" && open.length > 0) {
      // An alternation inside a group makes that group ambiguous when it repeats.
      open[open.length - 1] = (open[open.length - 1] ?? 0) + 1;
      continue;
    }
    const isUnbounded = c === "*" || c === "+" || (c === "{" && /^\{\d+,\}/.test(pattern.slice(i)));
    const isBounded = c === "?" || (c === "{" && /^\{\d+(,\d+)?\}/.test(pattern.slice(i)));
    if (isUnbounded || isBounded) {
      // "(a+)+", "(a|aa)*", "(\\d{2})*": a repeated group that can match the same text in
      // several ways; an optional group ("(...)?") cannot repeat, so it stays allowed.
      if (wasGroupEnd && isUnbounded) return "pattern-repeated-group";
      if (wasGroupEnd && c === "{" && lastGroupHeldQuantifier) return "pattern-repeated-group";
      if (isUnbounded) unbounded++;
      if (open.length > 0) open[open.length - 1] = (open[open.length - 1] ?? 0) + 1;
      if (c === "{") i = pattern.indexOf("}", i);
      if (pattern[i + 1] === "?") i++; // a lazy quantifier is still one quantifier
    }
  }
  if (groups === 0) return "pattern-no-group";
  if (unbounded > patternLimits.unboundedQuantifiers) return "pattern-too-many-repeats";
  return null;
}
