import { defineConfig } from "wxt";

import { portalHosts } from "./src/portal/hosts.ts";

/**
 * Host permissions equal the content script's matches (src/portal/hosts.ts), nothing wider.
 * WXT builds MV3 for Chromium (side_panel) and MV2 for Firefox (sidebar_action).
 */

export default defineConfig({
  manifest: ({ browser }) => ({
    name: "Naast",
    description: "Het gedeelde plan van de cliënt, naast uw eigen EPD.",
    permissions: browser === "firefox" ? ["storage"] : ["storage", "sidePanel"],
    host_permissions: portalHosts,
    action: { default_title: "Naast" },
    browser_specific_settings: {
      gecko: {
        id: "naast@stapteam.nl",
        // Naast sends client (health) information to the team's own Naast server, nowhere else.
        data_collection_permissions: { required: ["healthInfo", "personallyIdentifyingInfo"] },
      },
    },
  }),
});
