import { describe, expect, it } from "vitest";
import { initialChoice, periodOf } from "./period-choice.ts";

describe("the period the Cijfers view asks for", () => {
  it("starts at this year, and knows this quarter", () => {
    const choice = initialChoice("2026-08-14");
    expect(periodOf(choice)).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(periodOf({ ...choice, kind: "quarter" })).toEqual({ from: "2026-07-01", to: "2026-09-30" });
  });

  it("takes two days as they are, and none that end before they start", () => {
    const choice = initialChoice("2026-08-14");
    expect(periodOf({ ...choice, kind: "range", from: "2023-08-01", to: "2023-12-31" })).toEqual({ from: "2023-08-01", to: "2023-12-31" });
    expect(periodOf({ ...choice, kind: "range", from: "2024-01-02", to: "2024-01-01" })).toBeNull();
    expect(periodOf({ ...choice, kind: "range", from: "", to: "2024-01-01" })).toBeNull();
  });
});
