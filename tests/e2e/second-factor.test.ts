import { Secret, TOTP } from "otpauth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { browserBesidePortal, type CaseManagerBrowser, enterPassword } from "./support/panel.ts";
import { type DemoStack, startDemoStack } from "./support/stack.ts";

const perAccount = 3;

/** What her authenticator app shows now, from the secret the panel showed at enrolment. */
const codeNow = (secret: string, offset = 0) => new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: Date.now() + offset });
const notTheCode = (secret: string) =>
  ["000000", "111111", "222222", "333333"].find((c) => ![-30_000, 0, 30_000].some((o) => codeNow(secret, o) === c)) ?? "444444";

describe("two-step sign-in in the panel", () => {
  let stack: DemoStack;
  let browser: CaseManagerBrowser;

  beforeAll(async () => {
    stack = await startDemoStack({ SECOND_FACTOR: "required", LOGIN_LIMIT_PER_ACCOUNT: String(perAccount) });
    browser = await browserBesidePortal(`${stack.portals.urls.iriszorg}/dossier?patient=IZ-1001`);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it("enrols an authenticator app with a QR code at the first sign-in, refuses a wrong code, and limits wrong codes like passwords", async () => {
    const { panel } = browser;
    await enterPassword(panel, "fatima@iriszorg.demo", stack.server.url);

    await panel.getByRole("heading", { name: "Inloggen in twee stappen instellen" }).waitFor();
    expect(await panel.getByRole("img", { name: /QR-code/ }).evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const secret = (await panel.getByTestId("totp-secret").textContent()) ?? "";
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    const code = panel.getByLabel(/Code uit uw authenticator-app/);
    await code.fill(notTheCode(secret));
    await panel.getByRole("button", { name: "Bevestigen" }).click();
    await panel.getByRole("alert").filter({ hasText: "Deze code klopt niet" }).waitFor();

    await code.fill(codeNow(secret));
    await panel.getByRole("button", { name: "Bevestigen" }).click();
    await panel.getByRole("heading", { name: "Uw herstelcodes" }).waitFor();
    expect(await panel.locator(".recovery-codes li").count()).toBe(10);
    await panel.getByRole("button", { name: "Ik heb ze bewaard" }).click();
    await panel.getByText(/Ingelogd als Fatima El Amrani/).waitFor();
    await expect.poll(() => panel.locator("[data-testid=client-view] h1").textContent(), { timeout: 30_000 }).toContain("Anouk");

    // Signed out, she signs in again: now the code is asked without a QR code.
    await panel.getByRole("button", { name: "Uitloggen" }).click();
    await enterPassword(panel, "fatima@iriszorg.demo", stack.server.url);
    await panel.getByRole("heading", { name: "Inloggen, stap 2: de code uit uw app" }).waitFor();
    expect(await panel.getByRole("img", { name: /QR-code/ }).count()).toBe(0);
    /** Sends a code and answers the server's HTTP status for it. */
    const send = async (value: string) => {
      await code.fill(value);
      const [response] = await Promise.all([
        panel.waitForResponse((r) => r.url().includes("/trpc/auth.secondFactor")),
        panel.getByRole("button", { name: "Bevestigen" }).click(),
      ]);
      return response.status();
    };
    for (let attempt = 0; attempt < perAccount; attempt++) expect(await send(notTheCode(secret))).toBe(401);
    await panel.getByRole("alert").filter({ hasText: "Deze code klopt niet" }).waitFor();
    // Past the limit even the right code is refused, until the window has passed.
    expect(await send(codeNow(secret))).toBe(429);
    await panel.getByRole("alert").filter({ hasText: "Te vaak geprobeerd" }).waitFor();
    expect(await panel.getByText(/Ingelogd als/).count()).toBe(0);
  }, 120_000);
});
