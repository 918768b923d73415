import { describe, expect, it } from "vitest";
import { canAccess } from "../consent/can-access.ts";
import { dataCategories } from "../consent/categories.ts";
import { bindMutation, mutators } from "../mutators/registry.ts";
import { acting, day, sessionUser } from "../testing/fixtures.ts";
import { expectRejected, shareWithLdh, stapteam } from "../testing/stapteam.ts";
import { isZrmDomain, lifeDomains, planOnlyDomains, zrmDomains } from "./domains.ts";

describe("the plan's life domains", () => {
  it("are the 13 ZRM domains plus seksualiteit en sekswerk and veiligheid, each its own consent category", () => {
    expect(zrmDomains).toHaveLength(13);
    expect(planOnlyDomains).toEqual(["sexuality_sex_work", "safety"]);
    expect(lifeDomains).toEqual([...zrmDomains, ...planOnlyDomains]);
    for (const domain of lifeDomains) expect(dataCategories).toContain(domain);
    expect(isZrmDomain("housing")).toBe(true);
    expect(isZrmDomain("safety")).toBe(false);
  });

  it("a ZRM score for veiligheid or seksualiteit en sekswerk does not pass the schema: the ZRM does not score them", () => {
    for (const domain of planOnlyDomains) {
      const bound = bindMutation("recordZrmScore", { id: "z1", clientId: "anna", domain, score: 2, assessedOn: "2024-03-04" });
      expect(bound.ok).toBe(false);
    }
    expect(bindMutation("recordZrmScore", { id: "z1", clientId: "anna", domain: "housing", score: 2, assessedOn: "2024-03-04" }).ok).toBe(true);
  });

  it("Fatima writes a situation and goal for veiligheid; LDH, with consent for housing only, neither reads nor writes it", async () => {
    const store = await stapteam();
    await store.run(
      mutators.updatePlanDomain,
      { clientId: "anna", domain: "safety", situation: "Signalen van uitbuiting door een pooier", goal: "Veilige slaapplek" },
      acting("fatima"),
    );
    expect(store.all("planDomains").map((p) => p.domain)).toEqual(["safety"]);
    await shareWithLdh(store, ["housing"]);
    const anna = store.get("clients", "anna");
    if (!anna) throw new Error("no Anna");
    const consents = store.all("consentEvents");
    expect(canAccess(sessionUser("sanne"), anna, "housing", consents, day(1)).allowed).toBe(true);
    expect(canAccess(sessionUser("sanne"), anna, "safety", consents, day(1))).toMatchObject({ allowed: false, reason: "no-consent" });
    await expectRejected(
      store.run(mutators.updatePlanDomain, { clientId: "anna", domain: "safety", goal: "x" }, acting("sanne", day(1))),
      "forbidden",
      "access.no-consent",
    );
  });

  it("consent for seksualiteit en sekswerk lets LDH write that domain and no other", async () => {
    const store = await stapteam();
    await shareWithLdh(store, ["sexuality_sex_work"]);
    await store.run(
      mutators.updatePlanDomain,
      { clientId: "anna", domain: "sexuality_sex_work", goal: "Uitstappen: traject bij het uitstapprogramma" },
      acting("sanne", day(1)),
    );
    expect(store.get("planDomains", store.all("planDomains")[0]?.id ?? "")).toMatchObject({ domain: "sexuality_sex_work", updatedBy: "sanne" });
    await expectRejected(store.run(mutators.updatePlanDomain, { clientId: "anna", domain: "safety", goal: "x" }, acting("sanne", day(1))), "forbidden");
  });
});
