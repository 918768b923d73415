import { describe, expect, it } from "vitest";
import { formatMessage } from "./icu.ts";

describe("the ICU message formatter", () => {
  it("chooses the Dutch plural form by the number, and puts the number in place of #", () => {
    const message = "{count, plural, one {1 wijziging} other {# wijzigingen}} nog niet verstuurd";
    expect(formatMessage(message, { count: 1 }, "nl-NL")).toBe("1 wijziging nog niet verstuurd");
    expect(formatMessage(message, { count: 3 }, "nl-NL")).toBe("3 wijzigingen nog niet verstuurd");
    expect(formatMessage(message, { count: 0 }, "nl-NL")).toBe("0 wijzigingen nog niet verstuurd");
  });

  it("prefers an exact =n option over the plural category", () => {
    expect(formatMessage("{n, plural, =0 {geen} one {één} other {#}}", { n: 0 }, "nl-NL")).toBe("geen");
    expect(formatMessage("{n, plural, =0 {geen} one {één} other {#}}", { n: 1 }, "nl-NL")).toBe("één");
  });

  it("joins a list as a sentence in the reader's language", () => {
    expect(formatMessage("{organisations} mogen dit zien", { organisations: ["LDH", "GGD"] }, "nl-NL")).toBe("LDH en GGD mogen dit zien");
    expect(formatMessage("{organisations} may see this", { organisations: ["LDH", "GGD", "Iriszorg"] }, "en-GB")).toBe("LDH, GGD and Iriszorg may see this");
  });

  it("writes a day as a long date, without a time zone moving it", () => {
    expect(formatMessage("tot {until, date}", { until: "2026-11-01" }, "nl-NL")).toBe("tot 1 november 2026");
    expect(formatMessage("until {until, date}", { until: "2026-11-01" }, "en-GB")).toBe("until 1 November 2026");
  });

  it("writes integer cents as euros the reader's way", () => {
    expect(formatMessage("over: {left, money} van {total, money}", { left: 86_755, total: 100_000 }, "nl-NL")).toBe("over: €\u00a0867,55 van €\u00a01.000,00");
    expect(formatMessage("{rate, money} per day", { rate: 13_927 }, "en-GB")).toBe("€139.27 per day");
  });

  it("selects by value, takes `none` for an empty text, and nests arguments in options", () => {
    const message = "{person, select, none {Deze persoon} other {{person}}} werkt hier niet meer";
    expect(formatMessage(message, { person: "Henk" }, "nl-NL")).toBe("Henk werkt hier niet meer");
    expect(formatMessage(message, { person: "" }, "nl-NL")).toBe("Deze persoon werkt hier niet meer");
  });

  it("keeps apostrophes as text and shows a missing parameter by its name", () => {
    expect(formatMessage("Risico's van {alias}", {}, "nl-NL")).toBe("Risico's van {alias}");
  });
});
