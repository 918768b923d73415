import type { Page } from "playwright-core";
import { type Summary, summarise } from "./stats.ts";

/**
 * Cliënten (issue 13) as a user opens it: a click on "Cliënten" in the panel's views, timed in the
 * panel page from the click until the list's rows are in the DOM (a MutationObserver the bench
 * adds; `performance.now()`), i.e. reading what the device holds, deriving a row per client and
 * rendering the list. Between two rounds the panel goes back to the client beside the EPD, so each
 * round opens the view anew. The extension is not changed for it.
 */
export async function clientsView(panel: Page, rounds: number): Promise<{ ms: number[]; rows: number; timeouts: number; summary: Summary }> {
  const ms: number[] = [];
  let rows = 0;
  let timeouts = 0;
  for (let i = 0; i < rounds; i++) {
    await panel.locator("nav.views button", { hasText: "Naast het EPD" }).click();
    await panel.locator("[data-testid=clients]").waitFor({ state: "detached", timeout: 60_000 });
    const result = await panel
      .evaluate(
        () =>
          new Promise<{ ms: number; rows: number }>((resolve, reject) => {
            const button = [...document.querySelectorAll<HTMLButtonElement>("nav.views button")].find((b) => b.textContent?.trim() === "Cliënten");
            if (!button) throw new Error("no Cliënten button");
            const timer = setTimeout(() => reject(new Error("the Cliënten list did not appear within 30 s")), 30_000);
            const observer = new MutationObserver(() => {
              const list = document.querySelector("[data-testid=clients]");
              if (!list) return;
              const t1 = performance.now();
              observer.disconnect();
              clearTimeout(timer);
              resolve({ ms: t1 - t0, rows: list.querySelectorAll("[data-testid=client-row]").length });
            });
            observer.observe(document.body, { subtree: true, childList: true });
            const t0 = performance.now();
            button.click();
          }),
      )
      .catch(async (error: unknown) => {
        // Counted as 30 s (a miss); the list is awaited before the next round.
        if (!String(error).includes("did not appear")) throw error;
        timeouts += 1;
        await panel.locator("[data-testid=clients]").waitFor({ timeout: 300_000 });
        return { ms: 30_000, rows: await panel.locator("[data-testid=client-row]").count() };
      });
    ms.push(result.ms);
    rows = result.rows;
    // A person looks at the list before going back.
    await panel.waitForTimeout(200);
  }
  return { ms, rows, timeouts, summary: summarise(ms) };
}

/** After a filter change (Stapteam, every active client, and Monitoring in turn), until the list shows the new rows. */
export async function clientsFilter(panel: Page, rounds: number): Promise<{ ms: number[]; summary: Summary }> {
  const ms: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const filter = i % 2 === 0 ? "team" : "monitoring";
    const elapsed = await panel.evaluate(
      (value) =>
        new Promise<number>((resolve, reject) => {
          const radio = document.querySelector<HTMLInputElement>(`[data-testid=clients] input[name=client-filter][value=${value}]`);
          const count = document.querySelector("[data-testid=clients] p.hint");
          if (!radio || !count) throw new Error("no client filter");
          const before = count.textContent;
          const timer = setTimeout(() => reject(new Error("the filter did not apply within 30 s")), 30_000);
          const observer = new MutationObserver(() => {
            if (count.textContent === before) return;
            const t1 = performance.now();
            observer.disconnect();
            clearTimeout(timer);
            resolve(t1 - t0);
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
          const t0 = performance.now();
          radio.click();
        }),
      filter,
    );
    ms.push(elapsed);
    await panel.waitForTimeout(100);
  }
  return { ms, summary: summarise(ms) };
}
