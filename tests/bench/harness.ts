import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { resolve } from "node:path";
import { build } from "esbuild";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { chromiumFlags } from "../e2e/support/launch-extension.ts";
import type { Bench } from "./harness/engine-entry.ts";

export type { Bench };

/** Chromium as the e2e tests run it, without the extension. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: chromiumFlags,
  });
}

export interface Harness {
  url: string;
  browser: Browser;
  /** A page in its own browser context (its own IndexedDB) with `naastBench` loaded. */
  page(): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/**
 * The extension's sync code (harness/engine-entry.ts) bundled for the browser and served on
 * loopback, so its pages have a real origin with IndexedDB; the Naast server allows any origin.
 */
export async function startHarness(): Promise<Harness> {
  const bundle = await build({
    entryPoints: [resolve(import.meta.dirname, "harness/engine-entry.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "chrome120",
    minify: true,
    write: false,
    logLevel: "error",
  });
  const script = bundle.outputFiles[0]?.text ?? "";
  const server: Server = createServer((request, response) => {
    if (request.url === "/engine.js") {
      response.writeHead(200, { "content-type": "text/javascript" }).end(script);
      return;
    }
    response
      .writeHead(200, { "content-type": "text/html" })
      .end(`<!doctype html><meta charset="utf-8"><title>Naast bench</title><script src="/engine.js"></script>`);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const browser = await launchChromium();
  return {
    url,
    browser,
    async page() {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      await page.waitForFunction(() => "naastBench" in globalThis);
      return { context, page };
    },
    async close() {
      await browser.close();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/** Calls one of `naastBench`'s methods in the page (arguments and answer cross as JSON). */
export function call<K extends keyof Bench>(page: Page, method: K, ...args: Parameters<Bench[K]>): Promise<Awaited<ReturnType<Bench[K]>>> {
  return page.evaluate(
    ([name, values]) => {
      const bench = (globalThis as unknown as { naastBench: Record<string, (...a: unknown[]) => unknown> }).naastBench;
      const method = bench[name];
      if (!method) throw new Error(`no bench method ${name}`);
      return method(...values);
    },
    [method, args as unknown[]] as const,
  ) as Promise<Awaited<ReturnType<Bench[K]>>>;
}
