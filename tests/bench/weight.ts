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
  /** CPU profile samples whose function is in an extension script (chrome-extension://), ms. */
  extensionProfileMs: number;
}

interface ProfileNode {
  id: number;
  callFrame: { url: string };
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
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
    const metric = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ScriptDuration")?.value ?? 0;
    const before = await metric();
    await cdp.send("Profiler.start");
    await page.goto(url);
    await page.waitForTimeout(settleMs);
    const { profile } = await cdp.send("Profiler.stop");
    const after = await metric();
    const nodes = profile.nodes as ProfileNode[];
    const extensionNodes = new Set(nodes.filter((n) => n.callFrame.url.startsWith("chrome-extension://")).map((n) => n.id));
    let extensionUs = 0;
    const samples = profile.samples ?? [];
    const deltas = profile.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) if (extensionNodes.has(samples[i] ?? -1)) extensionUs += deltas[i + 1] ?? deltas[i] ?? 0;
    await cdp.detach();
    return { scriptMs: (after - before) * 1000, extensionProfileMs: extensionUs / 1000 };
  } finally {
    await page.close();
  }
}

export interface CpuResult {
  withExtension: CpuSample[];
  without: CpuSample[];
  /** Median script time with the extension minus without: the content script's CPU per page load. */
  deltaMs: number;
  profileMs: number;
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
    profileMs: median(a.map((s) => s.extensionProfileMs)),
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
