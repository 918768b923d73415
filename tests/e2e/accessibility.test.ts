import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations } from "./support/axe.ts";
import { hasFocus, tabTo } from "./support/keyboard.ts";
import { browserBesidePortal, type CaseManagerBrowser, caseManagerBrowser, enterPassword } from "./support/panel.ts";
import { type DemoStack, startDemoStack } from "./support/stack.ts";

/** WCAG contrast of two "rgb(r, g, b)" colours. */
function contrast(a: string, b: string): number {
  const luminance = (rgb: string) => {
    const [r, g, bl] = (rgb.match(/\d+/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/** How many controls the Tab key stops at now (visible and enabled). */
const visibleTabStops = (panel: Page) =>
  panel.evaluate(
    () =>
      [...document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, summary")].filter(
        (e) => e.checkVisibility() && !e.matches(":disabled"),
      ).length,
  );

/** Issue 11, point 7: axe-core (WCAG 2.1 A/AA) on every main view, and the keyboard alone through a handover. */
describe("the panel for keyboard and screen-reader users", () => {
  let stack: DemoStack;
  let ruben: CaseManagerBrowser;
  let marieke: CaseManagerBrowser;

  beforeAll(async () => {
    stack = await startDemoStack();
  }, 120_000);
  afterAll(async () => {
    await ruben?.close();
    await marieke?.close();
    await stack?.stop();
  });

  it("has no axe violations at sign-in; after signing in the focus is on the client's name", async () => {
    ruben = await browserBesidePortal(`${stack.portals.urls.iriszorg}/dossier?patient=IZ-1001`);
    const { panel } = ruben;
    await panel.getByLabel("E-mailadres").waitFor();
    expect(await axeViolations(panel)).toEqual([]);
    await enterPassword(panel, "ruben@iriszorg.demo", stack.server.url);
    const name = panel.locator("[data-testid=client-view] h1");
    await expect.poll(() => name.textContent(), { timeout: 15_000 }).toContain("Anouk");
    await expect.poll(() => hasFocus(name)).toBe(true);
  }, 60_000);

  it("has a skip link to the main landmark, and no axe violations on the client view", async () => {
    const { panel } = ruben;
    await panel.reload();
    await panel.locator("[data-testid=client-view] h1").waitFor();
    const skip = panel.getByRole("link", { name: "Naar de inhoud" });
    // The first stop of the Tab order, shown when it has the focus.
    expect(await panel.evaluate(() => document.querySelector("a[href], button, input, select, textarea")?.textContent)).toBe("Naar de inhoud");
    await skip.focus();
    expect((await skip.boundingBox())?.x ?? -1).toBeGreaterThanOrEqual(0);
    await panel.keyboard.press("Enter");
    await expect.poll(() => hasFocus(panel.getByRole("main"))).toBe(true);
    expect(await panel.getByRole("main").count()).toBe(1);
    expect(await axeViolations(panel)).toEqual([]);
    // Flexbudget, time-out and the client's rights are folded: fewer Tab stops until unfolded.
    const tabStops = () => visibleTabStops(panel);
    const folded = await tabStops();
    await panel.getByTestId("more-sections").locator("summary").click();
    expect(await tabStops()).toBeGreaterThan(folded + 3);
    await panel.getByTestId("more-sections").locator("summary").click();
    expect(await tabStops()).toBe(folded);
  }, 60_000);

  it("folds a long section by the button in its heading, from the keyboard, and keeps that choice after a reload", async () => {
    const { panel } = ruben;
    const section = panel.locator("section.agreements");
    const toggle = section.getByRole("button", { name: "Afspraken", exact: true });
    const tabStops = () => visibleTabStops(panel);
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    const unfolded = await tabStops();
    await tabTo(panel, toggle);
    await panel.keyboard.press("Enter");
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await section.locator("summary").isVisible()).toBe(false);
    expect(await tabStops()).toBeLessThan(unfolded);
    expect(await axeViolations(panel)).toEqual([]);
    // Kept per section while the panel is open.
    await panel.reload();
    await panel.locator("[data-testid=client-view] h1").waitFor();
    expect(await toggle.getAttribute("aria-expanded")).toBe("false");
    expect(await panel.locator("section.plan").getByRole("button", { name: "PGA-plan per leefgebied", exact: true }).getAttribute("aria-expanded")).toBe(
      "true",
    );
    await toggle.focus();
    await panel.keyboard.press("Space");
    expect(await toggle.getAttribute("aria-expanded")).toBe("true");
    expect(await tabStops()).toBe(unfolded);
  }, 60_000);

  it("shows a focus ring and input borders of at least 3:1 against the panel", async () => {
    const { panel } = ruben;
    // The date-and-time picker of a new contact, reached by keyboard.
    await tabTo(panel, panel.locator("input[name=contact-when]"));
    const style = await panel.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const s = getComputedStyle(element);
      return { outline: s.outlineColor, width: s.outlineWidth, style: s.outlineStyle, border: s.borderTopColor, type: (element as HTMLInputElement).type };
    });
    expect(style.type).toBe("datetime-local");
    expect(style.style).toBe("solid");
    expect(Number.parseFloat(style.width)).toBeGreaterThanOrEqual(2);
    expect(contrast(style.outline, "rgb(255, 255, 255)")).toBeGreaterThanOrEqual(3);
    expect(contrast(style.outline, "rgb(244, 245, 247)")).toBeGreaterThanOrEqual(3);
    expect(contrast(style.border, "rgb(255, 255, 255)")).toBeGreaterThanOrEqual(3);
  }, 60_000);

  it("has no axe violations in the consent flow, at each step, and moves the focus to each step's heading", async () => {
    const { panel } = ruben;
    await panel.getByRole("button", { name: "Toestemming vastleggen" }).click();
    const flow = panel.locator(".consent .consent-flow");
    await expect.poll(() => hasFocus(flow.getByRole("heading", { name: "Toestemming vastleggen" }))).toBe(true);
    expect(await axeViolations(panel)).toEqual([]);
    await flow.getByLabel("Leger des Heils", { exact: true }).check();
    await flow.getByLabel("Financiën", { exact: true }).check();
    await flow.getByRole("button", { name: "Samen nalezen" }).click();
    await expect.poll(() => hasFocus(panel.getByRole("heading", { name: "Samen nalezen" }))).toBe(true);
    expect(await axeViolations(panel)).toEqual([]);
    await flow.getByRole("button", { name: "Terug", exact: true }).click();
    await expect.poll(() => hasFocus(flow.getByRole("heading", { name: "Toestemming vastleggen" }))).toBe(true);
    await flow.getByRole("button", { name: "Annuleren", exact: true }).click();
  }, 60_000);

  it("takes a handover with the keyboard alone: from the inbox to the client, acknowledged, the focus on the outcome; no axe violations", async () => {
    const { panel } = ruben;
    const inboxLine = panel.getByTestId("handover-inbox").getByRole("button", { name: /Chantal, van Marieke Verhoeven/ });
    await expect.poll(() => inboxLine.count(), { timeout: 15_000 }).toBe(1);
    await tabTo(panel, inboxLine);
    await panel.keyboard.press("Enter");
    const name = panel.locator("[data-testid=client-view] h1");
    await expect.poll(() => name.textContent()).toContain("Chantal");
    await expect.poll(() => hasFocus(name)).toBe(true);
    expect(await axeViolations(panel)).toEqual([]);
    // Declining waits a few seconds with an undo, the focus on it: undone, nothing happens.
    await tabTo(panel, panel.getByRole("button", { name: "Weigeren", exact: true }));
    await panel.keyboard.press("Enter");
    await tabTo(panel, panel.locator("textarea[name=handover-decline-reason]"));
    await panel.keyboard.type("Mijn caseload is vol");
    await tabTo(panel, panel.getByRole("button", { name: "Weigeren", exact: true }));
    await panel.keyboard.press("Enter");
    await expect.poll(() => panel.getByTestId("undo").textContent()).toContain("De overdracht wordt over 5 seconden geweigerd.");
    await expect.poll(() => hasFocus(panel.getByRole("button", { name: "Ongedaan maken" }))).toBe(true);
    await panel.keyboard.press("Enter");
    await new Promise((r) => setTimeout(r, 6_000));
    expect(await panel.getByTestId("handover").first().getAttribute("data-status")).toBe("open");
    expect(await panel.getByTestId("pending-count").count()).toBe(0);
    await tabTo(panel, panel.getByRole("button", { name: "Annuleren", exact: true }));
    await panel.keyboard.press("Enter");
    await tabTo(panel, panel.getByRole("button", { name: "Gelezen en bevestigd: ik neem het over" }));
    await panel.keyboard.press("Enter");
    const outcome = panel.getByTestId("handover-answered");
    await expect.poll(() => outcome.textContent(), { timeout: 15_000 }).toContain("Bevestigd door Ruben Hendriks");
    await expect.poll(() => hasFocus(outcome)).toBe(true);
    expect(await axeViolations(panel)).toEqual([]);
  }, 60_000);

  it("has no axe violations where a client is not linked or not shared, nor at 400 px", async () => {
    marieke = await caseManagerBrowser("marieke@ldh.demo", stack.server.url, stack.portals.urls.ldh);
    const { panel, portal } = marieke;
    await panel.setViewportSize({ width: 400, height: 720 });
    await portal.getByText("Monique Meijer").first().click();
    await expect.poll(() => panel.locator(".link-client, [data-testid=not-shared]").count(), { timeout: 15_000 }).toBe(1);
    expect(await axeViolations(panel)).toEqual([]);
    await portal.getByText("Sandra Jansen").first().click();
    await expect.poll(() => panel.locator("[data-testid=client-view] h1").textContent(), { timeout: 15_000 }).toContain("Sandra");
    expect(await axeViolations(panel)).toEqual([]);
  }, 60_000);
});
