// Straight from their modules, not the package's index: this runs in the content script, which
// must not bundle the index's zod schemas (see messaging/content-side.ts).
import { documentPage } from "@naast/shared/portal/document-page";
import { readEpdClientId } from "@naast/shared/portal/read-client-id";
import type { ReadingAdapter } from "../messaging/content-side.ts";
import type { DetectedClient } from "../messaging/protocol.ts";

interface Channel {
  /** The address the adapter is chosen by: the frame's own, or its parent's for an about:blank frame. */
  url?: () => string;
  whichAdapter(url: string): Promise<ReadingAdapter | null>;
  report(detected: DetectedClient): Promise<unknown>;
}

/**
 * Follows the client the page shows: on load, on in-page navigation (pushState, popstate, the
 * Navigation API) and on DOM changes (single-page EPDs swap the dossier without a URL that says
 * who it is). Reports only changes. Until the extension knows an adapter for this page (before
 * sign-in, say), it asks again now and then. Runs in each frame of the portal; answers a stop.
 */
export function watchOpenClient(channel: Channel): () => void {
  const pageUrl = channel.url ?? (() => location.href);
  let adapter: ReadingAdapter | null = null;
  let last: string | null | undefined;
  let pending: ReturnType<typeof setTimeout> | undefined;

  const check = async () => {
    pending = undefined;
    if (!adapter) {
      adapter = await channel.whichAdapter(pageUrl()).catch(() => null);
      if (!adapter) return;
      last = undefined;
    }
    const epdClientId = readEpdClientId(adapter, documentPage(document, pageUrl()));
    if (epdClientId === last) return;
    last = epdClientId;
    await channel.report({ adapterId: adapter.id, epdClientId }).catch(() => undefined);
  };
  const soon = () => {
    pending ??= setTimeout(() => void check(), 30);
  };

  addEventListener("popstate", soon);
  addEventListener("hashchange", soon);
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener("navigatesuccess", soon);
  const observer = new MutationObserver(soon);
  observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true });
  // pushState from the page's own scripts fires no event in this isolated world; a cheap look
  // at the URL catches it where the Navigation API is missing.
  let href = location.href;
  const interval = setInterval(() => {
    if (location.href !== href || !adapter) {
      href = location.href;
      soon();
    }
  }, 1_000);
  soon();
  return () => {
    removeEventListener("popstate", soon);
    removeEventListener("hashchange", soon);
    navigation?.removeEventListener("navigatesuccess", soon);
    observer.disconnect();
    clearInterval(interval);
    clearTimeout(pending);
  };
}
