/**
 * The "something changed" signal. It carries no data: a poked device pulls, and the pull decides
 * what it may see. A listener is told about a client when its organisation might see her, and
 * about every directory change.
 */
export interface LiveListener {
  organisationId: string;
  poke(): void;
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

  get size(): number {
    return this.#listeners.size;
  }
}
