import { portalHosts } from "../src/portal/hosts.ts";
import { watchOpenClient } from "../src/portal/watch-open-client.ts";

/**
 * Runs on portal pages only. It reads which client the EPD shows and tells the extension; it
 * puts nothing of Naast into the page, whose scripts could read it.
 */
export default defineContentScript({
  // The demo portals run on loopback; real portals are added as adapters (see portal/README.md).
  matches: portalHosts,
  runAt: "document_idle",
  main() {
    watchOpenClient({
      whichAdapter: (url) => browser.runtime.sendMessage({ type: "portal/which-adapter", url }),
      report: (detected) => browser.runtime.sendMessage({ type: "portal/client-detected", detected }),
    });
  },
});
