import { portalAdapterSchema } from "@naast/shared";
import { describe, expect, it } from "vitest";
import { stopMessage } from "../portal/platform.ts";
import { adapterFromReply, portalCommandFrom } from "./content-side.ts";

/** The demo's adapters as the server seeds them (server/src/demo/seed.ts), one of each kind. */
const adapters = [
  { kind: "url", pattern: "/clienten/([^/?#]+)" },
  { kind: "dom", selector: "#dossier[data-client-id]", attribute: "data-client-id" },
  { kind: "text", pattern: "Cliëntnummer:\\s*(\\S+)", selector: null },
  { kind: "text", pattern: "Cliëntnummer:\\s*(\\S+)", selector: "main" },
  { kind: "title", pattern: "Dossier (\\d+)" },
].map((clientId, i) =>
  portalAdapterSchema.parse({
    id: `adapter-${i}`,
    organisationId: "org-ggd",
    displayName: "GGD cliëntvolgsysteem (demo)",
    matchPattern: "http://127.0.0.1:5171/*",
    clientId,
    removedAt: null,
  }),
);

describe("what the content script takes from the background's answer", () => {
  it("reads every adapter the background parsed with the shared schema, keeping how to read the client id", () => {
    for (const adapter of adapters) expect(adapterFromReply(adapter)).toEqual({ id: adapter.id, clientId: adapter.clientId });
  });

  it("takes no adapter from an empty or malformed answer", () => {
    const [url] = adapters;
    const rejected = [
      null,
      undefined,
      "adapter-ggd",
      [url],
      { error: "Error: database closed" }, // the background's answer when its lookup failed
      { ...url, id: "" },
      { ...url, id: 7 },
      { ...url, clientId: undefined },
      { ...url, clientId: { kind: "url" } },
      { ...url, clientId: { kind: "url", pattern: "" } },
      { ...url, clientId: { kind: "dom", selector: "#dossier" } },
      { ...url, clientId: { kind: "text", pattern: "(\\d+)" } }, // no selector, not even null
      { ...url, clientId: { kind: "script", code: "alert(1)" } },
    ];
    for (const reply of rejected) expect(adapterFromReply(reply), JSON.stringify(reply)).toBeNull();
  });
});

describe("which commands the content script obeys", () => {
  it("answers a ping and stops for the origins the background names", () => {
    expect(portalCommandFrom({ type: "portal/ping" })).toEqual({ type: "portal/ping" });
    expect(portalCommandFrom(stopMessage(["http://127.0.0.1:5171/*"]))).toEqual({ type: "portal/stop", origins: ["http://127.0.0.1:5171/*"] });
  });

  it("ignores anything else", () => {
    const rejected = [
      null,
      "portal/ping",
      {},
      { type: "portal/stop" },
      { type: "portal/stop", origins: "http://127.0.0.1:5171/*" },
      { type: "portal/stop", origins: [5171] },
      { type: "sync/now" },
    ];
    for (const message of rejected) expect(portalCommandFrom(message), JSON.stringify(message)).toBeNull();
  });
});
