import type { ZrmScore } from "@naast/shared";
import { describe, expect, it } from "vitest";
import { position, zrmTrajectory } from "./trajectory.ts";

const score = (domain: ZrmScore["domain"], assessedOn: string, value: number, recordedAt = `${assessedOn}T10:00:00.000Z`): ZrmScore => ({
  id: `${domain}-${assessedOn}-${recordedAt}`,
  clientId: "anna",
  domain,
  score: value,
  assessedOn,
  assessedBy: "fatima",
  recordedAt,
});

describe("the ZRM trajectory", () => {
  it("lists each scored domain's scores by day, the later recording of one day winning, in the ZRM's order", () => {
    const trajectory = zrmTrajectory(
      [
        score("housing", "2024-06-01", 3),
        score("finances", "2024-01-01", 1),
        score("housing", "2024-01-01", 1),
        score("housing", "2024-06-01", 2, "2024-06-02T08:00:00.000Z"),
      ],
      ["finances", "housing", "addiction"],
    );
    expect(trajectory).toEqual([
      { domain: "finances", points: [{ day: "2024-01-01", score: 1 }] },
      {
        domain: "housing",
        points: [
          { day: "2024-01-01", score: 1 },
          { day: "2024-06-01", score: 2 },
        ],
      },
    ]);
  });

  it("places a day between the chart's first and last, and a single day in the middle", () => {
    expect(position("2024-01-11", "2024-01-01", "2024-01-21")).toBe(0.5);
    expect(position("2024-01-01", "2024-01-01", "2024-01-01")).toBe(0.5);
  });
});
