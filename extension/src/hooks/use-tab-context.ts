import { useEffect, useState } from "preact/hooks";
import { type TabContext, tabContextSchema } from "../messaging/protocol.ts";
import { send } from "../messaging/send.ts";
import { backgroundEventFrom, type MessageSender } from "../messaging/sender.ts";

/**
 * The client open in the tab beside the panel. The side panel follows the active tab; a panel
 * opened as a page with `?tab=<id>` follows that tab (for tests and for a pinned window).
 */
export function useTabContext(): { context: TabContext | null; loading: boolean } {
  const pinned = Number(new URLSearchParams(location.search).get("tab")) || null;
  const [state, setState] = useState<{ context: TabContext | null; loading: boolean }>({ context: null, loading: true });

  useEffect(() => {
    let followedTab = pinned;
    const ask = async () => {
      const reply: unknown = await send({ type: "context/get", tabId: pinned });
      const parsed = tabContextSchema.nullable().safeParse(reply);
      const context = parsed.success ? parsed.data : null;
      if (!pinned) followedTab = context?.tabId ?? null;
      setState({ context, loading: false });
    };
    const onMessage = (message: unknown, sender: MessageSender) => {
      const event = backgroundEventFrom(message, sender, browser.runtime.id, browser.runtime.getURL("/"));
      if (!event) return;
      if (event.type === "context/cleared") {
        // Naast may no longer read that tab's portal (adapter removed, permission revoked).
        if (event.tabId === (pinned ?? followedTab)) setState({ context: null, loading: false });
        return;
      }
      if (pinned ? event.context.tabId === pinned : true) {
        if (!pinned && event.context.tabId !== followedTab) {
          void ask(); // another tab reported; only follow it if it is the active one
          return;
        }
        setState({ context: event.context, loading: false });
      }
    };
    browser.runtime.onMessage.addListener(onMessage);
    const onActivated = () => void ask();
    if (!pinned) browser.tabs.onActivated.addListener(onActivated);
    void ask();
    return () => {
      browser.runtime.onMessage.removeListener(onMessage);
      if (!pinned) browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [pinned]);
  return state;
}
