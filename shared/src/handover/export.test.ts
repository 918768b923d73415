import { describe, expect, it } from "vitest";
import { mutators } from "../mutators/registry.ts";
import { acting, day } from "../testing/fixtures.ts";
import { consentArgs, expectRejected, handoverArgs, stapteam, validArgs } from "../testing/stapteam.ts";

const { recordHandoverExport, startHandover, acknowledgeHandover, recordConsent } = mutators;
const exportArgs = validArgs.recordHandoverExport;

describe("recordHandoverExport", () => {
  it("records who exported what and when; the audit names every category the package holds", async () => {
    const store = await stapteam();
    await store.run(
      startHandover,
      handoverArgs({ kind: "other-municipality", toOrganisationId: null, toExternal: "Gemeente Arnhem" }),
      acting("fatima", day(1)),
    );
    const effect = await store.run(recordHandoverExport, { ...exportArgs, categories: ["housing", "agreements", "handovers"] }, acting("fatima", day(1)));
    expect(effect.categories).toEqual(["handovers", "housing", "agreements"]);
    expect(store.get("handoverExports", "x1")).toEqual({
      id: "x1",
      clientId: "anna",
      handoverId: "h1",
      formats: ["pdf", "fhir"],
      exportedAt: day(1),
      exportedBy: "fatima",
    });
    await expectRejected(store.run(recordHandoverExport, exportArgs, acting("fatima", day(2))), "conflict");
    await store.run(recordHandoverExport, { ...exportArgs, id: "x2", formats: ["pdf", "pdf"] }, acting("fatima", day(2)));
    expect(store.get("handoverExports", "x2")?.formats).toEqual(["pdf"]);
  });

  it("holds only what the user may see, of a handover of this client", async () => {
    const store = await stapteam();
    await store.run(recordConsent, consentArgs({ categories: ["handovers"] }), acting("fatima"));
    await expectRejected(store.run(recordHandoverExport, exportArgs, acting("sanne", day(1))), "not-found", "handover.not-found");
    await expectRejected(store.run(recordHandoverExport, { ...exportArgs, handoverId: null }, acting("sanne", day(1))), "forbidden", "export.category-hidden", {
      category: "housing",
    });
    await store.run(recordHandoverExport, { ...exportArgs, handoverId: null, categories: ["handovers"] }, acting("mirjam", day(1)));
    await expectRejected(
      store.run(recordHandoverExport, { ...exportArgs, id: "x2", handoverId: null }, acting("kees", day(1))),
      "forbidden",
      "access.no-consent",
    );
    await expectRejected(store.run(recordHandoverExport, { ...exportArgs, id: "x3", handoverId: null }, acting("petra", day(1))), "forbidden", "access.role", {
      role: "policy",
    });
  });

  it("the organisation that handed the client over may still export during its read-only period, not after", async () => {
    const store = await stapteam();
    await store.run(recordConsent, consentArgs({ categories: ["handovers", "housing"] }), acting("fatima"));
    await store.run(startHandover, handoverArgs({ toOrganisationId: "ldh" }), acting("fatima", day(1)));
    await store.run(acknowledgeHandover, validArgs.acknowledgeHandover, acting("sanne", day(2)));
    await store.run(recordHandoverExport, exportArgs, acting("fatima", day(3)));
    await expectRejected(store.run(recordHandoverExport, { ...exportArgs, id: "x2" }, acting("fatima", day(32))), "forbidden", "access.no-consent");
  });
});
