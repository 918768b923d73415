import type { KeySource } from "./seal.ts";

/** The storage area that forgets when the browser closes (chrome.storage.session): shared by panel and background, never on disk. */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const keyItem = "naast-data-key";
const activeItem = "naast-last-active";

/**
 * The device's data key while unlocked. It lives only in memory: this context's copy, and
 * `storage.session` so the background and the panel share it; locking removes both, and closing
 * the browser empties `storage.session`, so a restarted browser starts locked (docs/decisions/0017-device-key-and-sealed-records.md).
 */
export class Keyring implements KeySource {
  #key: Uint8Array | null = null;
  #loaded: Promise<void> | null = null;
  readonly #listeners = new Set<() => void>();

  constructor(private readonly area: SessionArea | null) {}

  current(): Uint8Array | null {
    return this.#key;
  }

  /** Reads the shared key once; later changes arrive through `storageChanged`. */
  load(): Promise<void> {
    this.#loaded ??= (async () => {
      const stored = (await this.area?.get(keyItem))?.[keyItem];
      if (typeof stored === "string") this.#key = fromBase64(stored);
    })();
    return this.#loaded;
  }

  async unlock(key: Uint8Array): Promise<void> {
    this.#key = key;
    await this.area?.set({ [keyItem]: toBase64(key), [activeItem]: Date.now() });
    this.#changed();
  }

  async lock(): Promise<void> {
    this.#key = null;
    await this.area?.remove(keyItem);
    this.#changed();
  }

  /** Called with storage.onChanged's changes for the session area: another context locked or unlocked. */
  storageChanged(changes: Record<string, { newValue?: unknown }>): void {
    const change = changes[keyItem];
    if (!change) return;
    this.#key = typeof change.newValue === "string" ? fromBase64(change.newValue) : null;
    this.#changed();
  }

  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The panel reports use (throttled by the caller); the idle check compares against it. */
  async touch(now = Date.now()): Promise<void> {
    await this.area?.set({ [activeItem]: now });
  }

  /** Locks when nobody used the panel for `idleMs`: checked by the panel's timer and at each background sync. */
  async lockIfIdle(idleMs: number, now = Date.now()): Promise<boolean> {
    if (!this.#key) return false;
    const last = (await this.area?.get(activeItem))?.[activeItem];
    if (typeof last === "number" && now - last < idleMs) return false;
    await this.lock();
    return true;
  }

  #changed() {
    for (const listener of this.#listeners) listener();
  }
}

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** Idle time before the panel locks: 15 minutes unless `idleLockMinutes` is set in storage.local. */
export const defaultIdleLockMinutes = 15;
