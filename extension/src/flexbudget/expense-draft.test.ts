import { describe, expect, it } from "vitest";
import { emptyExpenseDraft, expenseArgs } from "./expense-draft.ts";

describe("the expense form's draft", () => {
  const draft = { ...emptyExpenseDraft("2024-03-04"), purpose: "clothing" as const, description: "Winterjas" };

  it("sends euros typed the Dutch way as whole cents", () => {
    expect(expenseArgs({ ...draft, amount: "49,95" }, "anna", "e1")).toMatchObject({
      ok: true,
      args: { amountCents: 4_995, clientId: "anna", day: "2024-03-04" },
    });
  });

  it("refuses what the server would refuse, by the same codes, before anything is queued", () => {
    expect(expenseArgs({ ...draft, amount: "0" }, "anna", "e1")).toMatchObject({ ok: false, refusal: { code: "money.not-positive" } });
    expect(expenseArgs({ ...draft, amount: "10.000,01" }, "anna", "e1")).toMatchObject({ ok: false, refusal: { code: "money.too-large" } });
    expect(expenseArgs({ ...draft, amount: "4,995" }, "anna", "e1")).toMatchObject({ ok: false, refusal: { code: "money.not-whole-cents" } });
    expect(expenseArgs({ ...draft, amount: "5", purpose: "other", description: " " }, "anna", "e1")).toMatchObject({
      ok: false,
      refusal: { code: "flexbudget.describe-other" },
    });
  });
});
