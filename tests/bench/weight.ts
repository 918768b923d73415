import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { BrowserContext, Page } from "playwright-core";
import { extensionPath } from "../e2e/support/stack.ts";
import { median } from "./stats.ts";

/** The built content script, as the browser loads it, and gzipped (zlib level 9). */
export function contentScriptSize(): { bytes: number; gzipBytes: number } {
  const source = readFileSync(resolve(extensionPath, "content-scripts/content.js"));
  return { bytes: source.length, gzipBytes: gzipSync(source, { level: 9 }).length };
}

interface CpuSample {
  /** CDP Performance metric ScriptDuration (all JS on the page's main thread, any world), ms. */
  scriptMs: number;
}

/**
 * Loads `url` in a fresh tab of `context` (coming from `from`, a page of the same portal, so the
 * tab stays in one renderer and the counters carry over) and measures the script time of that
 * load, until `settleMs` after the load event: the content script runs at document_idle and
 * reports after a 30 ms debounce and a round trip to the background.
 */
async function measureLoad(context: BrowserContext, from: string, url: string, settleMs: number): Promise<CpuSample> {
  const page = await context.newPage();
  try {
    await page.goto(from);
    await page.waitForTimeout(settleMs);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const metric = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ScriptDuration")?.value ?? 0;
    const before = await metric();
    await page.goto(url);
    await page.waitForTimeout(settleMs);
    const after = await metric();
    await cdp.detach();
    return { scriptMs: (after - before) * 1000 };
  } finally {
    await page.close();
  }
}

export interface CpuResult {
  withExtension: CpuSample[];
  without: CpuSample[];
  /** Median script time with the extension minus without: the content script's CPU per page load. */
  deltaMs: number;
}

/** Page loads of a demo portal page, alternately in a browser with the extension and in one without. */
export async function contentScriptCpu(withExtension: BrowserContext, without: BrowserContext, from: string, url: string, loads: number): Promise<CpuResult> {
  const a: CpuSample[] = [];
  const b: CpuSample[] = [];
  for (let i = 0; i < loads; i++) {
    a.push(await measureLoad(withExtension, from, url, 400));
    b.push(await measureLoad(without, from, url, 400));
  }
  return {
    withExtension: a,
    without: b,
    deltaMs: median(a.map((s) => s.scriptMs)) - median(b.map((s) => s.scriptMs)),
  };
}

export interface Heap {
  usedBytes: number;
  totalBytes: number;
}

/** A page's JS heap now, without forcing a collection (cheap enough to sample during a sync). */
export async function pageHeapNow(page: Page): Promise<Heap> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { usedSize, totalSize } = await cdp.send("Runtime.getHeapUsage");
    return { usedBytes: usedSize, totalBytes: totalSize };
  } finally {
    await cdp.detach();
  }
}

/** The panel page's JS heap after a forced garbage collection: what it keeps. */
export async function panelHeap(panel: Page): Promise<Heap> {
  const cdp = await panel.context().newCDPSession(panel);
  try {
    await cdp.send("HeapProfiler.enable");
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize, totalSize } = await cdp.send("Runtime.getHeapUsage");
    return { usedBytes: usedSize, totalBytes: totalSize };
  } finally {
    await cdp.detach();
  }
}

/**
 * The extension service worker's JS heap after a forced garbage collection. Playwright gives no
 * CDP session for a worker, so this attaches to its target through a page's session
 * (Target.attachToTarget without flatten, messages wrapped in Target.sendMessageToTarget).
 */
export async function serviceWorkerHeap(anyPage: Page): Promise<Heap> {
  const cdp = await anyPage.context().newCDPSession(anyPage);
  // Target.* wrapping is not in Playwright's protocol types: one loosely typed sender.
  const raw = cdp as unknown as {
    send(method: string, params?: object): Promise<Record<string, unknown>>;
    on(event: string, f: (e: { message: string }) => void): void;
  };
  try {
    const { targetInfos } = (await raw.send("Target.getTargets")) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const worker = targetInfos.find((t) => t.type === "service_worker" && t.url.startsWith("chrome-extension://"));
    if (!worker) throw new Error("no extension service worker target");
    const { sessionId } = (await raw.send("Target.attachToTarget", { targetId: worker.targetId, flatten: false })) as { sessionId: string };
    const waiting = new Map<number, (reply: { result?: Record<string, number> }) => void>();
    raw.on("Target.receivedMessageFromTarget", (event) => {
      const reply = JSON.parse(event.message) as { id?: number; result?: Record<string, number> };
      if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
    });
    let nextId = 1;
    const send = (method: string) =>
      new Promise<{ result?: Record<string, number> }>((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        void raw.send("Target.sendMessageToTarget", { sessionId, message: JSON.stringify({ id, method, params: {} }) });
      });
    await send("HeapProfiler.collectGarbage");
    await send("HeapProfiler.collectGarbage");
    const usage = (await send("Runtime.getHeapUsage")).result ?? {};
    await raw.send("Target.detachFromTarget", { sessionId });
    return { usedBytes: usage.usedSize ?? Number.NaN, totalBytes: usage.totalSize ?? Number.NaN };
  } finally {
    await cdp.detach();
  }
}

export interface SpaCpuResult {
  navigations: number;
  idleMs: number;
  /** Script time of `navigations` in-app navigations, per round, with and without the extension. */
  navigateWith: number[];
  navigateWithout: number[];
  /** Script time of `idleMs` on an open dossier (the content script's URL poll and observer), per round. */
  idleWith: number[];
  idleWithout: number[];
  /** Median difference per in-app navigation, ms. */
  perNavigationMs: number;
  /** Median difference per second of an open, unchanging page, ms. */
  idlePerSecondMs: number;
}

/**
 * The content script on the single-page LDH portal, where a static load does not show its cost:
 * the app swaps dossiers without a page load, so the script's MutationObserver and URL poll do
 * the work. Per round, in a fresh tab: `navigations` clicks between two clients (each until the
 * dossier shows the clicked client, plus 150 ms for the debounced report), then `idleMs` of
 * nothing; CDP ScriptDuration around each, with the extension and without.
 */
export async function spaContentScriptCpu(
  withExtension: BrowserContext,
  without: BrowserContext,
  url: string,
  clients: readonly [string, string],
  rounds: number,
  navigations = 10,
  idleMs = 3_000,
): Promise<SpaCpuResult> {
  const round = async (context: BrowserContext) => {
    const page = await context.newPage();
    try {
      await page.goto(url);
      await page.waitForTimeout(400);
      const cdp = await context.newCDPSession(page);
      await cdp.send("Performance.enable");
      const metric = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ScriptDuration")?.value ?? 0;
      const t0 = await metric();
      for (let i = 0; i < navigations; i++) {
        const name = clients[i % 2] ?? clients[0];
        await page.getByText(name).first().click();
        await page.locator("#dossier").filter({ hasText: name }).waitFor();
        await page.waitForTimeout(150);
      }
      const t1 = await metric();
      await page.waitForTimeout(idleMs);
      const t2 = await metric();
      await cdp.detach();
      return { navigate: (t1 - t0) * 1000, idle: (t2 - t1) * 1000 };
    } finally {
      await page.close();
    }
  };
  const a: { navigate: number; idle: number }[] = [];
  const b: { navigate: number; idle: number }[] = [];
  for (let i = 0; i < rounds; i++) {
    a.push(await round(withExtension));
    b.push(await round(without));
  }
  const med = (xs: { navigate: number; idle: number }[], k: "navigate" | "idle") => median(xs.map((x) => x[k]));
  return {
    navigations,
    idleMs,
    navigateWith: a.map((x) => x.navigate),
    navigateWithout: b.map((x) => x.navigate),
    idleWith: a.map((x) => x.idle),
    idleWithout: b.map((x) => x.idle),
    perNavigationMs: (med(a, "navigate") - med(b, "navigate")) / navigations,
    idlePerSecondMs: ((med(a, "idle") - med(b, "idle")) * 1000) / idleMs,
  };
}
