import { defineConfig } from "wxt";

import { declaredLoopbackHosts, optionalPortalHosts } from "./src/portal/hosts.ts";

/**
 * The side panel's libraries (Dexie, zod, Preact, tRPC, the cipher) in a chunk of their own
 * beside the panel's code, each under Vite's 500 kB warning; what the first render does not need
 * (PDF, exports, figures, the English catalogue) is split off by dynamic imports where it is used.
 * Only the side panel's build: WXT builds the content script (and Firefox's background) as one
 * IIFE file, which cannot be split.
 */
interface OutputOptions {
  format?: string;
}
function panelChunks() {
  let panel = false;
  return {
    name: "naast:panel-chunks",
    options(input: { input?: unknown }) {
      panel = JSON.stringify(input.input ?? "").includes("sidepanel");
    },
    outputOptions(output: OutputOptions) {
      if (!panel || output.format !== "es") return;
      return {
        ...output,
        codeSplitting: {
          groups: [{ name: "vendor", test: /node_modules[\\/](dexie|zod|preact|@trpc|@noble)[\\/]|src[\\/]zod-jitless\.ts$/, tags: ["$initial"] }],
        },
      };
    },
  };
}

/**
 * No partner portal's host is asked up front (decision 0022): the manifest declares the optional
 * hosts, and the panel asks the browser for exactly one adapter's origin when the user clicks
 * "Naast laten meelezen op <host>"; the background then registers the content script for that
 * origin (scripting in Chromium, contentScripts in Firefox's MV2). Only loopback is declared.
 * WXT builds MV3 for Chromium (side_panel) and MV2 for Firefox (sidebar_action).
 */

export default defineConfig({
  vite: () => ({ plugins: [panelChunks()] }),
  manifest: ({ browser }) => ({
    name: "Naast",
    description: "Het gedeelde plan van de cliënt, naast uw eigen EPD.",
    permissions: browser === "firefox" ? ["storage"] : ["storage", "sidePanel", "scripting"],
    host_permissions: declaredLoopbackHosts,
    // MV3 (Chromium); WXT drops it for MV2, where Firefox reads optional_permissions instead.
    optional_host_permissions: optionalPortalHosts,
    ...(browser === "firefox" ? { optional_permissions: optionalPortalHosts } : {}),
    // IT presets and locks the server address by policy (extension/README.md); Firefox reads its
    // 3rdparty policy without a schema in the manifest.
    ...(browser === "firefox" ? {} : { storage: { managed_schema: "managed-schema.json" } }),
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
