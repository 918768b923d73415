import "fake-indexeddb/auto";
import type { PortalAdapter } from "@naast/shared";
import { beforeEach, describe, expect, it } from "vitest";
import { NaastDatabase } from "../storage/db.ts";
import { TabContexts } from "./tab-contexts.ts";

const ons: PortalAdapter = {
  id: "adapter-ons",
  organisationId: "org-iriszorg",
  displayName: "Ons",
  matchPattern: "http://127.0.0.2:5174/*",
  clientId: { kind: "text", pattern: "Cliëntnummer:\\s*(\\S+)", selector: null },
  removedAt: null,
};

function sessionArea() {
  const items: Record<string, unknown> = {};
  return { get: async (key: string) => ({ [key]: items[key] }), set: async (more: Record<string, unknown>) => void Object.assign(items, more) };
}

describe("which client a tab shows, frame by frame", () => {
  let db: NaastDatabase;
  const alive = new Set<number>();
  beforeEach(async () => {
    db = new NaastDatabase(`tab-contexts-${Math.random()}`);
    await db.records.put({ collection: "portalAdapters", id: ons.id, clientId: null, visibility: "directory", data: ons } as never);
    alive.clear();
  });
  const contexts = () => new TabContexts(db, sessionArea(), async (_tab, frameId) => alive.has(frameId));
  const report = (c: TabContexts, frameId: number, epdClientId: string | null) => c.report(7, { adapterId: ons.id, epdClientId }, frameId);

  it("shows the client of the dossier frame, though the portal's shell names none", async () => {
    const c = contexts();
    alive.add(3);
    await report(c, 3, "IZ-1001");
    expect((await report(c, 0, null))?.epdClientId).toBe("IZ-1001");
    expect((await c.get(7))?.epdClientId).toBe("IZ-1001");
  });

  it("follows the frame to the next client, and to none when the dossier closes", async () => {
    const c = contexts();
    await report(c, 0, null);
    expect((await report(c, 3, "IZ-1001"))?.epdClientId).toBe("IZ-1001");
    expect((await report(c, 3, "IZ-1003"))?.epdClientId).toBe("IZ-1003");
    expect((await report(c, 3, null))?.epdClientId).toBeNull();
  });

  it("forgets a frame that is gone instead of showing its client", async () => {
    const c = contexts();
    await report(c, 3, "IZ-1001"); // frame 3 is not alive: the page moved on
    expect((await report(c, 0, null))?.epdClientId).toBeNull();
  });

  it("takes no report for a removed adapter, and drops what it reported", async () => {
    const c = contexts();
    await report(c, 0, "IZ-1001");
    expect(await c.keepOnly(new Set())).toEqual([7]);
    expect(await c.get(7)).toBeNull();
    await db.records.put({
      collection: "portalAdapters",
      id: ons.id,
      clientId: null,
      visibility: "directory",
      data: { ...ons, removedAt: "2026-12-02T00:00:00.000Z" },
    } as never);
    expect(await report(c, 0, "IZ-1001")).toBeNull();
  });
});
