import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../server/src/demo/people.ts";
import { signIn } from "../support/api.ts";
import { Replica } from "../support/replica.ts";
import { browserBesidePortal, type CaseManagerBrowser, enterPassword } from "./support/panel.ts";
import { type DemoStack, startDemoStack } from "./support/stack.ts";

/** A score change in the panel's housing domain. */
async function scoreHousing(panel: Page, score: string) {
  await panel.getByRole("button", { name: "Bewerken: Huisvesting" }).click();
  await panel.locator('[data-domain="housing"] select[name=score]').selectOption(score);
  await panel.locator('[data-domain="housing"] button[type=submit]').click();
  await expect.poll(() => panel.getByTestId("score-housing").textContent()).toBe(score);
}

describe("a session that ends during a shift loses nothing", () => {
  let stack: DemoStack;
  let fatima: CaseManagerBrowser;

  const scoresAtServer = async () => {
    const ruben = await signIn(stack.server.url, "ruben@iriszorg.demo", demoPassword);
    return new Replica()
      .apply(await ruben.pull())
      .of("zrmScores", "client-anouk")
      .map((s) => s.score);
  };
  /** What SESSION_TTL_HOURS does at the end of a long shift: every session of hers is past its end. */
  const expireHerSessions = async () => {
    const { db } = stack.server.services;
    const fatimaId = "u-fatima";
    const past = new Date(Date.now() - 60_000).toISOString();
    await db.$client.execute({ sql: "update sessions set expires_at = ? where user_id = ?", args: [past, fatimaId] });
  };

  beforeAll(async () => {
    stack = await startDemoStack();
    fatima = await browserBesidePortal(`${stack.portals.urls.iriszorg}/dossier?patient=IZ-1001`);
    await enterPassword(fatima.panel, "fatima@iriszorg.demo", stack.server.url);
    await fatima.panel.getByText(/Ingelogd als/).waitFor();
  }, 120_000);
  afterAll(async () => {
    await fatima?.close();
    await stack?.stop();
  });

  it("asks the same person to sign in again in place, keeps the offline change, and sends it after", async () => {
    const { panel, context } = fatima;
    await context.setOffline(true);
    await scoreHousing(panel, "4");
    await expireHerSessions();
    await context.setOffline(false);
    await panel.evaluate(() => dispatchEvent(new Event("online")));

    await panel.getByRole("heading", { name: "Opnieuw inloggen" }).waitFor({ timeout: 30_000 });
    const explain = await panel.getByTestId("sign-in-again").textContent();
    expect(explain).toContain("Fatima El Amrani");
    expect(explain).toContain("wijziging die nog niet verstuurd is, blijft bewaard");
    // Her address is filled in and fixed: this form is for her only.
    expect(await panel.getByLabel("E-mailadres").inputValue()).toBe("fatima@iriszorg.demo");
    expect(await scoresAtServer()).not.toContain(4);

    await panel.getByLabel("Wachtwoord").fill(demoPassword);
    await panel.getByRole("button", { name: "Inloggen" }).click();
    await panel.getByText(/Ingelogd als/).waitFor();
    await expect.poll(() => panel.getByTestId("score-housing").textContent(), { timeout: 15_000 }).toBe("4");
    await expect.poll(scoresAtServer, { timeout: 30_000 }).toContain(4);
    await expect.poll(() => panel.getByTestId("pending-count").count(), { timeout: 15_000 }).toBe(0);
  }, 150_000);

  it("spells out the loss before a sign-out with unsent changes, and can send them first", async () => {
    const { panel, context } = fatima;
    await context.setOffline(true);
    await scoreHousing(panel, "2");
    await panel.getByRole("button", { name: "Uitloggen" }).click();
    const check = panel.getByTestId("sign-out-check");
    await check.waitFor();
    expect(await check.textContent()).toContain("1 wijziging is nog niet verstuurd");
    // Still offline: sending first fails, she stays signed in with the change kept.
    await check.getByRole("button", { name: "Eerst versturen, dan uitloggen" }).click();
    await check.getByRole("alert").waitFor({ timeout: 30_000 });
    expect(await panel.getByText(/Ingelogd als/).count()).toBe(1);

    // Back online the change goes out (by the panel's "online" signal or by "send first"); then she signs out.
    await context.setOffline(false);
    await panel.evaluate(() => dispatchEvent(new Event("online")));
    await check.getByText("Alle wijzigingen zijn verstuurd").waitFor({ timeout: 30_000 });
    await check.getByRole("button", { name: "Nu uitloggen" }).click();
    await panel.getByRole("heading", { name: "Inloggen bij Naast" }).waitFor({ timeout: 30_000 });
    await expect.poll(scoresAtServer, { timeout: 30_000 }).toContain(2);
  }, 150_000);
});
