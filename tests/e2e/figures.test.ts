import { readFile } from "node:fs/promises";
import { demoClients } from "@naast/demo";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe.ts";
import { type CaseManagerBrowser, caseManagerBrowser } from "./support/panel.ts";
import { type DemoStack, startDemoStack } from "./support/stack.ts";

/** Issue 16: the Gemeente's policy officer (Nadia, demo login) sees the figures of the demo data, and takes them away as CSV and PDF. */
describe("the Cijfers view of the policy officer", () => {
  let stack: DemoStack;
  let nadia: CaseManagerBrowser;

  beforeAll(async () => {
    stack = await startDemoStack();
    nadia = await caseManagerBrowser("nadia@gemeente.demo", stack.server.url, `${stack.portals.urls.iriszorg}/dossier?patient=IZ-1001`);
  });
  afterAll(async () => {
    await nadia?.close();
    await stack?.stop();
  });

  it("shows this year's figures of the demo data, with no client in them, and passes axe", async () => {
    const { panel } = nadia;
    const view = panel.getByTestId("figures");
    await view.getByRole("heading", { name: "Cijfers voor de gemeente" }).waitFor();
    await view.getByRole("button", { name: "Cijfers ophalen" }).click();
    const result = view.getByTestId("figures-result");
    await result.waitFor({ timeout: 20_000 });
    const active = result.locator("table", { has: panel.locator("caption", { hasText: "Actieve cliënten per organisatie" }) });
    await expect.poll(() => active.locator("tr", { hasText: "Totaal" }).locator("td").textContent()).toMatch(/^(\d+|<5|x)$/);
    // The demo holds a handful of clients: small counts are shown as <5, never as 1 to 4.
    const values = await result.locator("td").allTextContents();
    expect(values.length).toBeGreaterThan(20);
    expect(values.filter((v) => /^[1-4]$/.test(v))).toEqual([]);
    expect(values).toContain("<5");
    const text = (await panel.locator("body").textContent()) ?? "";
    for (const client of demoClients) expect(text).not.toContain(client.alias);
    expect(await panel.getByTestId("flows-chart").locator("li").count()).toBeGreaterThanOrEqual(12);
    expect(await axeViolations(panel)).toEqual([]);
  });

  it("downloads the same figures as CSV for Dutch Excel and as a PDF", async () => {
    const { panel } = nadia;
    const csvDownload = panel.waitForEvent("download");
    await panel.getByRole("button", { name: "Download CSV (Excel)" }).click();
    const csv = await readFile(await (await csvDownload).path(), "utf8");
    expect(csv.startsWith('\uFEFF"Onderdeel";"Wat";"Aantal"\r\n')).toBe(true);
    expect(csv).toMatch(/"Overdrachten";"Totaal";"(\d+|<5|x)"\r\n/);
    expect(csv).toMatch(/"Flexbudget";"Budget";"\d+,\d\d"\r\n/);

    const pdfDownload = panel.waitForEvent("download");
    await panel.getByRole("button", { name: "Download PDF" }).click();
    const { text } = await new PDFParse({ data: new Uint8Array(await readFile(await (await pdfDownload).path())) }).getText();
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Cijfers Stapteam voor de gemeente");
    expect(flat).toContain("Actieve cliënten per organisatie");
    for (const client of demoClients) expect(flat).not.toContain(client.alias);
  });
});
