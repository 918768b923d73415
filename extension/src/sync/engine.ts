import { limits, protocolVersion, type Refusal } from "@naast/shared";
import { TRPCClientError } from "@trpc/client";
import { wipe } from "../session/session.ts";
import type { NaastDatabase, Session } from "../storage/db.ts";
import { createApi } from "./api.ts";
import { applyPull } from "./apply-pull.ts";
import { Backoff } from "./backoff.ts";
import { listenForChanges } from "./live.ts";
import { refusalOf } from "./refusal-of.ts";

const pullEveryMs = 30_000;

/**
 * The background's sync loop: push the outbox (oldest first), then pull. It runs when the panel
 * made a change, when the server signals one, when the network comes back, and on an interval;
 * never twice at once. Offline, the outbox simply waits.
 */
export class SyncEngine {
  #running: Promise<void> | null = null;
  #again = false;
  #stopLive: (() => void) | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  #retry: ReturnType<typeof setTimeout> | null = null;
  readonly #retryPause = new Backoff();

  /** `speaks`: the protocol version it sends; only a test of an outdated extension sets another. */
  constructor(
    private readonly db: NaastDatabase,
    private readonly speaks: number = protocolVersion,
  ) {}

  start(): void {
    this.#timer ??= setInterval(() => void this.syncNow(), pullEveryMs);
    void this.restartLive();
    void this.syncNow();
  }

  /** After sign-in or sign-out: follow the new session's live signal. */
  async restartLive(): Promise<void> {
    this.#stopLive?.();
    this.#stopLive = null;
    const session = await this.db.getMeta("session");
    if (session) this.#stopLive = listenForChanges(session, () => void this.syncNow());
  }

  syncNow(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = (async () => {
      do {
        this.#again = false;
        await this.#syncOnce();
      } while (this.#again);
    })().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #syncOnce(): Promise<void> {
    const session = await this.db.getMeta("session");
    if (!session) return;
    // Locked: the outbox and the records are sealed; everything waits for the unlock.
    if (this.db.keys && !this.db.keys.current()) return;
    const api = createApi(session.serverUrl, session.token);
    try {
      const mustReset = await this.#push(api, session);
      if (mustReset) await this.db.meta.delete("cursor");
      await this.#pull(api, session);
      await this.db.setMeta("syncStatus", { online: true, lastSyncAt: new Date().toISOString(), lastError: null });
      this.#retryPause.reset();
    } catch (error) {
      if (isDeactivated(error)) {
        // Her account was ended: nothing of it may stay on this device (the outbox included;
        // the server would refuse it anyway).
        await wipe(this.db);
        await this.db.keys?.lock();
        await this.restartLive();
        return;
      }
      const previous = await this.db.getMeta("syncStatus");
      await this.db.setMeta("syncStatus", {
        online: !isNetworkError(error),
        lastSyncAt: previous?.lastSyncAt ?? null,
        lastError: refusalOf(error, session.serverUrl),
      });
      if (isNetworkError(error)) this.#retrySoon();
    }
  }

  /**
   * On a poor connection, try again after 1, 2, 4 … 30 seconds rather than wait for the next
   * interval: the network's "online" event may reach the worker before requests get through.
   */
  #retrySoon(): void {
    if (this.#retry) return;
    this.#retry = setTimeout(() => {
      this.#retry = null;
      void this.syncNow();
    }, this.#retryPause.next());
  }

  /** Answers whether the device must drop its optimistic guesses and fetch the whole state again. */
  async #push(api: ReturnType<typeof createApi>, session: Session): Promise<boolean> {
    let rejected = false;
    for (;;) {
      const batch = await this.db.outbox.orderBy("seq").limit(limits.mutationsPerPush).toArray();
      if (batch.length === 0) return rejected;
      let results: Awaited<ReturnType<typeof api.sync.push.mutate>>["results"];
      try {
        ({ results } = await api.sync.push.mutate({
          protocolVersion: this.speaks,
          clientGroupId: session.clientGroupId,
          mutations: batch.map(({ id, name, args }) => ({ id, name, args })),
        }));
      } catch (error) {
        // A change the server cannot read at all (say, from an older version of the extension)
        // would block every change behind it: set it aside, visibly, and go on.
        // The server names it in the error's data, by position (and id when it could read one).
        const named = error instanceof TRPCClientError && error.data?.code === "BAD_REQUEST" ? error.data.mutation : undefined;
        const entry = named ? batch[named.index] : undefined;
        if (!entry) throw error;
        await this.db.transaction("rw", this.db.outbox, this.db.rejections, async () => {
          await this.db.outbox.where("id").equals(entry.id).delete();
          const refused = refusalOf(error, session.serverUrl);
          const refusal: Refusal =
            refused.code === "sync.unreadable-change"
              ? refused
              : { code: "sync.unreadable-change", params: { index: named?.index ?? 0, mutation: entry.name } };
          await this.db.rejections.put({ id: entry.id, name: entry.name, refusal, at: new Date().toISOString() });
        });
        rejected = true;
        continue;
      }
      await this.db.transaction("rw", this.db.outbox, this.db.rejections, async () => {
        for (const result of results) {
          await this.db.outbox.where("id").equals(result.id).delete();
          if (result.status === "rejected") {
            rejected = true;
            const entry = batch.find((b) => b.id === result.id);
            await this.db.rejections.put({ id: result.id, name: entry?.name ?? "", refusal: result.refusal, at: new Date().toISOString() });
          }
        }
      });
    }
  }

  async #pull(api: ReturnType<typeof createApi>, session: Session): Promise<void> {
    const cursor = (await this.db.getMeta("cursor")) ?? null;
    try {
      await applyPull(this.db, await api.sync.pull.query({ protocolVersion: this.speaks, clientGroupId: session.clientGroupId, cursor }));
    } catch (error) {
      // A cursor the server no longer knows (say, a restored server): start over from nothing.
      if (cursor && error instanceof TRPCClientError && error.data?.code === "BAD_REQUEST") {
        await applyPull(this.db, await api.sync.pull.query({ protocolVersion: this.speaks, clientGroupId: session.clientGroupId, cursor: null }));
      } else throw error;
    }
  }
}

function isNetworkError(error: unknown): boolean {
  return error instanceof TRPCClientError ? error.data === undefined || error.data === null : error instanceof TypeError;
}

/** The server's word that the account is no longer active (a code, never the message). */
export function isDeactivated(error: unknown): boolean {
  return error instanceof TRPCClientError && error.data?.code === "UNAUTHORIZED" && error.data?.session === "inactive";
}
