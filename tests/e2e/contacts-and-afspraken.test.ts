import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../server/src/demo/people.ts";
import { signIn } from "../support/api.ts";
import { Replica } from "../support/replica.ts";
import { type CaseManagerBrowser, caseManagerBrowser } from "./support/panel.ts";
import { type DemoStack, startDemoStack } from "./support/stack.ts";

/** Issue 13, points 3 and 5, in the built extension against the real server. */
describe("contacts and afspraken from the panel", () => {
  let stack: DemoStack;
  let fatima: CaseManagerBrowser;

  beforeAll(async () => {
    stack = await startDemoStack();
    fatima = await caseManagerBrowser("fatima@iriszorg.demo", stack.server.url, `${stack.portals.urls.iriszorg}/dossier?patient=IZ-1001`);
    await fatima.panel.locator("[data-testid=client-view] h1").waitFor();
  }, 120_000);
  afterAll(async () => {
    await fatima?.close();
    await stack?.stop();
  });

  it("a street contact logged offline, earlier than now, keeps its type and reaches the server after reconnecting", async () => {
    const { panel, context } = fatima;
    await context.setOffline(true);
    await panel.locator("input[name=contact-when]").fill("2026-01-05T22:30");
    await panel.locator("select[name=contact-type]").selectOption("street");
    await panel.locator("textarea[name=note]").fill("Op de Waalkade gesproken, wil morgen naar de inloop.");
    await panel.getByRole("button", { name: "Contact opslaan" }).click();
    // Newest first by when it happened: the seed's notes of today come before last January's contact.
    await expect.poll(() => panel.getByTestId("contact").allTextContents()).toContainEqual(expect.stringContaining("Op straat (outreachend)"));
    await context.setOffline(false);
    await expect.poll(() => panel.getByTestId("pending-count").count(), { timeout: 15_000 }).toBe(0);
    const ruben = await signIn(stack.server.url, "ruben@iriszorg.demo", demoPassword);
    const notes = new Replica().apply(await ruben.pull()).of("notes", "client-anouk");
    expect(notes.find((n) => n.text.startsWith("Op de Waalkade"))).toMatchObject({ contactType: "street", noShow: false });
  }, 60_000);

  it("cancels an afspraak with a reason; it leaves the open afspraken and the server keeps the reason", async () => {
    const { panel } = fatima;
    const first = panel.getByTestId("agreement").first();
    const text = (await first.locator(".text").textContent()) ?? "";
    await first.getByRole("button", { name: `Laten vervallen: ${text}` }).click();
    await panel.locator("input[name=agreement-cancel-reason]").fill("Anouk regelt dit zelf");
    await panel.getByRole("button", { name: "Afspraak laten vervallen" }).click();
    await expect.poll(() => panel.getByTestId("agreement").allTextContents(), { timeout: 15_000 }).not.toContainEqual(expect.stringContaining(text));
    await expect.poll(() => panel.getByTestId("pending-count").count(), { timeout: 15_000 }).toBe(0);
    const ruben = await signIn(stack.server.url, "ruben@iriszorg.demo", demoPassword);
    const agreements = new Replica().apply(await ruben.pull()).of("agreements", "client-anouk");
    expect(agreements.find((a) => a.text === text)).toMatchObject({ status: "cancelled", cancelReason: "Anouk regelt dit zelf" });
  }, 60_000);

  it("closing an afspraak waits a few seconds with an undo: undone, nothing is queued; not undone, it is done", async () => {
    const { panel } = fatima;
    const first = panel.getByTestId("agreement").first();
    const text = (await first.locator(".text").textContent()) ?? "";
    await first.getByRole("button", { name: "Afgerond" }).click();
    await expect.poll(() => first.getByTestId("undo").textContent()).toContain(`Afspraak “${text}” wordt over 5 seconden afgerond.`);
    await first.getByRole("button", { name: "Ongedaan maken" }).click();
    await new Promise((r) => setTimeout(r, 6_000));
    expect(await panel.getByTestId("agreement").allTextContents()).toContainEqual(expect.stringContaining(text));
    expect(await panel.getByTestId("pending-count").count()).toBe(0);
    expect(
      await panel.evaluate(
        () =>
          new Promise<number>((resolve) => {
            const open = indexedDB.open("naast");
            open.onsuccess = () => {
              const count = open.result.transaction("outbox").objectStore("outbox").count();
              count.onsuccess = () => resolve(count.result);
            };
          }),
      ),
    ).toBe(0);

    await first.getByRole("button", { name: "Afgerond" }).click();
    await expect.poll(() => panel.getByTestId("agreement").allTextContents(), { timeout: 15_000 }).not.toContainEqual(expect.stringContaining(text));
    await expect.poll(() => panel.getByTestId("pending-count").count(), { timeout: 15_000 }).toBe(0);
    const ruben = await signIn(stack.server.url, "ruben@iriszorg.demo", demoPassword);
    const agreements = new Replica().apply(await ruben.pull()).of("agreements", "client-anouk");
    expect(agreements.find((a) => a.text === text)).toMatchObject({ status: "done" });
  }, 60_000);
});
