/**
 * The server's notion of "now" for everything that decides access: applying a mutation and
 * computing what a pull may deliver. One place, so a test can move it forward (a consent that
 * runs out, the read-only period after a handover) without waiting days. Sessions and rate
 * limits keep the wall clock.
 */
export class Clock {
  #offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.#offsetMs);
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  /** Runs the clock ahead by `ms` from now on. For tests; never moves it back. */
  advance(ms: number): void {
    if (!(ms >= 0)) throw new Error("the clock only moves forward");
    this.#offsetMs += ms;
  }
}
