import { createHash } from "node:crypto";
import { accessSync, constants, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer, testPassword } from "../support/test-server.ts";
import { type LaunchedExtension, launchWithExtension } from "./support/launch-extension.ts";
import { ensureExtensionBuilt, extensionPath } from "./support/stack.ts";

/**
 * Issue 19, point 4: IT rolls Naast out by browser policy and presets the server address. Chromium
 * reads machine policies from /etc/chromium/policies/managed (root only); the policy's `3rdparty`
 * part reaches the extension as storage.managed, checked against public/managed-schema.json.
 * The policy names this test's extension by its id only, so no other browser on the machine is
 * touched, and the file is removed afterwards. Without root this test is skipped, saying why.
 */
const policyDir = "/etc/chromium/policies/managed";

/** Chromium's id for an unpacked extension: the first 128 bits of SHA-256 of its path, hex digits as a–p. */
function unpackedExtensionId(path: string): string {
  const hex = createHash("sha256").update(resolve(path)).digest("hex").slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + Number.parseInt(c, 16))).join("");
}

function canWritePolicies(): boolean {
  try {
    mkdirSync(policyDir, { recursive: true });
    accessSync(policyDir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

const writable = canWritePolicies();
if (!writable) console.warn(`managed-server.test: skipped, ${policyDir} is not writable here (Chromium's machine policies need root); it runs in CI as root`);

describe.skipIf(!writable)("a server address preset and locked by browser policy", () => {
  let server: TestServer;
  let browser: LaunchedExtension;
  const extensionId = unpackedExtensionId(extensionPath);
  const policyFile = join(policyDir, `naast-e2e-${extensionId}.json`);

  beforeAll(async () => {
    ensureExtensionBuilt();
    server = await startTestServer();
    await server.addOrganisation("org-iris", "Iriszorg");
    const user = await server.addUser("iris-cm", "org-iris", "casemanager");
    writeFileSync(policyFile, JSON.stringify({ "3rdparty": { extensions: { [extensionId]: { serverUrl: server.url, lockServerUrl: true } } } }));
    browser = await launchWithExtension({ extensionPath });
    expect(browser.extensionId).toBe(extensionId);
    email = user.email;
  });
  let email = "";
  afterAll(async () => {
    rmSync(policyFile, { force: true });
    await browser?.close();
    await server?.stop();
  });

  it("shows the preset server at sign-in and no field to change it, and signs in there", async () => {
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html`);
    await expect.poll(() => panel.getByTestId("preset-server").textContent(), { timeout: 15_000 }).toContain(server.url);
    expect(await panel.getByLabel(/Adres van de Naast-server/).count()).toBe(0);
    expect(await panel.locator("input[type=url]").count()).toBe(0);

    await panel.getByLabel("E-mailadres").fill(email);
    await panel.getByLabel("Wachtwoord").fill(testPassword);
    await panel.getByRole("button", { name: "Inloggen" }).click();
    await panel.getByText(/Ingelogd als/).waitFor({ timeout: 20_000 });
  });
});
