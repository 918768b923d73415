import { randomUUID } from "node:crypto";
import { addWorkingDays } from "@naast/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword } from "../../server/src/demo/people.ts";
import { signIn } from "../support/api.ts";
import { Replica } from "../support/replica.ts";
import { axeViolations } from "./support/axe.ts";
import { hasFocus, tabTo } from "./support/keyboard.ts";
import { type CaseManagerBrowser, caseManagerBrowser } from "./support/panel.ts";
import { type DemoStack, startDemoStack } from "./support/stack.ts";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const stuck = "Intake bij woningcorporatie Talis regelen";

/** Issue 14: an overdue afspraak → Opschalen → the procesregisseur answers → the case manager sees the answer. */
describe("an opschaling from an overdue afspraak to the procesregisseur and back", () => {
  let stack: DemoStack;
  let fatima: CaseManagerBrowser;
  let peter: CaseManagerBrowser;

  beforeAll(async () => {
    stack = await startDemoStack();
    // Anouk's afspraak with Talis is three weeks overdue: stuck long enough to offer Opschalen.
    const api = await signIn(stack.server.url, "fatima@iriszorg.demo", demoPassword);
    const added = await api.push("addAgreement", {
      id: randomUUID(),
      clientId: "client-anouk",
      domain: "housing",
      text: stuck,
      ownerUserId: "u-fatima",
      dueDate: daysAgo(21),
    });
    if (added.status !== "applied") throw new Error("the overdue afspraak was not added");
    fatima = await caseManagerBrowser("fatima@iriszorg.demo", stack.server.url, `${stack.portals.urls.iriszorg}/dossier?patient=IZ-1001`);
  }, 120_000);
  afterAll(async () => {
    await fatima?.close();
    await peter?.close();
    await stack?.stop();
  });

  it("offers Opschalen on the overdue afspraak, prefilled, and sends it on the covenant with a reason", async () => {
    const { panel } = fatima;
    const row = panel.locator("[data-testid=agreement]", { hasText: stuck });
    await row.getByTestId("escalate-agreement").click({ timeout: 20_000 });
    const form = panel.getByTestId("escalate-form");
    expect(await form.locator("input[name=escalation-problem]").inputValue()).toBe(stuck);
    await form.locator("input[name=escalation-question]").fill("Kan de gemeente bij Talis een intake afdwingen?");
    await form.getByLabel(/Convenant Zorg- en Veiligheidshuis/).check();
    // Without a reason the covenant is refused, in words.
    await form.getByRole("button", { name: "Opschaling versturen" }).click();
    await expect.poll(() => form.getByRole("alert").textContent()).toContain("Schrijf op waarom het convenant");
    await form.locator("input[name=escalation-reason]").fill("Acute dakloosheid; Anouk tekent nog niet.");
    await form.getByRole("button", { name: "Opschaling versturen" }).click();
    const card = panel.locator("[data-testid=escalation]", { hasText: stuck });
    await expect.poll(() => card.getByTestId("escalation-status").textContent(), { timeout: 15_000 }).toBe("ingediend");
    expect(await axeViolations(panel)).toEqual([]);
  }, 60_000);

  it("reaches the procesregisseur's list in her own browser, where she answers it with a decision", async () => {
    peter = await caseManagerBrowser("peter@gemeente.demo", stack.server.url, stack.portals.urls.iriszorg);
    const { panel } = peter;
    const queue = panel.getByTestId("escalation-queue");
    const item = queue.getByTestId("escalation-queue-item").filter({ hasText: stuck });
    await item.waitFor({ timeout: 20_000 });
    // Urgent first: the demo's urgent escalation of Anouk stands above this normal one.
    expect(await queue.getByTestId("escalation-queue-item").first().textContent()).toContain("Geen passende woonplek");
    expect(await axeViolations(panel)).toEqual([]);
    // The row and the card are the same escalation by its id: each survives the list's re-renders
    // (the pull, the portal tab's late first report), so every step below waits on a state.
    const id = await item.getAttribute("data-escalation-id");
    await item.getByRole("button", { name: new RegExp(stuck) }).click();
    const card = panel.locator(`[data-testid=escalation][data-escalation-id="${id}"]`);
    await expect.poll(() => card.getAttribute("data-status"), { timeout: 15_000 }).toBe("submitted");
    // She sees the escalation, not the plan.
    expect(await panel.locator("[data-testid=agreement]").count()).toBe(0);
    await card.getByRole("button", { name: "In behandeling nemen" }).click();
    await expect.poll(() => card.getAttribute("data-status"), { timeout: 15_000 }).toBe("in_progress");
    expect(await card.getByTestId("escalation-status").textContent()).toBe("in behandeling");
    // Taken up, it is still hers to answer: the queue shows the new state on the same row.
    await expect.poll(() => queue.locator(`[data-escalation-id="${id}"]`).getAttribute("data-status")).toBe("in_progress");
    await card.getByText("Beantwoorden").click();
    await card.locator("textarea[name=escalation-answer]").fill("Talis neemt Anouk deze week in behandeling; ik bel na.");
    await card.locator("input[name=escalation-decision]").fill("Talis terugbellen over de intake");
    await card.locator("select[name=escalation-decision-owner]").selectOption({ label: "Peter Brouwer (Gemeente)" });
    await card.locator("input[name=escalation-decision-due]").fill(daysAgo(-7));
    expect(await axeViolations(panel)).toEqual([]);
    await card.getByRole("button", { name: "Antwoord versturen" }).click();
    await expect.poll(() => card.getAttribute("data-status"), { timeout: 15_000 }).toBe("resolved");
    expect(await card.getByTestId("escalation-status").textContent()).toBe("opgelost");
  }, 90_000);

  it("brings the answer to the case manager, with the decision as an afspraak of the procesregisseur", async () => {
    const { panel } = fatima;
    const card = panel.locator("[data-testid=escalation]", { hasText: stuck });
    await expect
      .poll(
        () =>
          card
            .getByTestId("escalation-answer")
            .textContent()
            .catch(() => ""),
        { timeout: 30_000 },
      )
      .toContain("Talis neemt Anouk");
    await expect
      .poll(() => panel.locator("[data-testid=agreement]", { hasText: "Talis terugbellen over de intake" }).textContent(), { timeout: 15_000 })
      .toContain("Peter Brouwer");
    await card.getByRole("button", { name: "Antwoord gelezen" }).click();
    await expect.poll(() => card.getByRole("button", { name: "Antwoord gelezen" }).count()).toBe(0);
  }, 60_000);

  it("lets the procesregisseur mark her own afspraak done in the escalation, with an undo, and it is done on the case manager's device", async () => {
    const { panel } = peter;
    const own = panel.getByTestId("escalation-agreement").filter({ hasText: "Talis terugbellen over de intake" });
    await expect.poll(() => own.textContent()).toContain("afspraak van Peter Brouwer");
    // By keyboard, like every control in the panel; the undo takes the focus, so Enter again undoes it.
    await tabTo(panel, own.getByRole("button", { name: /^Afgerond/ }));
    await panel.keyboard.press("Enter");
    await expect.poll(() => own.getByTestId("undo").textContent()).toContain("Afspraak “Talis terugbellen over de intake” wordt over 5 seconden afgerond.");
    expect(await hasFocus(own.getByRole("button", { name: "Ongedaan maken" }))).toBe(true);
    await panel.keyboard.press("Enter");
    await new Promise((r) => setTimeout(r, 6_000));
    expect(await own.getAttribute("data-status")).toBe("open");
    expect(await own.getByTestId("undo").count()).toBe(0);
    expect(await panel.getByTestId("pending-count").count()).toBe(0);
    const pulled = new Replica().apply(await (await signIn(stack.server.url, "fatima@iriszorg.demo", demoPassword)).pull());
    expect(pulled.of("agreements", "client-anouk").find((a) => a.text === "Talis terugbellen over de intake")).toMatchObject({ status: "open" });

    // Not undone, it is done.
    await tabTo(panel, own.getByRole("button", { name: /^Afgerond/ }));
    await panel.keyboard.press("Enter");
    await expect.poll(() => own.getAttribute("data-status"), { timeout: 15_000 }).toBe("done");
    expect(await own.textContent()).toContain("afgerond");
    expect(await axeViolations(panel)).toEqual([]);
    await expect.poll(() => panel.getByTestId("pending-count").count(), { timeout: 15_000 }).toBe(0);
    await expect
      .poll(() => fatima.panel.locator("[data-testid=agreement]", { hasText: "Talis terugbellen over de intake" }).count(), { timeout: 20_000 })
      .toBe(0);
  }, 60_000);

  it("lets the procesregisseur set the municipality's response time; a new escalation gets its answer day from it", async () => {
    const { panel } = peter;
    await panel.getByRole("button", { name: "Terug naar de cliënt in het EPD" }).click();
    const setting = panel.getByTestId("response-days");
    await setting.locator("summary").click();
    expect(await setting.locator("input[name=response-working-days]").inputValue()).toBe("10");
    await setting.locator("input[name=response-working-days]").fill("5");
    await setting.getByRole("button", { name: "Instelling opslaan" }).click();
    await expect.poll(() => setting.locator("summary").textContent(), { timeout: 15_000 }).toBe("Reactietermijn: 5 werkdagen");
    expect(await axeViolations(panel)).toEqual([]);
    await expect.poll(() => panel.getByTestId("pending-count").count(), { timeout: 15_000 }).toBe(0);
    const api = await signIn(stack.server.url, "fatima@iriszorg.demo", demoPassword);
    const id = randomUUID();
    const sent = await api.push("escalate", {
      id,
      clientId: "client-anouk",
      municipalityOrganisationId: "org-gemeente",
      domain: "finances",
      problem: "Schuldhulp start niet",
      tried: "",
      question: "Kan de gemeente de intake versnellen?",
      urgency: "normal",
      basis: "covenant",
      covenantReason: "Acute schulden; Anouk tekent nog niet.",
      fromAgreementId: null,
    });
    expect(sent.status).toBe("applied");
    const escalation = new Replica()
      .apply(await api.pull())
      .of("escalations", "client-anouk")
      .find((e) => e.id === id);
    expect(escalation?.respondBy).toBe(addWorkingDays(escalation?.submittedAt.slice(0, 10) ?? "", 5));
  }, 60_000);

  it("lets the procesregisseur put Anouk on her priority list (zorgbehoefte); the holder's case manager sees it", async () => {
    const { panel } = peter;
    const item = panel.getByTestId("escalation-queue-item").filter({ hasText: "Geen passende woonplek" });
    await item.getByRole("button").first().click();
    const mark = panel.getByTestId("priority");
    await mark.locator("summary").click();
    await mark.locator("input[name=priority-reason]").fill("Slaapt buiten; zorgmijdend");
    expect(await axeViolations(panel)).toEqual([]);
    await mark.getByRole("button", { name: "Op de lijst zetten" }).click();
    await expect.poll(() => mark.getByTestId("priority-listed").textContent(), { timeout: 15_000 }).toContain("Slaapt buiten; zorgmijdend");
    expect(await mark.getByRole("button", { name: "Van de prioriteitenlijst halen" }).count()).toBe(1);
    await expect
      .poll(
        () =>
          fatima.panel
            .getByTestId("priority-listed")
            .textContent()
            .catch(() => ""),
        { timeout: 30_000 },
      )
      .toContain("Op de prioriteitenlijst (zorgbehoefte) van Gemeente");
    // Hers to change, not the case manager's.
    expect(await fatima.panel.getByRole("button", { name: "Van de prioriteitenlijst halen" }).count()).toBe(0);

    // Her list, beside her queue: Anouk with the reason; it opens Anouk again.
    await panel.getByRole("button", { name: "Terug naar de cliënt in het EPD" }).click();
    const list = panel.getByTestId("priority-list");
    await expect.poll(() => list.getByTestId("priority-list-item").count(), { timeout: 15_000 }).toBe(1);
    expect(await list.getByTestId("priority-list-item").textContent()).toContain("Slaapt buiten; zorgmijdend");
    expect(await axeViolations(panel)).toEqual([]);
    await list.getByTestId("priority-list-item").getByRole("button").click();
    await expect.poll(() => panel.getByTestId("priority-listed").count()).toBe(1);
  }, 60_000);
});
