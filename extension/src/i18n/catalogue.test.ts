import { refusalCodes } from "@naast/shared";
import { describe, expect, it } from "vitest";
import { en } from "./en.ts";
import { catalogues, loadLanguage, translator } from "./index.ts";
import { nl } from "./nl.ts";
import { describeRefusal } from "./refusal.ts";

// English is loaded on demand in the panel (i18n/index.ts).
await loadLanguage("en");

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
    expect(t("unlock.pending", { count: 1 })).toMatch(/^1 wijziging wacht\./);
    expect(t("unlock.pending", { count: 2 })).toMatch(/^2 wijzigingen wachten\./);
    // No "wijziging(en)": every count goes through a plural.
    expect(Object.values(nl).filter((m) => /\w\((en|s)\)/.test(m))).toEqual([]);
  });

  it("write consent as Dutch sentences whose verb agrees with the organisations, past tense once it ended", () => {
    const t = translator("nl");
    const base = { categories: "alles", from: "1 januari 2026", until: "1 november 2026" };
    expect(t("consent.sentence", { ...base, status: "expired", organisations: ["LDH"], count: 1 })).toBe(
      "LDH mocht alles zien tot 1 november 2026 (verlopen).",
    );
    expect(t("consent.sentence", { ...base, status: "active", organisations: ["LDH", "GGD"], count: 2 })).toBe(
      "LDH en GGD mogen alles zien tot 1 november 2026.",
    );
    expect(t("consent.sentence", { ...base, status: "active", organisations: ["LDH"], count: 1 })).toBe("LDH mag alles zien tot 1 november 2026.");
    expect(t("consent.sentence", { ...base, status: "withdrawn", organisations: ["LDH", "GGD"], count: 2 })).toBe(
      "LDH en GGD mochten alles zien (ingetrokken).",
    );
    expect(t("consent.sentence", { ...base, status: "pending", organisations: ["GGD"], count: 1 })).toBe(
      "GGD mag vanaf 1 januari 2026 alles zien, tot 1 november 2026.",
    );
  });

  it("count open and overdue afspraken in words that agree", () => {
    const t = translator("nl");
    expect(t("glance.agreements", { open: 0, overdue: 0 })).toBe("Geen open afspraken.");
    expect(t("glance.agreements", { open: 1, overdue: 0 })).toBe("1 open afspraak, geen te laat.");
    expect(t("glance.agreements", { open: 3, overdue: 1 })).toBe("3 open afspraken, 1 te laat:");
    expect(t("glance.agreements", { open: 3, overdue: 2 })).toBe("3 open afspraken, 2 te laat:");
    expect(translator("en")("glance.agreements", { open: 1, overdue: 1 })).toBe("1 open agreement, 1 overdue:");
  });

  it("say what the consent review reads out with a verb that agrees, and what 'Het hele Stapteam' covers", () => {
    const t = translator("nl");
    const base = { categories: "afspraken, overdrachten", until: "1 december 2027" };
    expect(t("consent.summary", { ...base, organisations: ["Gemeente Nijmegen"], count: 1 })).toBe(
      "Gemeente Nijmegen mag afspraken, overdrachten zien, tot 1 december 2027.",
    );
    expect(t("consent.summary", { ...base, organisations: ["Leger des Heils", "GGD"], count: 2 })).toBe(
      "Leger des Heils en GGD mogen afspraken, overdrachten zien, tot 1 december 2027.",
    );
    expect(t("consent.wholeTeam", { organisations: ["LDH", "GGD"] })).toBe("Het hele Stapteam: LDH en GGD (de gemeente niet)");
  });

  it("use the field's own words: the ZRM levels by name, the PGA-plan, the warme overdracht", () => {
    const t = translator("nl");
    expect([1, 2, 3, 4, 5].map((n) => t(`zrm.level.${n}` as "zrm.level.1"))).toEqual([
      "acute problematiek",
      "niet zelfredzaam",
      "beperkt zelfredzaam",
      "voldoende zelfredzaam",
      "volledig zelfredzaam",
    ]);
    expect(t("plan.title")).toBe("PGA-plan per leefgebied");
    expect(t("handover.kind.organisation")).toMatch(/^Warme overdracht/);
    expect(Object.values(nl).some((m) => /case manager/i.test(m))).toBe(false);
    // A life domain is a leefgebied everywhere, never a "levensdomein"; a sync is said in plain words.
    expect(Object.values(nl).filter((m) => /levensdomein|synchronis/i.test(m))).toEqual([]);
  });
});
