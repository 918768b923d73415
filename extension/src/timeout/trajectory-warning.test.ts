import { describe, expect, it } from "vitest";
import { trajectoryWarning } from "./trajectory-warning.ts";

const figures = (trajectories: number | null, perYear = 6) => ({
  year: 2026,
  timeoutSettings: { id: "timeout:2026", year: 2026, holderOrganisationId: "iris", dayRateCents: 13_927, trajectoriesPerYear: perYear, setAt: "", setBy: "" },
  timeoutTotals:
    trajectories === null ? undefined : { id: "timeout-totals:2026", year: 2026, holderOrganisationId: "iris", trajectories, nights: 0, costCents: 0 },
});

describe("the yearly check before a time-out request", () => {
  it("warns at the 7th trajectory of 6, and after", () => {
    expect(trajectoryWarning(figures(5), "2026-06-01")).toBeNull();
    expect(trajectoryWarning(figures(6), "2026-06-01")).toEqual({ count: 7, max: 6 });
    expect(trajectoryWarning(figures(9), "2026-06-01")).toEqual({ count: 10, max: 6 });
  });

  it("says nothing where the device cannot know (another organisation's device has no totals), or for another year's stay", () => {
    expect(trajectoryWarning(figures(null), "2026-06-01")).toBeNull();
    expect(trajectoryWarning(figures(6), "2027-01-02")).toBeNull();
  });
});
