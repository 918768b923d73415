import { PDFParse } from "pdf-parse";
import { describe, expect, it } from "vitest";
import { buildStatementPdf } from "../../consent/statement-pdf.ts";
import { loadLanguage, translator } from "../../i18n/index.ts";
import { nl } from "../../i18n/nl.ts";
import { readableCategories } from "./export-input.ts";
import { buildExportPdf } from "./export-pdf.ts";
import { agreements, client, consentEvents, everythingBut, handover, moniqueInput, now } from "./monique.fixture.ts";

// English is loaded on demand in the panel (i18n/index.ts).
await loadLanguage("en");

const t = translator("nl");

/** The PDF's text as a reader gets it, with line breaks and runs of spaces made single spaces. */
async function readBack(bytes: Uint8Array): Promise<string> {
  expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
  const parser = new PDFParse({ data: bytes });
  try {
    const { text } = await parser.getText();
    return text.replace(/\s+/g, " ");
  } finally {
    await parser.destroy();
  }
}

describe("the export's PDF", () => {
  it("holds the title, the client, from and to, the life domains in Dutch with their ZRM scores, and the agreements with their owners", async () => {
    const text = await readBack(await buildExportPdf(moniqueInput(), t));
    expect(text).toContain("Overdracht");
    expect(text).toContain("Monique, geboren in 1979");
    expect(text).toContain("Van: Fatima Yilmaz (Iriszorg)");
    expect(text).toContain("Aan: Gemeente Arnhem, team Bijzondere Doelgroepen");
    expect(text).toContain("Soort: Naar een andere gemeente");
    expect(text).toContain("Exportpakket gemaakt op 14 maart 2024");
    expect(text).toContain("Situatie per leefgebied");
    expect(text).toContain("Financiën — ZRM 2 van 5");
    expect(text).toContain("Huisvesting — ZRM 1 van 5");
    expect(text).toContain("Middelengebruik — ZRM 2 van 5");
    expect(text).toContain("Doel: Een eigen kamer via Beschermd Wonen in Arnhem.");
    expect(text).toContain("Schulden ongeveer € 14.000");
    // Only the domains with something in them.
    expect(text).not.toContain(nl["domain.justice"]);

    expect(text).toContain("Afspraken");
    expect(text).toContain("Aanvraag beschermingsbewind indienen bij de rechtbank");
    expect(text).toContain("Eigenaar: Sanne de Boer (LDH); uiterlijk 20 maart 2024; loopt door bij Sanne de Boer (LDH)");
    expect(text).toContain("Intake bij de verslavingszorg in Arnhem regelen");
    expect(text).toContain("Eigenaar: Fatima Yilmaz (Iriszorg); uiterlijk 15 maart 2024");
    expect(text).toContain("Nieuwe identiteitskaart aanvragen");
    expect(text).toContain("afgerond bij de overdracht");
    expect(text).not.toContain(agreements[3]?.text);
  });

  it("holds the risks, what works, the network and the consent in plain Dutch", async () => {
    const text = await readBack(await buildExportPdf(moniqueInput(), t));
    expect(text).toContain("Risico's Raakt snel uit beeld als afspraken niet doorgaan.");
    expect(text).toContain("Wat werkt bij deze cliënt Persoonlijke aandacht, lange adem");
    expect(text).toContain("Netwerk • Zus Ellen — familie — via Monique • Huisarts Molenaar — huisarts — 024 123 4567");
    expect(text).toContain("Toestemming");
    expect(text).toContain("Leger des Heils");
    expect(text).toContain(
      "Geldig. Gedeeld met Leger des Heils: Het hele plan (alle leefgebieden), afspraken, overdrachten. Van 4 januari 2024 tot en met 3 januari 2025.",
    );
    expect(text).toContain("Ingetrokken op 1 maart 2024 voor Leger des Heils: Middelengebruik.");
    expect(text).toContain("Verlopen. Gedeeld met Gemeente Nijmegen: Huisvesting.");
    expect(text).toContain("Gemaakt met Naast door Fatima Yilmaz (Iriszorg) op 14 maart 2024.");
  });

  it("does not crash on characters the PDF fonts cannot draw, and keeps the rest of the text", async () => {
    const odd = {
      ...handover,
      risks: "Eerst bellen → dan langs. Schuld ≤ €500 ≥ nu. Ayşe (buurvrouw) helpt 👍🏽 ✓\tklaar",
      whatWorks: "Koffie ☕ en geduld\r\nZe zegt: „dank je” — na 2×",
      text: "Een heel lang woord: https://www.example.org/zeer/lang/pad/dat/niet/op/een/regel/past/en/toch/niet/mag/crashen/want/dat/is/het/hele/punt/van/deze/test",
    };
    const pdf = await buildExportPdf(moniqueInput({ handover: odd }), t);
    const text = await readBack(pdf);
    expect(text).toContain("Eerst bellen -> dan langs. Schuld <= €500 >= nu. Ayse (buurvrouw) helpt ? v klaar");
    expect(text).toContain("Koffie ? en geduld");
    expect(text).toContain("Ze zegt: „dank je” — na 2×");
    expect(text).toContain("https://www.example.org/zeer/lang/pad");
  });

  it("holds nothing of a category the exporting user may not read", async () => {
    const sanne = { id: "sanne", name: "Sanne de Boer", organisationId: "ldh", role: "casemanager" as const };
    const accessible = readableCategories(sanne, client, consentEvents, now);
    const text = await readBack(await buildExportPdf(moniqueInput({ accessible, exportedBy: sanne }), t));
    expect(text).toContain("Financiën — ZRM 2 van 5");
    expect(text).not.toContain("Middelengebruik — ZRM");
    expect(text).not.toContain("crack");
    expect(text).not.toContain("Stabiel op methadon");

    const without = await readBack(await buildExportPdf(moniqueInput({ accessible: everythingBut("agreements", "housing", "handovers") }), t));
    expect(without).not.toContain("beschermingsbewind indienen");
    expect(without).not.toContain("Huisvesting — ZRM");
    expect(without).not.toContain("Beschermd Wonen");
    expect(without).not.toContain("Ex-partner");
    expect(without).not.toContain("Zus Ellen");
    expect(without).toContain("Financiën — ZRM 2 van 5");
  });

  it("speaks English when the panel does, with the same content", async () => {
    const text = await readBack(await buildExportPdf(moniqueInput({ language: "en" }), translator("en")));
    expect(text).toContain("Handover");
    expect(text).toContain("Monique, born in 1979");
    expect(text).toContain("Finances — ZRM 2 of 5");
    expect(text).toContain("Owner: Sanne de Boer (LDH); due 20 March 2024; carried over to Sanne de Boer (LDH)");
  });

  it("leaves the client's consent statement as it was, and makes it safe for any text too", async () => {
    const text = await readBack(
      await buildStatementPdf(
        "Uw toestemming om informatie te delen",
        "Voor: Monique (geboren in 1979)",
        [{ heading: "Waarom?", text: "Samen → verder 💪" }],
        "Vastgelegd.",
      ),
    );
    expect(text).toContain("Uw toestemming om informatie te delen Voor: Monique (geboren in 1979) Waarom? Samen -> verder ? Vastgelegd.");
  });
});
