import { describe, expect, it } from "vitest";
import { timeoutSettingsArgs, timeoutSettingsDraftFor } from "./settings-draft.ts";

describe("the time-out settings form", () => {
  it("starts from the stored day rate as euros, and sends it as integer cents", () => {
    const draft = timeoutSettingsDraftFor({ dayRateCents: 13_927, trajectoriesPerYear: 6 });
    expect(draft).toEqual({ dayRate: "139,27", trajectories: "6" });
    expect(timeoutSettingsArgs(draft, 2026, "org-iriszorg")).toEqual({
      ok: true,
      args: { year: 2026, holderOrganisationId: "org-iriszorg", dayRateCents: 13_927, trajectoriesPerYear: 6 },
    });
    expect(timeoutSettingsDraftFor(null)).toEqual({ dayRate: "", trajectories: "6" });
  });

  it("refuses what the server would, with the same codes: no amount, zero, a fraction of a cent, too much, a bad number of trajectories", () => {
    const code = (dayRate: string, trajectories = "6") => {
      const made = timeoutSettingsArgs({ dayRate, trajectories }, 2026, "org-iriszorg");
      return made.ok ? null : made.refusal.code;
    };
    expect(code("")).toBe("money.not-whole-cents");
    expect(code("0,00")).toBe("money.not-positive");
    expect(code("-139,27")).toBe("money.not-positive");
    expect(code("139,275")).toBe("money.not-whole-cents");
    expect(code("10.000,01")).toBe("money.too-large");
    expect(code("139,27", "6,5")).toBe("timeout.trajectories-invalid");
    expect(code("139,27", "-1")).toBe("timeout.trajectories-invalid");
    expect(code("139,27", "1001")).toBe("timeout.trajectories-invalid");
    expect(code("€ 139,27", "0")).toBeNull();
  });
});
