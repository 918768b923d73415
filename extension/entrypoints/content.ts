// First: before any module creates a zod schema.
import "../src/zod-jitless.ts";
import { adapterReplySchema } from "../src/messaging/protocol.ts";
import { send } from "../src/messaging/send.ts";
import { portalHosts } from "../src/portal/hosts.ts";
import { watchOpenClient } from "../src/portal/watch-open-client.ts";

/**
 * Runs on portal pages only. It reads which client the EPD shows and tells the extension; it
 * puts nothing of Naast into the page, whose scripts could read it.
 */
export default defineContentScript({
  // Only the hosts the adapters may use (src/portal/hosts.ts); the adapters themselves sync as data.
  matches: portalHosts,
  runAt: "document_idle",
  main() {
    watchOpenClient({
      // The reply is parsed like every message: a malformed one is no adapter.
      whichAdapter: async (url) => adapterReplySchema.parse(await send({ type: "portal/which-adapter", url })),
      report: (detected) => send({ type: "portal/client-detected", detected }),
    });
  },
});
