/**
 * The "something changed" signal. It carries no data: a poked device pulls, and the pull decides
 * what it may see. A listener is told about a client when its organisation might see her, and
 * about every directory change.
 */
export interface LiveListener {
  organisationId: string;
  userId: string;
  poke(): void;
  /** Re-read the session in the database now (one of hers may have ended on this instance). */
  recheck(): void;
}

export class LiveHub {
  readonly #listeners = new Set<LiveListener>();

  subscribe(listener: LiveListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** `organisations` null: everyone. */
  notify(organisations: ReadonlySet<string> | null): void {
    for (const listener of this.#listeners) {
      if (!organisations || organisations.has(listener.organisationId)) listener.poke();
    }
  }

  /**
   * A session of this user ended here (she signed out): her streams check theirs at once. Streams
   * on other instances find out at their next heartbeat, which re-reads the session too.
   */
  recheckUser(userId: string): void {
    for (const listener of this.#listeners) if (listener.userId === userId) listener.recheck();
  }

  get size(): number {
    return this.#listeners.size;
  }
}
