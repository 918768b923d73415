import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../server/src/demo/people.ts";
import { signIn } from "../support/api.ts";
import { Replica } from "../support/replica.ts";
import { browserBesidePortal, type CaseManagerBrowser, enterPassword } from "./support/panel.ts";
import { type DemoStack, startDemoStack } from "./support/stack.ts";

/** Every file under the profile's IndexedDB folder, searched for `text` as UTF-8 and as UTF-16. */
async function indexedDbFilesContain(profile: string, text: string): Promise<boolean> {
  const folder = join(profile, "Default", "IndexedDB");
  const files = (await readdir(folder, { recursive: true, withFileTypes: true })).filter((f) => f.isFile());
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const bytes = await readFile(join(file.parentPath, file.name));
    if (bytes.includes(Buffer.from(text, "utf8")) || bytes.includes(Buffer.from(text, "utf16le"))) return true;
  }
  return false;
}

/** Sets the idle time before locking, as an administrator would (storage.local idleLockMinutes). */
async function setIdleLock(browser: CaseManagerBrowser, minutes: number) {
  const [worker] = browser.context.serviceWorkers();
  if (!worker) throw new Error("no extension service worker");
  await worker.evaluate(async (m) => {
    const { chrome } = globalThis as unknown as { chrome: { storage: { local: { set(items: object): Promise<void> } } } };
    await chrome.storage.local.set({ idleLockMinutes: m });
  }, minutes);
}

const lockHeading = (panel: Page) => panel.getByRole("heading", { name: "Naast is vergrendeld" });

describe("the device: content encrypted at rest, an idle lock that keeps the outbox", () => {
  let stack: DemoStack;
  let profile: string;
  let fatima: CaseManagerBrowser;
  const portalUrl = () => `${stack.portals.urls.iriszorg}/dossier?patient=IZ-1001`;

  beforeAll(async () => {
    stack = await startDemoStack();
    profile = await mkdtemp(join(tmpdir(), "naast-profile-"));
    fatima = await browserBesidePortal(portalUrl(), profile);
    await enterPassword(fatima.panel, "fatima@iriszorg.demo", stack.server.url);
    await fatima.panel.getByText(/Ingelogd als/).waitFor();
  }, 120_000);
  afterAll(async () => {
    await fatima?.close();
    await stack?.stop();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  it("keeps no plaintext of a synced note in the browser profile's IndexedDB files", async () => {
    const canary = `kanarie-${crypto.randomUUID()}`;
    const ruben = await signIn(stack.server.url, "ruben@iriszorg.demo", demoPassword);
    expect((await ruben.push("addNote", { id: crypto.randomUUID(), clientId: "client-anouk", text: canary, correctsNoteId: null })).status).toBe("applied");

    const { panel } = fatima;
    await expect.poll(() => panel.getByTestId("contact").allTextContents(), { timeout: 30_000 }).toContainEqual(expect.stringContaining(canary));

    // The scan itself can find a string: her name is kept in the clear with the session.
    expect(await indexedDbFilesContain(profile, "Fatima El Amrani")).toBe(true);
    expect(await indexedDbFilesContain(profile, canary)).toBe(false);
    expect(await indexedDbFilesContain(profile, "Slaapt wisselend bij een kennis")).toBe(false);
  }, 90_000);

  it("locks after the idle time, keeps a change made before it, and sends it once unlocked with the password", async () => {
    const { panel, context } = fatima;
    await setIdleLock(fatima, 0.1); // six seconds
    await context.setOffline(true);
    await panel.getByRole("button", { name: "Bewerken: Huisvesting" }).click();
    await panel.locator('[data-domain="housing"] select[name=score]').selectOption("4");
    await panel.locator('[data-domain="housing"] button[type=submit]').click();
    await expect.poll(() => panel.getByTestId("score-housing").textContent()).toBe("4");

    await lockHeading(panel).waitFor({ timeout: 20_000 });
    expect(await panel.getByTestId("score-housing").count()).toBe(0);
    expect(await panel.getByTestId("locked-pending").textContent()).toContain("1");

    // Back online but locked: nothing is sent, the change waits.
    await context.setOffline(false);
    await new Promise((r) => setTimeout(r, 3_000));
    const ruben = await signIn(stack.server.url, "ruben@iriszorg.demo", demoPassword);
    const scoreAtServer = async () =>
      new Replica()
        .apply(await ruben.pull())
        .of("zrmScores", "client-anouk")
        .map((s) => s.score);
    expect(await scoreAtServer()).not.toContain(4);

    await setIdleLock(fatima, 15);
    await panel.getByLabel("Wachtwoord").fill("not-her-password");
    await panel.getByRole("button", { name: "Ontgrendelen" }).click();
    await panel.getByRole("alert").filter({ hasText: "Het wachtwoord klopt niet" }).waitFor();
    await panel.getByLabel("Wachtwoord").fill(demoPassword);
    await panel.getByRole("button", { name: "Ontgrendelen" }).click();

    await expect.poll(() => panel.getByTestId("score-housing").textContent(), { timeout: 15_000 }).toBe("4");
    await expect.poll(scoreAtServer, { timeout: 20_000 }).toContain(4);
  }, 120_000);

  it("is locked after the browser closes and opens again, and unlocks to the same data", async () => {
    await fatima.context.close();
    fatima = await browserBesidePortal(portalUrl(), profile);
    const { panel } = fatima;
    await lockHeading(panel).waitFor({ timeout: 20_000 });
    await panel.getByLabel("Wachtwoord").fill(demoPassword);
    await panel.getByRole("button", { name: "Ontgrendelen" }).click();
    await panel.getByText(/Ingelogd als/).waitFor();
    // The EPD page was read while locked, when the client it shows could not be looked up: she opens it again.
    await fatima.portal.reload();
    await expect.poll(() => panel.getByTestId("score-housing").textContent(), { timeout: 15_000 }).toBe("4");
  }, 90_000);
});
