import { randomUUID } from "node:crypto";
import { call, type Harness } from "./harness.ts";
import { type Summary, summarise } from "./stats.ts";

/**
 * Two devices running the extension's real engine, each in its own headless page and browser
 * context (own IndexedDB): A writes a note and pushes it; B follows the server's live signal
 * (SSE), pulls and stores. Timed from A's push until the note is readable in B's IndexedDB (a
 * Dexie liveQuery in B), both stamped with performance.timeOrigin + performance.now().
 */
export async function propagation(
  harness: Harness,
  serverUrl: string,
  a: { email: string; password: string },
  b: { email: string; password: string },
  clientId: string,
  changes: number,
): Promise<{ ms: number[]; summary: Summary }> {
  const pageA = await harness.page();
  const pageB = await harness.page();
  try {
    await call(pageA.page, "addDevice", "a", await call(pageA.page, "login", serverUrl, a.email, a.password));
    await call(pageB.page, "addDevice", "b", await call(pageB.page, "login", serverUrl, b.email, b.password));
    await call(pageA.page, "sync", "a");
    await call(pageB.page, "sync", "b");
    await call(pageA.page, "start", "a");
    await call(pageB.page, "start", "b");
    await new Promise((r) => setTimeout(r, 500)); // both live streams connected
    const ms: number[] = [];
    for (let i = 0; i < changes; i++) {
      const noteId = `bench-${randomUUID()}`;
      await call(pageB.page, "expect", "b", "notes", noteId);
      const pushedAt = await call(pageA.page, "addNoteAndPush", "a", clientId, noteId, `Propagatie ${i}: telefonisch contact gehad, afspraak bevestigd.`);
      const arrivedAt = await call(pageB.page, "arrival", "b", "notes", noteId);
      ms.push(arrivedAt - pushedAt);
      await new Promise((r) => setTimeout(r, 20));
    }
    return { ms, summary: summarise(ms) };
  } finally {
    await pageA.context.close();
    await pageB.context.close();
  }
}
