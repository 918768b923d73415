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

/** The panel page's JS heap after a forced garbage collection. */
export async function panelHeap(panel: Page): Promise<{ usedBytes: number; totalBytes: number }> {
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
