import { type PortalAdapter, portalAdapterSchema } from "@naast/shared";
import type { DetectedClient, TabContext } from "../messaging/protocol.ts";
import type { NaastDatabase } from "../storage/db.ts";
import { adapterFor } from "./match.ts";

/**
 * Which client each tab shows, as its content script reported it. Kept in session storage too,
 * because the browser stops an idle background worker and starts it again.
 */
export class TabContexts {
  readonly #byTab = new Map<number, TabContext>();
  #loaded: Promise<void> | null = null;

  constructor(
    private readonly db: NaastDatabase,
    private readonly storage: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> },
  ) {}

  async adapters(): Promise<PortalAdapter[]> {
    const rows = await this.db.records.where("collection").equals("portalAdapters").toArray();
    return rows.map((r) => portalAdapterSchema.parse(r.data));
  }

  async adapterForUrl(url: string): Promise<PortalAdapter | null> {
    return adapterFor(await this.adapters(), url);
  }

  async report(tabId: number, detected: DetectedClient): Promise<TabContext | null> {
    await this.#load();
    const adapter = (await this.adapters()).find((a) => a.id === detected.adapterId);
    if (!adapter) return null;
    const context: TabContext = {
      tabId,
      adapterId: adapter.id,
      organisationId: adapter.organisationId,
      portalName: adapter.displayName,
      epdClientId: detected.epdClientId,
    };
    this.#byTab.set(tabId, context);
    await this.#save();
    return context;
  }

  async get(tabId: number): Promise<TabContext | null> {
    await this.#load();
    return this.#byTab.get(tabId) ?? null;
  }

  async forget(tabId: number): Promise<void> {
    await this.#load();
    this.#byTab.delete(tabId);
    await this.#save();
  }

  #load(): Promise<void> {
    this.#loaded ??= this.storage.get("tabContexts").then((items) => {
      const saved = items.tabContexts;
      if (Array.isArray(saved)) for (const c of saved as TabContext[]) this.#byTab.set(c.tabId, c);
    });
    return this.#loaded;
  }

  #save(): Promise<void> {
    return this.storage.set({ tabContexts: [...this.#byTab.values()] });
  }
}
