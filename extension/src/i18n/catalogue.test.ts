import { refusalCodes } from "@naast/shared";
import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { catalogues, translator } from "./index.ts";
import { nl } from "./nl.ts";
import { describeRefusal } from "./refusal.ts";

/** The argument names a message uses, at any depth. */
function argumentsOf(message: string): Set<string> {
  return new Set([...message.matchAll(/\{\s*(\w+)\s*(?:[,}])/g)].map((m) => m[1] as string));
}

describe("the catalogues", () => {
  it("have the same keys in Dutch and English", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it.each(Object.keys(refusalCodes))("translate refusal %s in both languages, using only its own parameters", (code) => {
    const declared = new Set(Object.keys(refusalCodes[code as keyof typeof refusalCodes]));
    for (const catalogue of Object.values(catalogues)) {
      const message = (catalogue as Record<string, string>)[`refusal.${code}`];
      expect(message, code).toBeTypeOf("string");
      const used = [...argumentsOf(message ?? "")].filter((name) => !/^(plural|select|date|one|other|none)$/.test(name));
      for (const name of used) expect(declared, `${code} uses {${name}}`).toContain(name);
    }
  });

  it("name things by name and say what to do: a Dutch refusal with its afspraak's text", () => {
    const t = translator("nl");
    const sentence = describeRefusal(t, {
      code: "handover.agreement-added-since",
      params: { agreement: "Samen naar de Kredietbank", person: "Fatima" },
    });
    expect(sentence).toBe(
      "De afspraak \u201cSamen naar de Kredietbank\u201d is later toegevoegd. Fatima kan die niet houden en u kunt die niet overnemen. Vraag de schrijver om de overdracht bij te werken.",
    );
  });

  it("translate the codes inside a refusal: a role, a handover's status, a list of life domains", () => {
    const t = translator("nl");
    expect(describeRefusal(t, { code: "access.role", params: { role: "ervaringsdeskundige", mutation: "acknowledgeHandover" } })).toBe(
      "Als ervaringsdeskundige kunt u dit niet doen: een overdracht bevestigen. Vraag een casemanager of coördinator van uw team.",
    );
    expect(describeRefusal(t, { code: "handover.not-open", params: { status: "acknowledged" } })).toBe(
      "Deze overdracht is al bevestigd. Kijk bij Overdracht wat nu geldt.",
    );
    expect(describeRefusal(t, { code: "handover.domains-not-shared", params: { domains: ["housing", "addiction"], organisation: "GGD" } })).toContain(
      "De cliënt deelt Huisvesting en Middelengebruik niet met GGD.",
    );
    expect(describeRefusal(translator("en"), { code: "access.expired", params: { since: "2026-11-01" } })).toBe(
      "The client's consent for your organisation expired on 1 November 2026. Ask the organisation that supports the client to ask for consent again.",
    );
  });

  it("count in words that agree with the number", () => {
    const t = translator("nl");
    expect(t("status.pending", { count: 1 })).toBe("1 wijziging nog niet verstuurd");
    expect(t("status.pending", { count: 3 })).toBe("3 wijzigingen nog niet verstuurd");
  });
});
