const firstMs = 1_000;
const mostMs = 30_000;

/** A pause that doubles after each failure, from one second up to half a minute; reset on success. */
export class Backoff {
  #ms = firstMs;

  /** The pause to wait now; the next one is twice as long. */
  next(): number {
    const ms = this.#ms;
    this.#ms = Math.min(ms * 2, mostMs);
    return ms;
  }

  reset(): void {
    this.#ms = firstMs;
  }
}
