import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../server/src/demo/people.ts";
import { signIn } from "../support/api.ts";
import { grantConsent } from "../support/fixtures.ts";
import { Replica } from "../support/replica.ts";
import { axeViolations } from "./support/axe.ts";
import { hasFocus } from "./support/keyboard.ts";
import { type CaseManagerBrowser, caseManagerBrowser } from "./support/panel.ts";
import { type DemoStack, startDemoStack } from "./support/stack.ts";

/**
 * Issue 13 as the demo shows it, with no portal tab: Cliënten keeps its filter and search while
 * Marieke looks at a client; Linda, closed because she moved, is under Gesloten with her reason,
 * her history (a cancelled afspraak and why, contacts of several kinds with a no-show, her ZRM
 * trajectory) and a reopen; the coordinator's no-contact setting says it was saved.
 */
describe("the overview in the demo", () => {
  let stack: DemoStack;
  let marieke: CaseManagerBrowser;

  beforeAll(async () => {
    stack = await startDemoStack();
    marieke = await caseManagerBrowser("marieke@ldh.demo", stack.server.url, `${stack.server.url}/health`);
  }, 120_000);
  afterAll(async () => {
    await marieke?.close();
    await stack?.stop();
  });

  const nav = () => marieke.panel.getByRole("navigation", { name: "Weergave" });
  const row = (alias: string) => marieke.panel.getByTestId("client-row").filter({ hasText: alias });

  it("keeps the filter and the search when she comes back from a client", async () => {
    const { panel } = marieke;
    await nav().getByRole("button", { name: "Cliënten" }).click();
    await panel.getByLabel("Stapteam").check();
    await panel.getByLabel("Zoek op roepnaam").fill("jol");
    await expect.poll(() => panel.getByTestId("client-row").allTextContents(), { timeout: 15_000 }).toEqual([expect.stringContaining("Jolanda")]);
    await row("Jolanda").getByRole("button", { name: "Jolanda" }).click();
    await expect.poll(() => panel.locator("[data-testid=client-view] h1").textContent()).toContain("Jolanda");
    // The ervaringsdeskundige owns one of her afspraken.
    expect(await panel.getByTestId("agreement").filter({ hasText: "Met Jolanda meelopen naar de inloop" }).textContent()).toContain("Sanne Peters (LDH)");

    await panel.getByRole("button", { name: "Terug naar Cliënten" }).click();
    expect(await panel.getByLabel("Stapteam").isChecked()).toBe(true);
    expect(await panel.getByLabel("Zoek op roepnaam").inputValue()).toBe("jol");
    expect(await panel.getByTestId("client-row").allTextContents()).toEqual([expect.stringContaining("Jolanda")]);
    // The keyboard goes on from her line, not from the top of the panel.
    await expect.poll(() => hasFocus(row("Jolanda").getByRole("button", { name: "Jolanda" }))).toBe(true);
  }, 60_000);

  it("a contact written with the form open a while is logged at the moment she saves it, not when she opened the client", async () => {
    const { panel } = marieke;
    await nav().getByRole("button", { name: "Cliënten" }).click();
    await panel.getByLabel("Zoek op roepnaam").fill("jol");
    await row("Jolanda").getByRole("button", { name: "Jolanda" }).click();
    await expect.poll(() => panel.locator("[data-testid=client-view] h1").textContent()).toContain("Jolanda");
    // She reads the dossier for over a minute (the form's moment has a minute's precision), then writes up a call.
    await panel.waitForTimeout(61_000);
    await panel.locator("select[name=contact-type]").selectOption("phone");
    await panel.locator("textarea[name=note]").fill("Jolanda belde zelf: ze slaapt vannacht in de nachtopvang.");
    const saved = Date.now();
    await panel.getByRole("button", { name: "Contact opslaan" }).click();
    await expect.poll(() => panel.getByTestId("contact").first().textContent()).toContain("Jolanda belde zelf");
    await expect.poll(() => panel.getByTestId("pending-count").count(), { timeout: 20_000 }).toBe(0);
    const device = new Replica().apply(await (await signIn(stack.server.url, "marieke@ldh.demo", demoPassword)).pull());
    const call = device.of("notes", "client-jolanda").find((n) => n.text.startsWith("Jolanda belde zelf"));
    expect(call?.contactType).toBe("phone");
    expect(Date.parse(call?.contactAt ?? "")).toBeGreaterThanOrEqual(saved - 2_000);
    await panel.getByRole("button", { name: "Terug naar Cliënten" }).click();
  }, 120_000);

  it("says in Contacten whether there was no contact yet, only a no-show, or nothing shared", async () => {
    const { panel } = marieke;
    const suffix = randomUUID().slice(0, 8);
    const ldh = await signIn(stack.server.url, "marieke@ldh.demo", demoPassword);
    const iriszorg = await signIn(stack.server.url, "fatima@iriszorg.demo", demoPassword);
    const mira = `client-mira-${suffix}`;
    const noor = `client-noor-${suffix}`;
    const femke = `client-femke-${suffix}`;
    for (const [api, id, alias] of [
      [ldh, mira, "Mira"],
      [ldh, noor, "Noor"],
      [iriszorg, femke, "Femke"],
    ] as const) {
      expect((await api.push("createClient", { id, alias, birthYear: 1990, epdClientId: null })).status).toBe("applied");
    }
    const noShow = {
      id: randomUUID(),
      clientId: noor,
      text: "Niet gekomen op de inloop.",
      correctsNoteId: null,
      contactType: "drop_in",
      noShow: true,
    } as const;
    expect((await ldh.push("addNote", noShow)).status).toBe("applied");
    // Femke shares her housing with the Leger des Heils, not her contacts.
    await grantConsent(iriszorg, femke, ["org-ldh"], ["housing"]);

    const contactsOf = async (alias: string) => {
      await nav().getByRole("button", { name: "Cliënten" }).click();
      await panel.getByLabel("Stapteam").check();
      await panel.getByLabel("Zoek op roepnaam").fill(alias);
      await row(alias).getByRole("button", { name: alias }).click({ timeout: 20_000 });
      await expect.poll(() => panel.locator("[data-testid=client-view] h1").textContent()).toContain(alias);
      const text = (await panel.locator("section.notes").textContent()) ?? "";
      await panel.getByRole("button", { name: "Terug naar Cliënten" }).click();
      return text;
    };
    const none = await contactsOf("Mira");
    expect(none).toContain("Nog geen contact vastgelegd.");
    expect(none).not.toContain("notities");
    expect(await contactsOf("Noor")).toContain("Nog geen contact gehad: ze is niet gekomen.");
    expect(await contactsOf("Femke")).toContain("Contacten zijn niet met uw organisatie gedeeld.");
    await panel.getByLabel("Zoek op roepnaam").fill("");
  }, 120_000);

  it("finds Linda under Gesloten with why she left, her history, and reopens her", async () => {
    const { panel } = marieke;
    await panel.getByLabel("Zoek op roepnaam").fill("");
    await panel.getByLabel("Gesloten").check();
    await expect.poll(() => panel.getByTestId("client-row").allTextContents()).toEqual([expect.stringContaining("Linda")]);
    expect(await row("Linda").textContent()).toContain("afgesloten");
    await row("Linda").getByRole("button", { name: "Linda" }).click();
    await expect.poll(() => panel.locator("[data-testid=client-view] h1").textContent()).toContain("Linda");
    expect(await panel.getByTestId("close-reason").textContent()).toContain("verhuisd / andere stad");

    const contacts = await panel.getByTestId("contact").allTextContents();
    expect(contacts[0]).toContain("Telefonisch");
    expect(contacts[1]).toContain("niet gekomen");
    expect(contacts[2]).toContain("Inloop");
    // The no-show of 25 days ago is no contact: the call of 14 days ago is her last.
    const history = panel.getByTestId("history");
    expect(await history.getByTestId("closed-agreement").textContent()).toContain(": Linda woont nu in Arnhem; de hulp daar neemt het over.");
    expect(await history.getByTestId("zrm-table").textContent()).toContain("3 van 5: beperkt zelfredzaam");
    expect(await history.getByTestId("zrm-table").textContent()).toContain("1 van 5: acute problematiek");
    expect(await axeViolations(panel)).toEqual([]);

    await panel.getByRole("button", { name: "Dossier heropenen" }).click();
    await expect.poll(() => panel.locator("[data-testid=client-view] header").textContent()).toContain("actief");
    await panel.getByRole("button", { name: "Terug naar Cliënten" }).click();
    await expect.poll(() => panel.getByTestId("client-row").count()).toBe(0);
    // Her line left Gesloten: the focus is on the list's heading, not lost.
    await expect.poll(() => hasFocus(panel.getByRole("heading", { name: "Cliënten" }))).toBe(true);
    await panel.getByLabel("Mijn cliënten").check();
    await expect.poll(() => row("Linda").textContent()).toContain("laatste contact 14 dagen geleden");
    // Active again and unseen for 14 days: she is in Te doen.
    await nav()
      .getByRole("button", { name: /^Te doen/ })
      .click();
    const item = panel.locator("[data-testid=todo-item][data-source=no-contact][data-client-id=client-linda]");
    await expect.poll(() => item.count()).toBe(1);
    await item.getByRole("button", { name: "Linda" }).click();
    await expect.poll(() => panel.locator("[data-testid=client-view] h1").textContent()).toContain("Linda");
    await panel.getByRole("button", { name: "Terug naar Te doen" }).click();
    await expect.poll(() => hasFocus(item.getByRole("button", { name: "Linda" }))).toBe(true);
  }, 90_000);

  it("tells the coordinator her no-contact setting was saved", async () => {
    const ingrid = await caseManagerBrowser("ingrid@iriszorg.demo", stack.server.url, `${stack.server.url}/health`);
    try {
      const { panel } = ingrid;
      await panel.getByRole("navigation", { name: "Weergave" }).getByRole("button", { name: "Team" }).click();
      const days = panel.getByLabel(/Na hoeveel dagen zonder contact/);
      await expect.poll(() => days.inputValue(), { timeout: 15_000 }).toBe("14");
      await days.fill("21");
      await panel.getByRole("button", { name: "Instelling opslaan" }).click();
      await expect
        .poll(() => panel.getByRole("status").filter({ hasText: "Opgeslagen" }).textContent())
        .toBe("Opgeslagen: na 21 dagen zonder contact staat een cliënt bij Te doen.");
      await days.fill("20");
      expect(await panel.getByRole("status").filter({ hasText: "Opgeslagen" }).count()).toBe(0);
    } finally {
      await ingrid.close();
    }
  }, 90_000);
});
