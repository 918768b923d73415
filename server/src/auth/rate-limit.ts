/** One counted attempt; `refund` takes it back (a sign-in that succeeded). */
export interface Attempt {
  refund(): void;
}

/**
 * A sliding-window counter of sign-in attempts per key (an account, an address). Kept in memory:
 * losing it on restart only resets the window. Its size is bounded whatever callers invent:
 * expired windows are pruned as time passes, and past `maxKeys` the key whose last attempt is
 * oldest goes first (a Map iterates in insertion order, and a key is re-inserted on each attempt).
 */
export class AttemptLimiter {
  readonly #attempts = new Map<string, number[]>();
  #lastPrune = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts an attempt if it is within the limit; null when the key has used up its window. */
  tryAttempt(key: string, now = Date.now()): Attempt | null {
    this.#prune(now);
    const recent = (this.#attempts.get(key) ?? []).filter((t) => now - t < this.windowMs);
    this.#attempts.delete(key);
    if (recent.length >= this.limit) {
      this.#attempts.set(key, recent);
      return null;
    }
    recent.push(now);
    this.#attempts.set(key, recent);
    this.#evictOverflow();
    return {
      refund: () => {
        const list = this.#attempts.get(key);
        const at = list?.indexOf(now) ?? -1;
        if (!list || at < 0) return;
        list.splice(at, 1);
        if (list.length === 0) this.#attempts.delete(key);
      },
    };
  }

  /** Whether the key has used up its window, without counting an attempt. */
  isBlocked(key: string, now = Date.now()): boolean {
    const recent = (this.#attempts.get(key) ?? []).filter((t) => now - t < this.windowMs);
    return recent.length >= this.limit;
  }

  reset(key: string): void {
    this.#attempts.delete(key);
  }

  /** How many keys it holds (for tests and monitoring). */
  get size(): number {
    return this.#attempts.size;
  }

  /** Drops keys whose every attempt has left the window; at most once per tenth of a window. */
  #prune(now: number): void {
    if (now - this.#lastPrune < this.windowMs / 10) return;
    this.#lastPrune = now;
    for (const [key, times] of this.#attempts) {
      if (times.every((t) => now - t >= this.windowMs)) this.#attempts.delete(key);
    }
  }

  #evictOverflow(): void {
    for (const key of this.#attempts.keys()) {
      if (this.#attempts.size <= this.maxKeys) return;
      this.#attempts.delete(key);
    }
  }
}
