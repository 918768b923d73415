import type { PortalAdapter } from "@naast/shared";
import { describe, expect, it } from "vitest";
import { checkAdapters, type FrameSnapshot, snapshotRequest } from "./check-tab.ts";

const ons: PortalAdapter = {
  id: "adapter-ons",
  organisationId: "org-iriszorg",
  displayName: "Ons",
  matchPattern: "https://ons.iriszorg.nl/*",
  clientId: { kind: "text", pattern: "Cliëntnummer:\\s*(\\S+)", selector: null },
  removedAt: null,
};
const epd: PortalAdapter = {
  id: "adapter-iriszorg",
  organisationId: "org-iriszorg",
  displayName: "EPD",
  matchPattern: "https://epd.iriszorg.nl/*",
  clientId: { kind: "dom", selector: "#dossier", attribute: "data-client-id" },
  removedAt: null,
};
const frame = (url: string, text: string | null, attribute: string | null = null): FrameSnapshot => ({
  url,
  title: "Dossier",
  texts: { "": text },
  attributes: { "#dossier\ndata-client-id": attribute },
});

describe("checking the open tab against her organisation's adapters", () => {
  it("asks the page only for what the adapters read", () => {
    expect(snapshotRequest([ons, epd])).toEqual({ texts: [""], attributes: [["#dossier", "data-client-id"]] });
  });

  it("recognises the client in the dossier frame, though the shell names none", () => {
    const frames = [frame("https://ons.iriszorg.nl/", "Cliënten"), frame("https://ons.iriszorg.nl/dossier/frame?d=ab12", "Anouk\nCliëntnummer: IZ-1001")];
    expect(checkAdapters([ons, epd], frames)).toEqual([
      { adapterId: "adapter-ons", outcome: "recognised", epdClientId: "IZ-1001" },
      { adapterId: "adapter-iriszorg", outcome: "other-address" },
    ]);
  });

  it("says why not: the address fits but no client number, or the adapter was removed", () => {
    const frames = [frame("https://ons.iriszorg.nl/", "Kies links een cliënt.")];
    expect(checkAdapters([ons, { ...epd, removedAt: "2026-12-02T00:00:00.000Z" }], frames)).toEqual([
      { adapterId: "adapter-ons", outcome: "no-client", url: "https://ons.iriszorg.nl/" },
      { adapterId: "adapter-iriszorg", outcome: "removed" },
    ]);
  });

  it("does not run a hostile pattern that reached the device", () => {
    const hostile = { ...ons, clientId: { kind: "text" as const, pattern: "(a+)+$", selector: null } };
    const started = performance.now();
    expect(checkAdapters([hostile], [frame("https://ons.iriszorg.nl/", `${"a".repeat(5_000)}!`)])[0]?.outcome).toBe("no-client");
    expect(performance.now() - started).toBeLessThan(200);
  });
});
