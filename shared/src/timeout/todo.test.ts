import { describe, expect, it } from "vitest";
import { expenseStates } from "../flexbudget/ledger.ts";
import { expenseTodos } from "../flexbudget/todo.ts";
import { mutators } from "../mutators/registry.ts";
import { acting, sessionUser } from "../testing/fixtures.ts";
import { stapteam, validArgs } from "../testing/stapteam.ts";
import { deriveStays } from "./stays.ts";
import { stayTodos } from "./todo.ts";

describe("Te doen items of the flexbudget and the time-out", () => {
  it("a request waits for the holder's coordinator, and a stay ending tomorrow is everyone's item", async () => {
    const store = await stapteam();
    await store.run(mutators.setTimeoutSettings, validArgs.setTimeoutSettings, acting("joost"));
    await store.run(mutators.requestTimeoutStay, validArgs.requestTimeoutStay, acting("fatima"));
    await store.run(
      mutators.requestTimeoutStay,
      { ...validArgs.requestTimeoutStay, id: "t2", proposedStart: "2024-03-20", proposedEnd: "2024-03-25" },
      acting("fatima"),
    );
    await store.run(mutators.decideTimeoutStay, { ...validArgs.decideTimeoutStay, stayId: "t2", id: "t2-d" }, acting("joost"));
    const stays = deriveStays(store.all("timeoutEvents"));
    expect(stayTodos(sessionUser("joost"), stays, "iriszorg", "2024-03-24").map((t) => [t.kind, t.stayId])).toEqual([
      ["stay-awaiting-approval", "t1"],
      ["stay-ends-tomorrow", "t2"],
    ]);
    expect(stayTodos(sessionUser("fatima"), stays, "iriszorg", "2024-03-24").map((t) => t.kind)).toEqual(["stay-ends-tomorrow"]);
  });

  it("an over-budget expense waits for the coordinator of the budget's holder only", async () => {
    const store = await stapteam();
    await store.run(mutators.setFlexbudget, { ...validArgs.setFlexbudget, amountCents: 1_000 }, acting("joost"));
    await store.run(mutators.recordFlexExpense, { ...validArgs.recordFlexExpense, askApprovalOverBudget: true }, acting("fatima"));
    const states = expenseStates(store.all("flexbudgetEntries"));
    expect(expenseTodos(sessionUser("joost"), states, () => "iriszorg")).toEqual([
      expect.objectContaining({ kind: "expense-awaiting-approval", expenseId: "e1", amountCents: 4_995 }),
    ]);
    expect(expenseTodos(sessionUser("fatima"), states, () => "iriszorg")).toEqual([]);
    expect(expenseTodos(sessionUser("joost"), states, () => "ldh")).toEqual([]);
  });
});
