import { z } from "zod";
import { type Refusal, refusal } from "../refusal/refusal.ts";

/**
 * Money is integer euro cents everywhere (zod, database, wire, panel): a float cannot hold
 * €0.10 exactly, and a ledger that drifts by a cent is a ledger nobody trusts.
 */
export const maxAmountCents = 1_000_000;
/** A year's budget or day rate may be larger than one expense, not unboundedly so (€1,000,000). */
export const maxBudgetCents = 100_000_000;

/** A stored amount: whole cents, more than zero, at most €10,000. */
export const amountCentsSchema = z.number().int().positive().max(maxAmountCents);
/** A stored total (a budget, a sum): whole cents, zero or more. */
export const totalCentsSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

export type AmountProblem = "money.not-positive" | "money.too-large" | "money.not-whole-cents";

/**
 * What is wrong with an amount someone typed or sent, or null when it is a valid amount. Mutators
 * take any number and ask this, so bad input is a refusal with a Dutch sentence, not a schema error.
 */
export function amountProblem(cents: number, max: number = maxAmountCents): AmountProblem | null {
  if (!Number.isFinite(cents) || !Number.isInteger(cents)) return "money.not-whole-cents";
  if (cents <= 0) return "money.not-positive";
  if (cents > max) return "money.too-large";
  return null;
}

/**
 * Euros as people type them in the panel ("12,50", "€ 1.000", "7") into cents, without floats;
 * null when it is not an amount with at most two decimals.
 */
export function parseEuros(text: string): number | null {
  const cleaned = text.replace(/€|\s/g, "");
  const match = /^(-?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign = "", whole = "0", fraction = ""] = match;
  const cents = Number(whole.replaceAll(".", "")) * 100 + Number(fraction.padEnd(2, "0"));
  return sign === "-" ? -cents : cents;
}

/** The refusal for an amount, as the server gives it (a too large one names the most), or null when it is valid. */
export function amountRefusal(cents: number, max: number = maxAmountCents): Refusal | null {
  const problem = amountProblem(cents, max);
  if (problem === "money.too-large") return refusal(problem, { max });
  return problem ? refusal(problem) : null;
}

/**
 * Euros typed in a form, as cents, or the refusal the server would give them: the panel says
 * "12,505 is geen bedrag" before anything is queued, with the same code.
 */
export function typedCents(text: string, max: number = maxAmountCents): { ok: true; cents: number } | { ok: false; refusal: Refusal } {
  const cents = parseEuros(text);
  if (cents === null) return { ok: false, refusal: refusal("money.not-whole-cents") };
  const refused = amountRefusal(cents, max);
  return refused ? { ok: false, refusal: refused } : { ok: true, cents };
}

/** Cents as the panel puts them in a form field to change: "139,27" (what `parseEuros` reads back). */
export const eurosToType = (cents: number): string => (cents / 100).toFixed(2).replace(".", ",");
