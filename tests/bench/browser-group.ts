import { demoPassword } from "../../server/src/demo/people.ts";
import { caseManagerBrowser } from "../e2e/support/panel.ts";
import { clientsFilter, clientsView } from "./browser-overview.ts";
import { type BrowserStack, panelInOwnWindow, startBrowserStack, storedAfterWrite, storedRecordCount, waitForClient } from "./browser-stack.ts";
import { coldSync } from "./cold-sync.ts";
import { caseload, sizes } from "./data.ts";
import { atMost, figure, type GroupResult } from "./figures.ts";
import { launchChromium, startHarness } from "./harness.ts";
import { localEdit } from "./local-edit.ts";
import { propagation } from "./propagation.ts";
import { round } from "./stats.ts";
import { timeToPlan } from "./time-to-plan.ts";
import { contentScriptCpu, contentScriptSize, pageHeapNow, panelHeap, serviceWorkerHeap, spaContentScriptCpu } from "./weight.ts";

const log = (message: string) => console.log(`  · ${message}`);
const mb = (bytes: number) => bytes / (1024 * 1024);

export interface BrowserOptions {
  navigations: number;
  edits: number;
  changes: number;
  coldRounds: number;
  cpuLoads: number;
  records: number;
  /** Rounds of opening Cliënten (figure 10) and of changing its filter. */
  overviewRounds: number;
  /** Clients and records on the device for figure 10 (issue 13: 500 and 50,000). */
  overviewClients: number;
  overviewRecords: number;
}

/**
 * Figures 1, 2, 3, 6 and 7 in Chromium: the built extension against the demo stack (server,
 * portals, demo seed) with `records` more Iriszorg records, and the extension's sync engine in
 * plain pages for the cold sync and propagation.
 */
export async function browserGroup(options: BrowserOptions): Promise<GroupResult> {
  const stack: BrowserStack = await startBrowserStack();
  try {
    const iriszorg = stack.portals.urls.iriszorg;
    log("extension: signing in Fatima (Iriszorg) beside the Iriszorg portal");
    const signedIn = await caseManagerBrowser("fatima@iriszorg.demo", stack.server.url, `${iriszorg}/dossier?patient=IZ-1001`);
    // Visible beside the portal, as the side panel is (a tab behind the portal's is throttled).
    const fatima = { ...signedIn, panel: await panelInOwnWindow(signedIn.context, signedIn.panel) };
    const plain = await launchChromium();
    try {
      const { panel, portal, context } = fatima;
      await waitForClient(panel, "client-anouk");
      const heapBefore = await panelHeap(panel);
      const workerHeapBefore = await serviceWorkerHeap(panel);
      const demoRecords = await storedRecordCount(panel);

      const generated = caseload({
        organisationId: "org-iriszorg",
        responsibleUserId: "u-fatima",
        prefix: "iz",
        clients: options.records / 50,
        recordsPerClient: 50,
        seed: 42,
        minBytes: 500,
        maxBytes: 5_000,
      });
      const generatedSizes = sizes(generated);
      log(`seeding ${generated.length.toLocaleString("en-US")} Iriszorg records (${mb(generatedSizes.totalBytes).toFixed(1)} MB) on the server`);
      // Sample the open panel's heap while the background follows (not collected: what it holds meanwhile).
      let heapPeakDuringSync = 0;
      const { seedMs, storedMs: extensionSyncMs } = await storedAfterWrite(stack, panel, generated, {
        timeoutMs: 120_000,
        pollMs: 100,
        poll: async () => {
          heapPeakDuringSync = Math.max(heapPeakDuringSync, (await pageHeapNow(panel)).usedBytes);
        },
      });
      const extensionRecords = await storedRecordCount(panel);
      log(`the extension's background stored them ${(extensionSyncMs / 1000).toFixed(1)} s later (${extensionRecords} records)`);
      // The same panel that was open during the sync, collected: what it keeps; the service
      // worker, which did the sync; then a panel opened afresh on the synced database.
      await panel.waitForTimeout(500);
      const heapAfter = await panelHeap(panel);
      const workerHeapAfter = await serviceWorkerHeap(panel);
      await panel.reload();
      await waitForClient(panel, "client-anouk");
      await panel.waitForTimeout(500);
      const heapReopened = await panelHeap(panel);

      const [worker] = context.serviceWorkers();
      if (!worker) throw new Error("no extension service worker");
      log(`time to plan: ${options.navigations} navigations between Iriszorg clients`);
      const plan = await timeToPlan(worker, portal, panel, iriszorg, options.navigations);

      await portal.goto(`${iriszorg}/dossier?patient=IZ-1001`);
      await waitForClient(panel, "client-anouk");
      log(`local edit: ${options.edits} notes added in the panel`);
      const edit = await localEdit(panel, options.edits);

      log(`content script CPU: ${options.cpuLoads} loads with and without the extension`);
      const plainContext = await plain.newContext();
      const cpu = await contentScriptCpu(context, plainContext, `${iriszorg}/`, `${iriszorg}/dossier?patient=IZ-1003`, options.cpuLoads);
      const spaRounds = Math.max(2, Math.round(options.cpuLoads / 4));
      log(`content script CPU on the single-page LDH portal: ${spaRounds} rounds of in-app navigations and idle, with and without`);
      const spa = await spaContentScriptCpu(context, plainContext, `${stack.portals.urls.ldh}/`, ["Anouk de Vries", "Sandra Jansen"], spaRounds);
      await plainContext.close();
      const size = contentScriptSize();

      // Figure 10 last: it grows the device to 500 clients and 50,000 records.
      const moreClients = options.overviewClients - options.records / 50;
      const more = caseload({
        organisationId: "org-iriszorg",
        responsibleUserId: "u-fatima",
        prefix: "iz-more",
        clients: moreClients,
        recordsPerClient: Math.ceil((options.overviewRecords - options.records) / moreClients),
        seed: 43,
        minBytes: 500,
        maxBytes: 5_000,
      });
      log(`Cliënten: ${more.length.toLocaleString("en-US")} more records of ${moreClients} more clients on the server`);
      const { storedMs: moreMs } = await storedAfterWrite(stack, panel, more, { timeoutMs: 300_000, pollMs: 250 });
      const overviewRecords = await storedRecordCount(panel);
      log(`stored ${overviewRecords.toLocaleString("en-US")} records ${(moreMs / 1000).toFixed(1)} s later; opening Cliënten ${options.overviewRounds} times`);
      await panel.waitForTimeout(1_000);
      const clients = await clientsView(panel, options.overviewRounds);
      const filter = await clientsFilter(panel, options.overviewRounds);
      log(`Cliënten lists ${clients.rows} clients (filter Mijn cliënten)`);

      await fatima.close();

      const harness = await startHarness();
      try {
        log(`cold sync: ${options.coldRounds} rounds of engine vs raw bulkPut`);
        const cold = await coldSync(harness, stack.server.url, "ruben@iriszorg.demo", demoPassword, options.coldRounds);
        log(`propagation: ${options.changes} changes from one device to another`);
        const spread = await propagation(
          harness,
          stack.server.url,
          { email: "ruben@iriszorg.demo", password: demoPassword },
          { email: "ingrid@iriszorg.demo", password: demoPassword },
          "client-anouk",
          options.changes,
        );
        const figures = [
          figure("1", "time to plan p50", plan.summary.p50, "ms"),
          figure("1", "time to plan p95", plan.summary.p95, "ms", "≤ 25 ms", atMost(plan.summary.p95, 25)),
          figure("2", `cold sync, engine (${cold.records.toLocaleString("en-US")} records)`, cold.engine, "ms"),
          figure("2", "cold sync, raw Dexie bulkPut (baseline)", cold.raw, "ms"),
          figure("2", "cold sync / raw bulkPut", cold.ratio, "×", "≤ 1.5×", atMost(cold.ratio, 1.5)),
          figure("3", "propagation p50", spread.summary.p50, "ms"),
          figure("3", "propagation p95", spread.summary.p95, "ms", "≤ 200 ms", atMost(spread.summary.p95, 200)),
          figure("6", "local edit to re-render p50", edit.summary.p50, "ms"),
          figure("6", "local edit to re-render p95", edit.summary.p95, "ms", "≤ 16 ms", atMost(edit.summary.p95, 16)),
          figure("7", "content script size, gzipped", size.gzipBytes / 1024, "KB", "≤ 20 KB", atMost(size.gzipBytes / 1024, 20)),
          figure("7", "content script CPU per page load (static portal)", cpu.deltaMs, "ms", "≤ 10 ms", atMost(cpu.deltaMs, 10)),
          figure("7", "content script CPU per in-app navigation (SPA portal)", spa.perNavigationMs, "ms", "≤ 10 ms", atMost(spa.perNavigationMs, 10)),
          figure("7", "content script CPU per second, SPA dossier open", spa.idlePerSecondMs, "ms"),
          figure(
            "7",
            `panel JS heap after syncing to ${extensionRecords.toLocaleString("en-US")} records (same panel)`,
            mb(heapAfter.usedBytes),
            "MB",
            "≤ 15 MB",
            atMost(mb(heapAfter.usedBytes), 15),
          ),
          figure("7", "panel JS heap during that sync, peak (uncollected)", mb(heapPeakDuringSync), "MB"),
          figure("7", "panel JS heap, reopened after the sync", mb(heapReopened.usedBytes), "MB"),
          figure("7", `panel JS heap, ${demoRecords} records (baseline)`, mb(heapBefore.usedBytes), "MB"),
          figure("7", "service worker JS heap after the sync", mb(workerHeapAfter.usedBytes), "MB"),
          figure("7", `service worker JS heap, ${demoRecords} records (baseline)`, mb(workerHeapBefore.usedBytes), "MB"),
          figure("10", `Cliënten opened (${overviewRecords.toLocaleString("en-US")} records) p50`, clients.summary.p50, "ms"),
          figure("10", "Cliënten opened p95", clients.summary.p95, "ms", "≤ 100 ms", atMost(clients.summary.p95, 100)),
          figure("10", "Cliënten filter changed p95", filter.summary.p95, "ms", "≤ 100 ms", atMost(filter.summary.p95, 100)),
        ];
        return {
          figures,
          detail: {
            timeToPlan: {
              how: "start: the extension's background receives the content script's report (listener added by the bench in the service worker); end: the panel's DOM holds the reported client's plan (MutationObserver added by the bench in the panel page); clock: performance.timeOrigin + performance.now() in both; full page loads of the Iriszorg demo portal, round four clients",
              recordsInLocalDb: extensionRecords,
              ...plan,
            },
            coldSync: {
              how: "extension/src/sync (SyncEngine → tRPC pull → applyPull) bundled into a plain page; then Dexie bulkPut of the same rows into a fresh database of the same schema, same page; alternated; medians",
              generated: generatedSizes,
              ...cold,
            },
            propagation: {
              how: "two pages (own browser contexts) running the extension's SyncEngine with its live SSE; A pushes a note, B's liveQuery sees it",
              ...spread,
            },
            localEdit: {
              how: "panel page (its own window, visible): form submit of a new note until the note is in the DOM (MutationObserver), performance.now()",
              ...edit,
            },
            clientsView: {
              how: "panel page (its own window, visible): click on Cliënten until its list is in the DOM (MutationObserver), performance.now(); between rounds back to the EPD view; then the filter changed between Stapteam and Monitoring until the count changes",
              records: overviewRecords,
              rows: clients.rows,
              open: clients,
              filter,
            },
            weight: {
              contentScript: size,
              cpu: {
                how: "CDP Performance.getMetrics ScriptDuration around a page load (until 400 ms after load), with the extension minus without, medians",
                ...cpu,
              },
              spa: {
                how: "LDH single-page portal, fresh tab per round: clicks between two clients (each until the dossier shows her, +150 ms), then an idle window; CDP ScriptDuration, with minus without, medians",
                ...spa,
              },
              heap: {
                how: "CDP Runtime.getHeapUsage; 'after' and 'reopened' and the service worker after HeapProfiler.collectGarbage; the peak sampled every ~100 ms during the background's sync without collecting",
                before: heapBefore,
                peakDuringSyncBytes: heapPeakDuringSync,
                after: heapAfter,
                reopened: heapReopened,
                workerBefore: workerHeapBefore,
                workerAfter: workerHeapAfter,
                demoRecords,
                extensionRecords,
              },
            },
            extensionBackgroundSync: {
              records: generated.length,
              serverSeedMs: round(seedMs, 0),
              untilStoredMs: round(extensionSyncMs, 0),
              how: "from the server's commit until the extension's IndexedDB holds them, polled every 100 ms",
            },
          },
        };
      } finally {
        await harness.close();
      }
    } finally {
      await fatima.close().catch(() => undefined);
      await plain.close();
    }
  } finally {
    await stack.stop();
  }
}
