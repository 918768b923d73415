import { describe, expect, it } from "vitest";
import { checkPattern, patternLimits } from "./pattern.ts";
import { newPortalAdapterSchema } from "./schema.ts";

describe("which patterns an adapter may read the EPD id with", () => {
  it("allows the demo portals' patterns and the usual shapes", () => {
    for (const ok of [
      "/clienten/([^/?#]+)",
      "[?&]patient=([^&#]+)",
      "Cliëntnummer:\\s*(\\d{6})",
      "^Dossier (?<id>\\d+)",
      "(?:Cliënt|Client)nr\\.? (\\w+)",
      "id=(\\d+)?",
    ]) {
      expect(checkPattern(ok), ok).toBeNull();
    }
  });

  it("refuses the catastrophic shapes: a repeated group, a back-reference, a look-around", () => {
    expect(checkPattern("(a+)+$")).toBe("pattern-repeated-group");
    expect(checkPattern("(a|aa)*b")).toBe("pattern-repeated-group");
    expect(checkPattern("((\\d)*)x")).toBe("pattern-repeated-group");
    expect(checkPattern("(?:\\w+\\s?){3}(\\d+)")).toBe("pattern-repeated-group");
    expect(checkPattern("(\\w)\\1(\\d+)")).toBe("pattern-backreference");
    expect(checkPattern("(?<a>x)\\k<a>(\\d)")).toBe("pattern-backreference");
    expect(checkPattern("(?=a)(\\d+)")).toBe("pattern-lookaround");
    expect(checkPattern("(?<!a)(\\d+)")).toBe("pattern-lookaround");
  });

  it("refuses a pattern that is too long, broken, reads nothing, or repeats too often", () => {
    expect(checkPattern(`(${"a".repeat(patternLimits.length)})`)).toBe("pattern-too-long");
    expect(checkPattern("([^/")).toBe("pattern-invalid");
    expect(checkPattern("")).toBe("pattern-invalid");
    expect(checkPattern("/clienten/[0-9]+")).toBe("pattern-no-group");
    expect(checkPattern("a*b*c*d*(e)")).toBe("pattern-too-many-repeats");
  });

  it("reads a repeat inside a character class or escaped as a plain character", () => {
    expect(checkPattern("([(]+)")).toBeNull();
    expect(checkPattern("\\(nr\\)+ (\\d+)")).toBeNull();
  });

  it("has the server refuse an adapter whose pattern or match pattern breaks the rules, naming the field", () => {
    const adapter = {
      id: "adapter-x",
      organisationId: "org-x",
      displayName: "X",
      matchPattern: "https://epd.x.nl/*",
      clientId: { kind: "text", pattern: "(a+)+$", selector: null },
    };
    const result = newPortalAdapterSchema.safeParse(adapter);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["clientId.pattern", "pattern-repeated-group"]]);
    const wide = newPortalAdapterSchema.safeParse({ ...adapter, matchPattern: "*://*/*", clientId: { kind: "url", pattern: "id=(\\d+)" } });
    expect(wide.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["matchPattern", "match-pattern-too-wide"]]);
    expect(newPortalAdapterSchema.safeParse({ ...adapter, clientId: { kind: "url", pattern: "id=(\\d+)" } }).success).toBe(true);
  });
});
