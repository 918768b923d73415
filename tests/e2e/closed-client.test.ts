import { closingPeriodDays } from "@naast/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../server/src/demo/people.ts";
import { signIn } from "../support/api.ts";
import { type CaseManagerBrowser, caseManagerBrowser } from "./support/panel.ts";
import { type DemoStack, startDemoStack } from "./support/stack.ts";
import { storedRecords } from "./support/stored-records.ts";

const dayMs = 86_400_000;

/** Issue 9, leak 3, in the built extension: a closed client leaves the partner's device after the period after closing. */
describe("a client closed by her holder, on the partner's device", () => {
  let stack: DemoStack;
  let marieke: CaseManagerBrowser;

  beforeAll(async () => {
    stack = await startDemoStack();
    // Anouk is Iriszorg's client and shares everything with Leger des Heils (LDH-0042 in their portal).
    marieke = await caseManagerBrowser("marieke@ldh.demo", stack.server.url, stack.portals.urls.ldh);
    await marieke.portal.getByText("Anouk de Vries").first().click();
  }, 180_000);
  afterAll(async () => {
    await marieke?.close();
    await stack?.stop();
  });

  it(`stays readable for ${closingPeriodDays} days after closing, then is purged from IndexedDB and the panel says why`, async () => {
    const { panel } = marieke;
    await expect.poll(() => panel.locator("[data-testid=client-view] h1").textContent(), { timeout: 30_000 }).toContain("Anouk");

    // Fatima (Iriszorg) closes Anouk, over the real server.
    const fatima = await signIn(stack.server.url, "fatima@iriszorg.demo", demoPassword);
    expect((await fatima.push("setClientStatus", { clientId: "client-anouk", status: "closed" })).status).toBe("applied");

    // A day before the end: still there, marked closed.
    stack.server.services.clock.advance((closingPeriodDays - 1) * dayMs);
    await panel.reload();
    await expect.poll(() => panel.locator("[data-testid=client-view] header").textContent(), { timeout: 30_000 }).toContain("afgesloten");
    expect((await storedRecords(panel)).some((r) => r.clientId === "client-anouk" && r.collection === "planDomains")).toBe(true);

    // Past the end: gone from the device but LDH's own EPD link, and the panel says since when and why.
    stack.server.services.clock.advance(2 * dayMs);
    await panel.reload();
    await expect.poll(() => panel.getByTestId("not-shared").textContent(), { timeout: 30_000 }).toContain("Niet meer gedeeld sinds");
    expect(await panel.getByTestId("not-shared").textContent()).toContain("dossier gesloten");
    const left = (await storedRecords(panel)).filter((r) => r.clientId === "client-anouk");
    expect(left.map((r) => r.collection)).toEqual(["epdLinks"]);
  });
});
