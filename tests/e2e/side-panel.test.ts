import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../server/src/demo/people.ts";
import { signIn } from "../support/api.ts";
import { Replica } from "../support/replica.ts";
import { type CaseManagerBrowser, caseManagerBrowser } from "./support/panel.ts";
import { type DemoStack, startDemoStack } from "./support/stack.ts";
import { storedRecords } from "./support/stored-records.ts";

describe("the shared plan beside the EPD, online and offline", () => {
  let stack: DemoStack;
  let fatima: CaseManagerBrowser;
  let marieke: CaseManagerBrowser;

  beforeAll(async () => {
    stack = await startDemoStack();
  });
  afterAll(async () => {
    await fatima?.close();
    await marieke?.close();
    await stack?.stop();
  });

  it("shows an Iriszorg case manager the plan of the client open in her EPD", async () => {
    fatima = await caseManagerBrowser("fatima@iriszorg.demo", stack.server.url, `${stack.portals.urls.iriszorg}/dossier?patient=IZ-1001`);
    const { panel } = fatima;
    await expect.poll(() => panel.locator("[data-testid=client-view] h1").textContent()).toContain("Anouk");
    await expect.poll(() => panel.locator('[data-domain="housing"]').textContent()).toContain("Slaapt wisselend bij een kennis");
    expect(await panel.getByTestId("score-housing").textContent()).toBe("2");
  });

  it("keeps a score change and a new agreement made offline, through a reload, and sends them when the network returns", async () => {
    const { panel, context } = fatima;
    await context.setOffline(true);

    await panel.getByRole("button", { name: "Bewerken: Huisvesting" }).click();
    await panel.locator('[data-domain="housing"] select[name=score]').selectOption("3");
    await panel.locator('[data-domain="housing"] button[type=submit]').click();
    await expect.poll(() => panel.getByTestId("score-housing").textContent()).toBe("3");

    await panel.getByText("Afspraak toevoegen", { exact: true }).first().click();
    await panel.locator("input[name=agreement-text]").fill("Samen naar het Sociaal Wijkteam");
    await panel.locator("select[name=agreement-owner]").selectOption({ label: "Fatima El Amrani (Iriszorg)" });
    await panel.locator("input[name=agreement-due]").fill("2026-12-24");
    await panel.locator("section.agreements form button[type=submit]").click();
    await expect.poll(() => panel.getByTestId("agreement").allTextContents()).toContainEqual(expect.stringContaining("Samen naar het Sociaal Wijkteam"));

    await panel.reload();
    await expect.poll(() => panel.getByTestId("score-housing").textContent()).toBe("3");
    expect(await panel.getByTestId("agreement").allTextContents()).toContainEqual(expect.stringContaining("Samen naar het Sociaal Wijkteam"));
    await expect.poll(() => panel.getByTestId("pending-count").textContent()).toContain("2");

    // Nothing has reached the server yet.
    const server = await signIn(stack.server.url, "ruben@iriszorg.demo", demoPassword);
    const before = new Replica().apply(await server.pull());
    expect(before.of("agreements", "client-anouk").map((a) => a.text)).not.toContain("Samen naar het Sociaal Wijkteam");

    await context.setOffline(false);
    await expect.poll(() => panel.getByTestId("pending-count").count(), { timeout: 15_000 }).toBe(0);
    const after = new Replica().apply(await server.pull());
    expect(after.of("agreements", "client-anouk").map((a) => a.text)).toContain("Samen naar het Sociaal Wijkteam");
    expect(
      after
        .of("zrmScores", "client-anouk")
        .filter((s) => s.domain === "housing")
        .map((s) => s.score),
    ).toContain(3);
  });

  it("shows the change to a Leger des Heils case manager where consent allows, and follows in-page navigation", async () => {
    marieke = await caseManagerBrowser("marieke@ldh.demo", stack.server.url, stack.portals.urls.ldh);
    const { portal, panel } = marieke;
    await portal.getByText("Anouk de Vries").first().click();
    await expect.poll(() => panel.locator("[data-testid=client-view] h1").textContent(), { timeout: 15_000 }).toContain("Anouk");
    await expect.poll(() => panel.getByTestId("score-housing").textContent()).toBe("3");
    expect(await panel.getByTestId("agreement").allTextContents()).toContainEqual(expect.stringContaining("Samen naar het Sociaal Wijkteam"));

    // The single-page portal swaps the dossier without reloading: the panel follows.
    await portal.getByText("Sandra Jansen").first().click();
    await expect.poll(() => panel.locator("[data-testid=client-view] h1").textContent()).toContain("Sandra");
  });

  it("shows nothing of a client whose consent for Leger des Heils has expired, on screen or on the device", async () => {
    const { portal, panel } = marieke;
    await portal.getByText("Monique Meijer").first().click();
    await expect.poll(() => panel.locator(".link-client, [data-testid=not-shared]").count()).toBe(1);
    expect(await panel.locator("body").textContent()).not.toContain("Schuldsanering");
    const records = await storedRecords(panel);
    expect(records.filter((r) => r.clientId === "client-monique")).toEqual([]);
    expect(JSON.stringify(records)).not.toContain("Schuldsanering");
    expect(records.some((r) => r.clientId === "client-anouk")).toBe(true);
  });

  it("puts no plan text into the portal page, where the page's scripts could read it", async () => {
    const { portal } = marieke;
    await portal.getByText("Anouk de Vries").first().click();
    await expect.poll(() => marieke.panel.locator("[data-testid=client-view] h1").textContent()).toContain("Anouk");
    const found = await portal.evaluate(() => {
      const texts = [document.documentElement.outerHTML];
      for (const element of document.querySelectorAll("*")) if (element.shadowRoot) texts.push(element.shadowRoot.innerHTML);
      return texts.join("\n");
    });
    expect(found).toContain("LDH-0042"); // the portal's own dossier is there…
    expect(found).not.toContain("Slaapt wisselend bij een kennis"); // …and nothing of Naast's plan
    expect(found).not.toContain("Samen naar het Sociaal Wijkteam");
  });

  it("posts the portal's window no message, so its scripts do not learn that Naast reads along", async () => {
    const { portal, panel } = marieke;
    await portal.addInitScript(() => {
      const posted: unknown[] = [];
      (globalThis as unknown as { postedToPortal: unknown[] }).postedToPortal = posted;
      addEventListener("message", (event) => posted.push(event.data));
    });
    await portal.goto(stack.portals.urls.ldh);
    await portal.getByText("Sandra Jansen").first().click();
    // The panel shows her: the content script of this page load ran and reported.
    await expect.poll(() => panel.locator("[data-testid=client-view] h1").textContent()).toContain("Sandra");
    expect(await portal.evaluate(() => (globalThis as unknown as { postedToPortal: unknown[] }).postedToPortal)).toEqual([]);
  });
});
