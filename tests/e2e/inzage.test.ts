import { readFile } from "node:fs/promises";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CaseManagerBrowser, caseManagerBrowser } from "./support/panel.ts";
import { type DemoStack, startDemoStack } from "./support/stack.ts";
import { storedRecords } from "./support/stored-records.ts";

/** Issue 9, point 5, in the built extension against the real server: the inzage for the client. */
describe("inzage: the holder gives the client a PDF of who read her record", () => {
  let stack: DemoStack;
  let fatima: CaseManagerBrowser;
  let marieke: CaseManagerBrowser;

  beforeAll(async () => {
    stack = await startDemoStack();
    // Anouk is Iriszorg's client; she shares everything with Leger des Heils. Marieke's device syncs her.
    marieke = await caseManagerBrowser("marieke@ldh.demo", stack.server.url, stack.portals.urls.ldh);
    for (let tries = 0; !(await storedRecords(marieke.panel)).some((r) => r.clientId === "client-anouk"); tries++) {
      if (tries > 60) throw new Error("Marieke's device never received Anouk");
      await marieke.panel.waitForTimeout(500);
    }
    fatima = await caseManagerBrowser("fatima@iriszorg.demo", stack.server.url, `${stack.portals.urls.iriszorg}/dossier?patient=IZ-1001`);
  }, 180_000);
  afterAll(async () => {
    await fatima?.close();
    await marieke?.close();
    await stack?.stop();
  });

  it("shows the holder who read Anouk's record and on which basis", async () => {
    const { panel } = fatima;
    await expect.poll(() => panel.locator("[data-testid=client-view] h1").textContent(), { timeout: 30_000 }).toContain("Anouk");
    // The rights sections are folded under "Meer", off the short Tab path.
    expect(await panel.getByTestId("access-report").isVisible()).toBe(false);
    await panel.getByTestId("more-sections").locator("summary").click();
    const section = panel.getByTestId("access-report");
    await section.getByRole("button", { name: "Overzicht tonen" }).click();
    await expect
      .poll(() => section.getByTestId("access-line").allTextContents(), { timeout: 15_000 })
      .toContainEqual(expect.stringMatching(/^Marieke Verhoeven \(Leger des Heils\) heeft bekeken: .*Huisvesting.*toestemming/));
  });

  it("gives the client a PDF in plain Dutch that lists the partner's read", async () => {
    const { panel } = fatima;
    const download = panel.waitForEvent("download");
    await panel.getByTestId("access-report").getByRole("button", { name: "Overzicht voor de cliënt (PDF)" }).click();
    const file = await (await download).path();
    const { text } = await new PDFParse({ data: new Uint8Array(await readFile(file)) }).getText();
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Wie heeft uw gegevens in Naast gezien?");
    expect(flat).toContain("Voor Anouk");
    expect(flat).toMatch(
      /Marieke Verhoeven \(Leger des Heils\) heeft bekeken: [^.]*Huisvesting[^.]*\. Dat mocht: de cliënt heeft daar toestemming voor gegeven\./,
    );
    // Her own request for the report is in it too, and nothing of the content of the record.
    expect(flat).toMatch(/Fatima El Amrani \(Iriszorg\) heeft dit overzicht of een kopie van de gegevens gevraagd/);
    expect(flat).not.toContain("de Vries");
  });
});
