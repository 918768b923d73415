import { type PortalAdapter, portalAdapterSchema } from "@naast/shared";
import Dexie from "dexie";
import type { DetectedClient, TabContext } from "../messaging/protocol.ts";
import type { NaastDatabase } from "../storage/db.ts";
import { adapterFor } from "./match.ts";

/** What one frame of a tab reported last; `at` orders the frames' reports. */
interface FrameReport {
  tabId: number;
  frameId: number;
  at: number;
  context: TabContext;
}

/** Whether a frame's content script still runs (the frame may be gone or elsewhere by now). */
export type FrameAlive = (tabId: number, frameId: number) => Promise<boolean>;

/**
 * Which client each tab shows, as its content scripts reported it, one per frame: a portal often
 * shows the dossier in a frame, beside a shell that names no client. A tab shows the client its
 * most recent frame report names; a frame reporting none (the dossier closed) makes that the
 * newest word, and an older frame's client counts only while that frame's script still answers.
 * Kept in session storage too, because the browser stops an idle background worker.
 */
export class TabContexts {
  readonly #frames = new Map<string, FrameReport>();
  #loaded: Promise<void> | null = null;
  #clock = 0;
  #adapters: Promise<PortalAdapter[]> | null = null;

  constructor(
    private readonly db: NaastDatabase,
    private readonly storage: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> },
    private readonly alive: FrameAlive = async () => true,
  ) {
    // Read again after any write to the records (here, or in the panel: Dexie tells every
    // context) and when the device locks or unlocks, so a locked device reads nothing, as before.
    const records = `idb://${db.name}/records/`;
    Dexie.on("storagemutated", (parts) => {
      if (Object.keys(parts).some((part) => part.startsWith(records))) this.#adapters = null;
    });
    db.keys?.onChange(() => {
      this.#adapters = null;
    });
  }

  /** The adapters this device holds: read once, not at every report (each of a portal's page loads asks twice). */
  adapters(): Promise<PortalAdapter[]> {
    if (this.#adapters) return this.#adapters;
    const read = this.db.records
      .where("collection")
      .equals("portalAdapters")
      .toArray()
      .then((rows) => rows.map((r) => portalAdapterSchema.parse(r.data)));
    this.#adapters = read;
    read.catch(() => {
      if (this.#adapters === read) this.#adapters = null;
    });
    return read;
  }

  async adapterForUrl(url: string): Promise<PortalAdapter | null> {
    return adapterFor(await this.adapters(), url);
  }

  async report(tabId: number, detected: DetectedClient, frameId = 0): Promise<TabContext | null> {
    await this.#load();
    const adapter = (await this.adapters()).find((a) => a.id === detected.adapterId && !a.removedAt);
    if (!adapter) return null;
    const context: TabContext = {
      tabId,
      adapterId: adapter.id,
      organisationId: adapter.organisationId,
      portalName: adapter.displayName,
      epdClientId: detected.epdClientId,
    };
    this.#clock = Math.max(this.#clock + 1, Date.now());
    this.#frames.set(`${tabId}/${frameId}`, { tabId, frameId, at: this.#clock, context });
    const merged = await this.#merge(tabId);
    // The panel is told first (the caller broadcasts the answer); the copy in session storage,
    // for a background the browser stopped, follows in the same turn of the listener.
    this.#save().catch((error: unknown) => console.error("[naast] tab contexts not kept in session storage", error));
    return merged;
  }

  async get(tabId: number): Promise<TabContext | null> {
    await this.#load();
    return this.#merge(tabId);
  }

  async forget(tabId: number): Promise<void> {
    await this.#load();
    for (const [key, report] of this.#frames) if (report.tabId === tabId) this.#frames.delete(key);
    await this.#save();
  }

  /** Drops what adapters no longer readable reported; answers the tabs that showed something of them. */
  async keepOnly(adapterIds: Set<string>): Promise<number[]> {
    await this.#load();
    const tabs = new Set<number>();
    for (const [key, report] of this.#frames) {
      if (adapterIds.has(report.context.adapterId)) continue;
      this.#frames.delete(key);
      tabs.add(report.tabId);
    }
    if (tabs.size > 0) await this.#save();
    return [...tabs];
  }

  async #merge(tabId: number): Promise<TabContext | null> {
    const reports = [...this.#frames.values()].filter((r) => r.tabId === tabId).sort((a, b) => b.at - a.at);
    const [newest] = reports;
    if (!newest) return null;
    if (newest.context.epdClientId !== null || reports.length === 1) return newest.context;
    for (const older of reports.slice(1)) {
      if (older.context.epdClientId === null) continue;
      if (await this.alive(tabId, older.frameId).catch(() => false)) return older.context;
      this.#frames.delete(`${tabId}/${older.frameId}`); // that frame is gone, or shows another page
    }
    return newest.context;
  }

  #load(): Promise<void> {
    this.#loaded ??= this.storage.get("tabFrames").then((items) => {
      const saved = items.tabFrames;
      if (Array.isArray(saved)) {
        for (const r of saved as FrameReport[]) {
          this.#frames.set(`${r.tabId}/${r.frameId}`, r);
          this.#clock = Math.max(this.#clock, r.at);
        }
      }
    });
    return this.#loaded;
  }

  #save(): Promise<void> {
    return this.storage.set({ tabFrames: [...this.#frames.values()] });
  }
}
