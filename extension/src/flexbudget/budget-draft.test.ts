import { describe, expect, it } from "vitest";
import { budgetArgs, budgetDraftFor } from "./budget-draft.ts";

describe("the budget form of the holder's coordinator", () => {
  it("sends the amount as whole cents and the year's period", () => {
    expect(budgetArgs({ amount: "1.200,00", periodStart: "2024-01-01", periodEnd: "2024-12-31" }, 2024, "org-iris")).toEqual({
      ok: true,
      args: { year: 2024, holderOrganisationId: "org-iris", amountCents: 120_000, periodStart: "2024-01-01", periodEnd: "2024-12-31" },
    });
    expect(budgetDraftFor(2023, 60_000)).toEqual({ amount: "600,00", periodStart: "2023-01-01", periodEnd: "2023-12-31" });
  });

  it("refuses a broken amount, nothing, and a period outside the year, by code", () => {
    expect(budgetArgs({ amount: "12,505", periodStart: "2024-01-01", periodEnd: "2024-12-31" }, 2024, "o")).toMatchObject({
      refusal: { code: "money.not-whole-cents" },
    });
    expect(budgetArgs({ amount: "0", periodStart: "2024-01-01", periodEnd: "2024-12-31" }, 2024, "o")).toMatchObject({
      refusal: { code: "money.not-positive" },
    });
    expect(budgetArgs({ amount: "600", periodStart: "2023-08-01", periodEnd: "2024-12-31" }, 2024, "o")).toMatchObject({
      refusal: { code: "flexbudget.period-invalid" },
    });
  });
});
