import { describe, expect, it } from "vitest";
import { addDays, calendarDay, calendarDaysBetween } from "./calendar-day.ts";

describe("the Dutch calendar day", () => {
  it("is already tomorrow at 00:30 in Nijmegen while UTC is still on today, in winter and in summer", () => {
    expect(calendarDay("2026-12-01T23:30:00.000Z")).toBe("2026-12-02");
    expect(calendarDay("2026-12-01T22:59:00.000Z")).toBe("2026-12-01");
    expect(calendarDay("2026-07-01T22:30:00.000Z")).toBe("2026-07-02");
    expect(calendarDay("2026-07-01T21:59:00.000Z")).toBe("2026-07-01");
  });

  it("counts days between two instants as calendar days there, across the change to summer time", () => {
    expect(calendarDaysBetween("2026-11-30T23:30:00.000Z", "2026-12-01T08:00:00.000Z")).toBe(0);
    expect(calendarDaysBetween("2026-11-30T22:30:00.000Z", "2026-12-01T08:00:00.000Z")).toBe(1);
    expect(calendarDaysBetween("2026-03-28T12:00:00.000Z", "2026-03-30T12:00:00.000Z")).toBe(2);
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});
