import { describe, expect, it } from "vitest";
import { amountCentsSchema, amountProblem, parseEuros } from "./cents.ts";

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
});
