import "fake-indexeddb/auto";
import { storedRecord } from "@naast/shared";
import { describe, expect, it } from "vitest";
import { clientRecord, epdLinkRecord, freshDatabase, noteRecord, planDomainRecord } from "../testing/device.ts";
import { loadLinkedClient } from "./queries.ts";
import { shareLinkedClient } from "./share.ts";

async function device() {
  const db = freshDatabase();
  await db.records.bulkPut([
    storedRecord("epdLinks", epdLinkRecord("anna", "iriszorg", "IZ-1")),
    storedRecord("clients", clientRecord("anna", "iriszorg")),
    storedRecord("planDomains", planDomainRecord("anna", "housing", { goal: "Eigen kamer" })),
    storedRecord("notes", noteRecord("n1", "anna")),
    storedRecord("epdLinks", epdLinkRecord("bram", "iriszorg", "IZ-2")),
    storedRecord("clients", clientRecord("bram", "iriszorg", { alias: "Bram" })),
    storedRecord("notes", noteRecord("n2", "bram", "Niet van Anna.")),
    storedRecord("epdLinks", epdLinkRecord("carla", "iriszorg", "IZ-3")),
  ]);
  await db.hiddenClients.put({ clientId: "carla", reason: "withdrawn", since: "2026-01-02" });
  return db;
}

describe("the client the EPD shows, read with her records at once", () => {
  it("gives a linked client with her own records only", async () => {
    const linked = await loadLinkedClient(await device(), "iriszorg", "IZ-1");
    expect(linked.link).toEqual({ kind: "visible", clientId: "anna" });
    expect(linked.view?.client.alias).toBe("Anna");
    expect(linked.view?.planDomains.map((d) => d.goal)).toEqual(["Eigen kamer"]);
    expect(linked.view?.notes.map((n) => n.text)).toEqual(["Gesprek gehad."]);
  });

  it("says why a linked client this device does not hold is hidden, and that an unknown EPD id is not linked", async () => {
    const db = await device();
    expect(await loadLinkedClient(db, "iriszorg", "IZ-3")).toEqual({
      link: { kind: "hidden", clientId: "carla", reason: "withdrawn", since: "2026-01-02" },
      view: null,
    });
    expect(await loadLinkedClient(db, "iriszorg", "IZ-9")).toEqual({ link: { kind: "unlinked" }, view: null });
    // Another organisation's link to the same EPD id is not this organisation's.
    expect((await loadLinkedClient(db, "ggd", "IZ-1")).link.kind).toBe("unlinked");
  });

  it("keeps the last answer while nothing changed, and her unchanged lists when a contact is added", async () => {
    const db = await device();
    const first = await loadLinkedClient(db, "iriszorg", "IZ-1");
    expect(shareLinkedClient(first, await loadLinkedClient(db, "iriszorg", "IZ-1"))).toBe(first);
    await db.records.put(storedRecord("notes", noteRecord("n3", "anna", "Samen naar het wijkteam.")));
    const next = shareLinkedClient(first, await loadLinkedClient(db, "iriszorg", "IZ-1"));
    expect(next).not.toBe(first);
    expect(next?.view?.notes.map((n) => n.text)).toEqual(["Gesprek gehad.", "Samen naar het wijkteam."]);
    expect(next?.view?.planDomains).toBe(first.view?.planDomains);
    expect(next?.view?.client).toBe(first.view?.client);
  });
});
