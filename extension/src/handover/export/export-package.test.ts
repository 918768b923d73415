import { Fhir } from "fhir";
import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { loadLanguage, translator } from "../../i18n/index.ts";
import { exportBaseName, exportPackage } from "./export-package.ts";
import type { Bundle } from "./fhir-types.ts";
import { everythingBut, moniqueInput } from "./monique.fixture.ts";

// English is loaded on demand in the panel (i18n/index.ts).
await loadLanguage("en");

const t = translator("nl");

describe("exportPackage", () => {
  it("makes both files from one selection, names them, and says what they hold for the audit", async () => {
    const pkg = await exportPackage(moniqueInput(), t);
    expect(pkg.formats).toEqual(["pdf", "fhir"]);
    expect(pkg.fileNames).toEqual({ pdf: "overdracht-monique-1979-2024-03-14.pdf", fhir: "overdracht-monique-1979-2024-03-14.fhir.json" });
    expect(pkg.categories).toEqual(["finances", "housing", "addiction", "agreements", "handovers"]);

    const bundle = JSON.parse(pkg.fhirJson) as Bundle;
    const result = new Fhir().validate(bundle, { errorOnUnexpected: true });
    expect(result.messages.filter((m) => m.severity === "error" || m.severity === "fatal")).toEqual([]);
    expect(result.valid).toBe(true);

    const parser = new PDFParse({ data: pkg.pdf });
    const text = (await parser.getText()).text.replace(/\s+/g, " ");
    await parser.destroy();
    for (const words of ["Financiën", "Huisvesting", "Middelengebruik", "Aanvraag beschermingsbewind indienen bij de rechtbank", "Sanne de Boer (LDH)"]) {
      expect(text).toContain(words);
      expect(pkg.fhirJson).toContain(words);
    }
  });

  it("lists only the categories it holds", async () => {
    const pkg = await exportPackage(moniqueInput({ accessible: everythingBut("addiction", "handovers") }), t);
    expect(pkg.categories).toEqual(["finances", "housing", "agreements"]);
    expect(pkg.fhirJson).not.toContain("crack");
  });

  it("names files safely whatever the alias", () => {
    const input = moniqueInput();
    expect(exportBaseName({ ...input, client: { ...input.client, alias: 'Ayşe / "Zoë" 🌸' } }, t)).toBe("overdracht-ayse-zoe-1979-2024-03-14");
    expect(exportBaseName({ ...input, client: { ...input.client, alias: "🌸" } }, translator("en"))).toBe("handover-client-1979-2024-03-14");
  });
});
