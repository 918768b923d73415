import { and, eq, gt, inArray, lte } from "drizzle-orm";
import type { Db } from "../db/connect.ts";
import { changeSeqRow, clientOrganisations, records, syncState } from "../db/schema.ts";
import type { LiveHub } from "./live.ts";

/** More changed records than this in one look: poke everyone rather than read them all. */
const largestLook = 5_000;

/**
 * Follows the change head in the database and pokes the live listeners of this instance whose
 * organisation might see what changed, whichever instance (or the CLI) wrote it. A poll of one
 * row every `intervalMs` is the whole cost when nothing changes; the instance that took a write
 * calls `check` at once, so its own devices do not wait for the next tick.
 */
export class ChangeFeed {
  #seen = 0;
  #looking: Promise<void> | null = null;
  #again = false;
  #timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly db: Db,
    private readonly live: LiveHub,
  ) {}

  /** Starts following from the current head. */
  async start(intervalMs = 200): Promise<void> {
    this.#seen = await this.#head();
    this.#timer = setInterval(() => this.check(), intervalMs);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  /** Looks at the head now (a look already under way is followed by one more). */
  check(): void {
    if (this.#looking) {
      this.#again = true;
      return;
    }
    this.#looking = this.#look()
      .catch(() => undefined) // a failed look is retried at the next tick; the head stays where it was
      .finally(() => {
        this.#looking = null;
        if (this.#again) {
          this.#again = false;
          this.check();
        }
      });
  }

  /** Resolves once any look under way (and the one after it) is done; for tests and shutdown. */
  async settled(): Promise<void> {
    while (this.#looking) await this.#looking;
  }

  async #head(): Promise<number> {
    const [row] = await this.db.select({ seq: syncState.seq }).from(syncState).where(eq(syncState.id, changeSeqRow));
    return row?.seq ?? 0;
  }

  async #look(): Promise<void> {
    const head = await this.#head();
    const since = this.#seen;
    if (head <= since) return;
    this.#seen = head;
    if (this.live.size === 0) return;
    const changed = await this.db
      .selectDistinct({ clientId: records.clientId })
      .from(records)
      .where(and(gt(records.version, since), lte(records.version, head)))
      .limit(largestLook);
    // A directory change (no client) or a very large one: everyone hears it.
    if (changed.length >= largestLook || changed.some((r) => r.clientId === null)) return this.live.notify(null);
    const clientIds = changed.map((r) => r.clientId).filter((id): id is string => id !== null);
    const organisations = new Set<string>();
    for (let i = 0; i < clientIds.length; i += 500) {
      const rows = await this.db
        .select({ organisationId: clientOrganisations.organisationId })
        .from(clientOrganisations)
        .where(inArray(clientOrganisations.clientId, clientIds.slice(i, i + 500)));
      for (const row of rows) organisations.add(row.organisationId);
    }
    this.live.notify(organisations);
  }
}
