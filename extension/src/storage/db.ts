import type { HiddenReason, Mutation, Person, Refusal, StoredRecord } from "@naast/shared";
import Dexie, { type EntityTable } from "dexie";
import type { SummaryRow } from "../overview/summaries.ts";
import { Keyring, type SessionArea } from "./keyring.ts";
import { sealingMiddleware } from "./seal.ts";

/** A change made on this device and not yet acknowledged by the server. */
export interface OutboxEntry extends Mutation {
  /** Local order: pushed oldest first, so the server sees changes in the order they were made. */
  seq?: number;
  createdAt: string;
}

/** A change the server refused: shown to the user, never silently dropped. */
export interface Rejection {
  id: string;
  /** The mutator's name. */
  name: string;
  refusal: Refusal;
  at: string;
}

/** Why a client this organisation knows of is not visible (from a purge). */
export interface HiddenClient extends HiddenReason {
  clientId: string;
}

export interface Session {
  serverUrl: string;
  token: string;
  expiresAt: string;
  user: Person;
  /** The address she signed in with: an ended session asks her, and only her, to sign in again. */
  email?: string;
  clientGroupId: string;
}

export interface SyncStatus {
  online: boolean;
  lastSyncAt: string | null;
  /** Why the last sync failed ("network.unreachable", "session.expired", …), or null. */
  lastError: Refusal | null;
}

export interface Meta {
  session: Session;
  /** This device's name at the server, under which the server keeps its half of the data key. */
  deviceId: string;
  /** The salt of the data key's derivation (base64); not secret. */
  keySalt: string;
  cursor: string;
  syncStatus: SyncStatus;
  language: "nl" | "en";
}
type MetaRow = { [K in keyof Meta]: { key: K; value: Meta[K] } }[keyof Meta];

/**
 * The device's copy: synced records, the outbox, and a little state. Everything here belongs to
 * the signed-in user; signing out clears every table (session/session.ts).
 */
export class NaastDatabase extends Dexie {
  records!: Dexie.Table<StoredRecord, [string, string]>;
  outbox!: EntityTable<OutboxEntry, "seq">;
  rejections!: EntityTable<Rejection, "id">;
  hiddenClients!: EntityTable<HiddenClient, "clientId">;
  meta!: Dexie.Table<MetaRow, string>;
  /** Per client what the overview reads (overview/summaries.ts), kept with `records` in the same transactions. */
  clientSummaries!: EntityTable<SummaryRow, "clientId">;

  /** `keys`: seal record content and outbox changes with the data key (the extension's own database). */
  constructor(
    name = "naast",
    readonly keys: Keyring | null = null,
  ) {
    super(name);
    if (keys) this.use(sealingMiddleware(keys));
    this.version(1).stores({
      records: "[collection+id], collection, clientId, [collection+clientId], visibility",
      outbox: "++seq, &id",
      rejections: "id, at",
      hiddenClients: "clientId",
      meta: "key",
    });
    // The overview's summaries; a device that had records gets them at its next pull (summariseMissing).
    this.version(2).stores({ clientSummaries: "clientId, [clientId+rev]" });
  }

  async getMeta<K extends keyof Meta>(key: K): Promise<Meta[K] | undefined> {
    const row = await this.meta.get(key);
    return row?.value as Meta[K] | undefined;
  }

  async setMeta<K extends keyof Meta>(key: K, value: Meta[K]): Promise<void> {
    await this.meta.put({ key, value } as MetaRow);
  }
}

/** The session storage area of the browser, when there is one (not in unit tests). */
function sessionArea(): SessionArea | null {
  const api = globalThis as { browser?: { storage?: { session?: SessionArea } }; chrome?: { storage?: { session?: SessionArea } } };
  return api.browser?.storage?.session ?? api.chrome?.storage?.session ?? null;
}

const area = sessionArea();
export const db = new NaastDatabase("naast", area ? new Keyring(area) : null);
