import { liveQuery } from "dexie";
import { useLayoutEffect, useRef, useState } from "preact/hooks";

/**
 * Re-renders whenever the Dexie data a query read changes, in this page or another part of the
 * extension (the background writing a pull). `undefined` while the first answer is loading.
 *
 * `share(previous, next)` may hand back `previous` (or parts of it) where the new answer is the
 * same: a query runs again on any write that touches what it read (every record of a pull of 50
 * or more), and an answer equal to the last one then renders nothing.
 *
 * The query starts as the component commits (a layout effect), not after the next paint as a
 * plain effect would: a view that waits on a read (the next client's) does not wait a frame
 * before it even asks.
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[], share?: (previous: T, next: T) => T): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  const last = useRef<T | undefined>(undefined);
  useLayoutEffect(() => {
    setValue(undefined);
    last.current = undefined;
    const subscription = liveQuery(query).subscribe({
      next: (next) => {
        const shared = share && last.current !== undefined && next !== undefined ? share(last.current, next) : next;
        if (shared === last.current) return;
        last.current = shared;
        setValue(() => shared);
      },
      error: (error: unknown) => console.error("[naast] live query", error),
    });
    return () => subscription.unsubscribe();
    // The caller lists what the query depends on.
  }, deps);
  return value;
}

/** `share` for answers that are plain data (JSON): the previous answer when equal. */
export function sameJson<T>(previous: T, next: T): T {
  return JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
}
