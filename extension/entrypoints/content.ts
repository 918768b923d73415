// No zod here, and nothing of @naast/shared's index (its schemas): this script starts on every
// portal page load. The background checks what the script sends with zod where it receives it;
// the script checks the background's answers by hand (content-side.ts).
import { matchesPattern } from "@naast/shared/portal/match";
import { adapterFromReply, portalCommandFrom } from "../src/messaging/content-side.ts";
import { send } from "../src/messaging/send.ts";
import { watchOpenClient } from "../src/portal/watch-open-client.ts";

/** The frame's own address; an about:blank or srcdoc frame the portal wrote is read as its parent's page. */
function frameUrl(): string {
  if (location.protocol !== "about:") return location.href;
  try {
    return parent.location.href;
  } catch {
    return location.href;
  }
}

/**
 * Runs on portal pages only, in each of their frames. It reads which client the EPD shows and
 * tells the extension; it puts nothing of Naast into the page, whose scripts could read it.
 * Registered at runtime by the background for exactly the origins of the organisation's adapters
 * the browser granted (src/portal/access.ts); injected into tabs already open at the grant.
 */
export default defineContentScript({
  registration: "runtime",
  // WXT would otherwise window.postMessage its start, with the extension's id, to the portal's
  // own scripts on every page load (it tells a newer copy of the script by a DOM event as well).
  noScriptStartedPostMessage: true,
  main() {
    // Injected into an open tab and registered for its next load: one watcher per frame.
    const marker = globalThis as { naastWatching?: boolean };
    if (marker.naastWatching) return;
    marker.naastWatching = true;
    let stop: (() => void) | null = null;
    const start = () => {
      stop = watchOpenClient({
        url: frameUrl,
        // The background answers with an adapter it parsed with the shared schema; a malformed
        // answer (an error) is no adapter.
        whichAdapter: async (url) => adapterFromReply(await send({ type: "portal/which-adapter", url })),
        report: (detected) => send({ type: "portal/client-detected", detected }),
      });
    };
    // Registered for document_start (so a frame is never missed); the page's DOM comes after.
    if (document.readyState === "loading") addEventListener("DOMContentLoaded", start, { once: true });
    else start();
    browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id) return undefined;
      const command = portalCommandFrom(message);
      if (!command) return undefined;
      if (command.type === "portal/ping") return stop ? Promise.resolve(true) : undefined;
      if (command.origins.some((origin) => matchesPattern(origin, frameUrl()))) {
        stop?.();
        stop = null;
        // Granted again later: the script injected then starts afresh in this frame.
        marker.naastWatching = false;
      }
      return undefined;
    });
  },
});
