/**
 * A sliding-window counter of sign-in attempts per key (an account, an address). Kept in memory:
 * losing it on restart only resets the window.
 */
export class AttemptLimiter {
  readonly #attempts = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records an attempt; answers whether it is within the limit. */
  tryAttempt(key: string, now = Date.now()): boolean {
    const recent = (this.#attempts.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (recent.length >= this.limit) {
      this.#attempts.set(key, recent);
      return false;
    }
    recent.push(now);
    this.#attempts.set(key, recent);
    return true;
  }

  reset(key: string): void {
    this.#attempts.delete(key);
  }
}
