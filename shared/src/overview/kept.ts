import { nextAccessChange } from "../consent/can-access.ts";
import type { ClientOverview } from "./summary.ts";

/**
 * Values derived from a client's overview, kept per overview object (an unchanged client keeps
 * hers from one read to the next, see extension overview/load.ts) while `key` is the same (the
 * user, the calendar day) and the clock has not passed the next instant at which her access could
 * change (nextAccessChange): opening a list again derives only the clients whose records changed.
 */
export class KeptPerOverview<T> {
  readonly #kept = new WeakMap<ClientOverview, { key: string; from: number; until: number; value: T }>();

  get(overview: ClientOverview, now: string, key: string, derive: () => T): T {
    const t = Date.parse(now);
    const held = this.#kept.get(overview);
    if (held && held.key === key && t >= held.from && t < held.until) return held.value;
    const value = derive();
    this.#kept.set(overview, { key, from: t, until: nextAccessChange(overview.client, overview.consentEvents, now), value });
    return value;
  }
}
