import { describe, expect, it } from "vitest";
import { amountCentsSchema, amountProblem, eurosToType, maxBudgetCents, parseEuros, typedCents } from "./cents.ts";

describe("money in whole cents", () => {
  it("an amount must be more than zero, at most €10,000, and whole cents", () => {
    expect(amountProblem(1250)).toBeNull();
    expect(amountProblem(1_000_000)).toBeNull();
    expect(amountProblem(0)).toBe("money.not-positive");
    expect(amountProblem(-500)).toBe("money.not-positive");
    expect(amountProblem(1_000_001)).toBe("money.too-large");
    expect(amountProblem(12.5)).toBe("money.not-whole-cents");
    expect(amountProblem(Number.NaN)).toBe("money.not-whole-cents");
    expect(amountCentsSchema.safeParse(12.5).success).toBe(false);
  });

  it("euros typed the Dutch way become cents without rounding errors", () => {
    expect(parseEuros("12,50")).toBe(1250);
    expect(parseEuros("€ 1.000")).toBe(100_000);
    expect(parseEuros("0,1")).toBe(10);
    expect(parseEuros("7")).toBe(700);
    expect(parseEuros("139,27")).toBe(13927);
    expect(parseEuros("-5")).toBe(-500);
    expect(parseEuros("12,505")).toBeNull();
    expect(parseEuros("twaalf")).toBeNull();
    expect(parseEuros("")).toBeNull();
  });

  it("typed euros are refused with the server's codes, a too large amount naming the most", () => {
    expect(typedCents("12,50")).toEqual({ ok: true, cents: 1250 });
    expect(typedCents("12,505")).toEqual({ ok: false, refusal: { code: "money.not-whole-cents", params: {} } });
    expect(typedCents("0")).toEqual({ ok: false, refusal: { code: "money.not-positive", params: {} } });
    expect(typedCents("10.000,01")).toEqual({ ok: false, refusal: { code: "money.too-large", params: { max: 1_000_000 } } });
    expect(typedCents("10.000,01", maxBudgetCents)).toEqual({ ok: true, cents: 1_000_001 });
  });

  it("cents go into a form field as the Dutch type them, and read back the same", () => {
    expect(eurosToType(13_927)).toBe("139,27");
    expect(eurosToType(60_000)).toBe("600,00");
    expect(eurosToType(5)).toBe("0,05");
    for (const cents of [1, 99, 100, 13_927, 100_000_000]) expect(parseEuros(eurosToType(cents))).toBe(cents);
  });
});
