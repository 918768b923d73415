import type { Page, Worker } from "playwright-core";
import { type Summary, summarise } from "./stats.ts";

/** Iriszorg's demo clients that Iriszorg may see, by their EPD id: the navigations go round these. */
export const iriszorgClients = [
  { epd: "IZ-1001", clientId: "client-anouk" },
  { epd: "IZ-1002", clientId: "client-sandra" },
  { epd: "IZ-1003", clientId: "client-priscilla" },
  { epd: "IZ-1005", clientId: "client-monique" },
] as const;

interface Stamp {
  epd: string | null;
  t: number;
}

/**
 * Start: the background receiving the content script's report (a listener the bench adds to the
 * extension's service worker, beside the extension's own; it stamps
 * `performance.timeOrigin + performance.now()`). End: the panel's DOM holding the plan of the
 * reported client (a MutationObserver the bench adds to the panel page, same clock). Nothing of
 * this is in the extension's code.
 */
export async function timeToPlan(
  worker: Worker,
  portal: Page,
  panel: Page,
  portalUrl: string,
  navigations: number,
): Promise<{ ms: number[]; summary: Summary }> {
  await worker.evaluate(() => {
    const g = globalThis as unknown as {
      __benchReports?: Stamp[];
      chrome: { runtime: { onMessage: { addListener(f: (message: unknown) => undefined): void } } };
    };
    if (g.__benchReports) return;
    g.__benchReports = [];
    const reports = g.__benchReports;
    g.chrome.runtime.onMessage.addListener((message) => {
      const m = message as { type?: string; detected?: { epdClientId?: string | null } };
      if (m?.type === "portal/client-detected") reports.push({ epd: m.detected?.epdClientId ?? null, t: performance.timeOrigin + performance.now() });
      return undefined;
    });
  });
  const ms: number[] = [];
  for (let i = 0; i < navigations; i++) {
    const target = iriszorgClients[(i + 1) % iriszorgClients.length] ?? iriszorgClients[0];
    await panel.evaluate((clientId) => {
      const w = window as unknown as { __benchRendered?: Promise<number> };
      w.__benchRendered = new Promise<number>((resolve, reject) => {
        setTimeout(() => reject(new Error(`the panel did not show ${clientId} within 15 s`)), 15_000);
        // No named helper functions in here: the bench's TypeScript loader would wrap them in a
        // `__name` call that does not exist in the page.
        const selector = `[data-testid=client-view][data-client-id="${clientId}"] section.plan`;
        const observer = new MutationObserver(() => {
          if (document.querySelector(selector) === null) return;
          const t = performance.timeOrigin + performance.now();
          observer.disconnect();
          resolve(t);
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
      });
    }, target.clientId);
    await portal.goto(`${portalUrl}/dossier?patient=${target.epd}`);
    const renderedAt = await panel.evaluate(() => (window as unknown as { __benchRendered: Promise<number> }).__benchRendered);
    const reports = await worker.evaluate(() => (globalThis as unknown as { __benchReports: Stamp[] }).__benchReports.splice(0));
    const report = reports.filter((r) => r.epd === target.epd).at(-1);
    if (!report) throw new Error(`no report of ${target.epd} reached the background`);
    ms.push(renderedAt - report.t);
  }
  return { ms, summary: summarise(ms) };
}
