import { readFile } from "node:fs/promises";
import { PDFParse } from "pdf-parse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMonths } from "../../shared/src/primitives.ts";
import { hasFocus, tabTo } from "./support/keyboard.ts";
import { type CaseManagerBrowser, caseManagerBrowser } from "./support/panel.ts";
import { type DemoStack, startDemoStack } from "./support/stack.ts";
import { storedRecords } from "./support/stored-records.ts";

/** The consent's end date as the panel and the statement write it: "23 november 2027". */
const dutchDate = (date: Date) => date.toLocaleDateString("nl-NL", { day: "numeric", month: "long", year: "numeric" });

describe("consent at first contact, by keyboard, enforced on the other organisation's device", () => {
  let stack: DemoStack;
  let fatima: CaseManagerBrowser;
  let marieke: CaseManagerBrowser;

  beforeAll(async () => {
    stack = await startDemoStack();
    // Monique is Iriszorg's client; her consent for Leger des Heils expired a month ago.
    fatima = await caseManagerBrowser("fatima@iriszorg.demo", stack.server.url, `${stack.portals.urls.iriszorg}/dossier?patient=IZ-1005`);
    marieke = await caseManagerBrowser("marieke@ldh.demo", stack.server.url, stack.portals.urls.ldh);
    await marieke.portal.getByText("Monique Meijer").first().click();
    // A demo stack and two sign-ins (argon2): past vitest's 60 s on a loaded machine.
  }, 180_000);
  afterAll(async () => {
    await fatima?.close();
    await marieke?.close();
    await stack?.stop();
  });

  it("records a consent for Leger des Heils for two life domains, with the keyboard only", async () => {
    const { panel } = fatima;
    await expect.poll(() => panel.locator("[data-testid=client-view] h1").textContent()).toContain("Monique");
    // Leger des Heils never linked its own record of Monique: to them she is not in Naast yet.
    await expect.poll(() => marieke.panel.locator(".link-client").count(), { timeout: 15_000 }).toBe(1);
    expect(await marieke.panel.locator(".link-client select option").allTextContents()).not.toContainEqual(expect.stringContaining("Monique"));
    // It does not say she is not in Naast (the device cannot know): not linked for LDH, perhaps elsewhere.
    expect(await marieke.panel.locator(".link-client h2").textContent()).toContain("is nog niet gekoppeld voor uw organisatie");
    expect(await marieke.panel.locator(".link-client").textContent()).toContain("Misschien staat zij al in Naast bij een andere organisatie");

    await tabTo(panel, panel.getByRole("button", { name: "Toestemming vastleggen" }));
    await panel.keyboard.press("Enter");
    for (const choice of ["Leger des Heils", "Financiën", "Werk en opleiding"]) {
      await tabTo(panel, panel.locator(".consent-flow").getByLabel(choice, { exact: true }));
      await panel.keyboard.press("Space");
    }
    await tabTo(panel, panel.getByRole("button", { name: "Samen nalezen" }));
    await panel.keyboard.press("Enter");
    const summary = await panel.getByTestId("consent-summary").textContent();
    expect(summary).toContain("Leger des Heils");
    expect(summary).toContain("Financiën");
    await tabTo(panel, panel.getByRole("button", { name: "Klopt, vastleggen" }));
    await panel.keyboard.press("Enter");

    await expect.poll(() => panel.getByTestId("consent-line").allTextContents()).toContainEqual(expect.stringMatching(/^geldig.*LDH mag .* zien tot/));
    await expect.poll(() => panel.getByTestId("pending-count").count(), { timeout: 15_000 }).toBe(0);
  });

  it("finds her by roepnaam and birth year once shared, and warns before a duplicate of her is created", async () => {
    const { panel } = marieke;
    const link = panel.locator(".link-client");
    await expect.poll(() => link.locator("select option").allTextContents(), { timeout: 15_000 }).toContainEqual(expect.stringContaining("Monique"));
    await link.locator("input[name=link-search]").fill("moniq 1988");
    expect(await link.locator("select option").allTextContents()).toEqual(["Kies de cliënt (1 gevonden)", "Monique (1988)"]);
    await link.locator("input[name=link-search]").fill("");
    await link.locator("input[name=link-alias]").fill("monique");
    await link.locator("input[name=link-birth-year]").fill("1989");
    await link.getByRole("button", { name: "Cliënt aanmaken" }).click();
    await expect.poll(() => link.getByTestId("likely-duplicate").textContent()).toContain("Lijkt op een cliënt die al in Naast staat: Monique (1988).");
    expect(await link.getByRole("button", { name: "Toch een nieuwe cliënt aanmaken" }).count()).toBe(1);
    expect(await link.getByRole("button", { name: "Koppelen aan Monique (1988)" }).count()).toBe(1);
    // Nothing was created.
    expect((await storedRecords(panel)).filter((r) => r.collection === "clients" && r.data.alias === "monique")).toEqual([]);
    await link.locator("input[name=link-alias]").fill("");
    await link.locator("input[name=link-birth-year]").fill("");
  });

  it("makes exactly those domains appear in the Leger des Heils case manager's panel", async () => {
    const { panel } = marieke;
    // Now Monique is offered to link to Leger des Heils' own record of her.
    const choice = panel.locator(".link-client select");
    await expect.poll(() => choice.locator("option").allTextContents(), { timeout: 15_000 }).toContainEqual(expect.stringContaining("Monique"));
    await choice.selectOption({ label: (await choice.locator("option", { hasText: "Monique" }).textContent()) ?? "" });
    await panel.getByRole("button", { name: "Koppelen" }).click();
    await expect.poll(() => panel.locator('[data-domain="finances"]').textContent(), { timeout: 15_000 }).toContain("Schuldsanering");
    expect(await panel.locator('[data-domain="work_education"]').textContent()).toContain("kringloop");
    const stored = JSON.stringify(await storedRecords(panel));
    expect(stored).toContain("Schuldsanering");
    // Notes and agreements were not part of the consent: not on screen, not on the device.
    expect(stored).not.toContain("Monique wil erover nadenken");
    expect(stored).not.toContain("Evaluatie werkplek kringloop");
  });

  it("gives the client a statement (PDF) that names the organisation and the end date", async () => {
    const { panel } = fatima;
    const activeLine = panel.getByTestId("consent-line").filter({ hasText: /^geldig/ });
    const download = panel.waitForEvent("download");
    await tabTo(panel, activeLine.getByRole("button", { name: "Verklaring voor de cliënt (PDF)" }));
    await panel.keyboard.press("Enter");
    const file = await (await download).path();
    const { text } = await new PDFParse({ data: new Uint8Array(await readFile(file)) }).getText();

    // The end date is the one the device stored (computed by the app when it was recorded), and it
    // lies a year on: nothing recomputed here at assertion time, which may be past midnight.
    const recorded = (await storedRecords(panel))
      .filter((r) => r.collection === "consentEvents" && r.data.type === "recorded" && String(r.data.grantedTo).includes("org-ldh"))
      .map((r) => r.data as { validFrom: string; validUntil: string })
      .sort((a, b) => a.validFrom.localeCompare(b.validFrom));
    const { validFrom, validUntil } = recorded.at(-1) ?? { validFrom: "", validUntil: "" };
    expect(Math.abs(Date.parse(validUntil) - Date.parse(addMonths(validFrom, 12)))).toBeLessThanOrEqual(86_400_000);
    expect(text).toContain("Leger des Heils");
    expect(text).toContain(dutchDate(new Date(validUntil)));
    expect(text).toContain("Financiën");
    expect(text).toContain("Monique");
    expect(text).not.toContain("Meijer"); // her EPD surname never leaves Iriszorg's own record
  });

  it("withdrawn after a few seconds to undo it, it is purged from the other organisation's IndexedDB and the panel says since when", async () => {
    const { panel } = fatima;
    const activeLine = panel.getByTestId("consent-line").filter({ hasText: /^geldig/ });
    await tabTo(panel, activeLine.getByRole("button", { name: "Intrekken" }));
    await panel.keyboard.press("Enter");
    await tabTo(panel, panel.locator("textarea[name=withdraw-reason]"));
    await panel.keyboard.type("Monique wil eerst zelf met het Leger des Heils praten.");
    await tabTo(panel, panel.getByRole("button", { name: "Toestemming intrekken" }));
    await panel.keyboard.press("Enter");
    // A few seconds to undo it, before anything is applied or queued; the focus is on the undo button.
    await expect.poll(() => panel.getByTestId("undo").textContent()).toContain("De toestemming wordt over 5 seconden ingetrokken.");
    await expect.poll(() => hasFocus(panel.getByRole("button", { name: "Ongedaan maken" }))).toBe(true);
    await panel.keyboard.press("Enter");
    await new Promise((r) => setTimeout(r, 6_000));
    expect(await panel.getByTestId("consent-line").allTextContents()).toContainEqual(expect.stringMatching(/^geldig/));
    expect(await panel.getByTestId("pending-count").count()).toBe(0);
    // The form kept her words; now she withdraws for real.
    expect(await panel.locator("textarea[name=withdraw-reason]").inputValue()).toContain("Monique wil eerst zelf");
    await tabTo(panel, panel.getByRole("button", { name: "Toestemming intrekken" }));
    await panel.keyboard.press("Enter");
    await expect.poll(() => panel.getByTestId("consent-line").allTextContents(), { timeout: 15_000 }).not.toContainEqual(expect.stringMatching(/^geldig/));

    await expect.poll(() => marieke.panel.getByTestId("not-shared").textContent(), { timeout: 15_000 }).toContain("Niet meer gedeeld sinds");
    expect(await marieke.panel.getByTestId("not-shared").textContent()).toContain("ingetrokken");
    const left = (await storedRecords(marieke.panel)).filter((r) => r.clientId === "client-monique");
    // Only Leger des Heils' own EPD link stays: it is their data, and lets the panel say why.
    expect(left.map((r) => r.collection)).toEqual(["epdLinks"]);
    expect(JSON.stringify(await storedRecords(marieke.panel))).not.toContain("Schuldsanering");
  });

  it("keeps the whole story in the consent history, read-only", async () => {
    const history = fatima.panel.getByTestId("consent-history");
    const entries = await history.locator("li").allTextContents();
    expect(entries.some((e) => e.includes("ingetrokken door Fatima El Amrani") && e.includes("Monique wil eerst zelf"))).toBe(true);
    expect(entries.filter((e) => e.includes("vastgelegd door")).length).toBeGreaterThanOrEqual(2);
    expect(entries.some((e) => e.includes("verlopen"))).toBe(true);
    expect(await history.locator("input, textarea, select, button").count()).toBe(0);
  });

  it("'Het hele Stapteam' ticks the care organisations only; the municipality is its own choice with fewer categories", async () => {
    const { panel } = fatima;
    await panel.getByRole("button", { name: "Toestemming vastleggen" }).click();
    const flow = panel.locator(".consent-flow");
    await flow.getByLabel("Het hele Stapteam").check();
    expect(await flow.getByLabel("Leger des Heils", { exact: true }).isChecked()).toBe(true);
    expect(await flow.getByLabel("GGD Gelderland-Zuid, Bijzondere Zorg", { exact: true }).isChecked()).toBe(true);
    expect(await flow.getByLabel("Gemeente Nijmegen", { exact: true }).isChecked()).toBe(false);
    // The municipality is asked about apart, with an explanation in plain words.
    const municipality = flow.getByTestId("municipality-choice");
    expect(await municipality.textContent()).toContain("hoort niet bij het Stapteam");
    await flow.getByTestId("team-categories").getByLabel("Het hele plan (alle leefgebieden)").check();
    await municipality.getByLabel("Gemeente Nijmegen", { exact: true }).check();
    const forMunicipality = flow.getByTestId("municipality-categories");
    expect(await forMunicipality.getByLabel("afspraken", { exact: true }).isChecked()).toBe(true);
    expect(await forMunicipality.getByLabel("overdrachten", { exact: true }).isChecked()).toBe(true);
    expect(await forMunicipality.getByLabel("Huisvesting", { exact: true }).isChecked()).toBe(false);
    expect(await forMunicipality.getByLabel("notities", { exact: true }).isChecked()).toBe(false);

    await panel.getByRole("button", { name: "Samen nalezen" }).click();
    const summaries = await panel.getByTestId("consent-summary").allTextContents();
    expect(summaries).toHaveLength(2);
    expect(summaries[1]).toMatch(/^Gemeente Nijmegen mag afspraken, overdrachten, opschalingen zien/i);
    await panel.getByRole("button", { name: "Klopt, vastleggen" }).click();

    // Two consents on the device: the care organisations with the plan, the municipality with the afspraken and overdrachten only.
    const recorded = async () =>
      (await storedRecords(panel))
        .filter((r) => r.clientId === "client-monique" && r.collection === "consentEvents" && r.data.type === "recorded")
        .map((r) => ({ grantedTo: [...(r.data.grantedTo as string[])].sort(), categories: [...(r.data.categories as string[])].sort() }));
    await expect
      .poll(async () => (await recorded()).filter((c) => c.grantedTo.includes("org-gemeente")), { timeout: 15_000 })
      .toEqual([{ grantedTo: ["org-gemeente"], categories: ["agreements", "escalations", "handovers"] }]);
    expect((await recorded()).some((c) => c.grantedTo.join() === "org-ggd,org-ldh" && c.categories.includes("mental_health"))).toBe(true);
  });

  it("records a conversation in which the client said 'nog niet', shown to the holder and never on the other organisation's device", async () => {
    const { panel } = fatima;
    await panel.getByRole("button", { name: "Gesprek vastleggen (nog geen toestemming)" }).click();
    await panel.getByLabel("nog niet", { exact: true }).check();
    await panel.locator("textarea[name=conversation-words]").fill("Ik wil eerst weten wie het allemaal leest.");
    await panel.getByRole("button", { name: "Gesprek vastleggen", exact: true }).click();
    const line = panel.getByTestId("conversation-line");
    await expect
      .poll(() => line.allTextContents())
      .toContainEqual(expect.stringMatching(/gevraagd door Fatima El Amrani — nog niet\..*wie het allemaal leest.*Opnieuw vragen op/));
    await expect.poll(() => panel.getByTestId("pending-count").count(), { timeout: 15_000 }).toBe(0);
    // Leger des Heils syncs, and still has nothing of what she said.
    await marieke.panel.reload();
    await expect.poll(async () => (await storedRecords(marieke.panel)).length, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(JSON.stringify(await storedRecords(marieke.panel))).not.toContain("wie het allemaal leest");
  });
});
