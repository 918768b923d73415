import { liveQuery } from "dexie";
import { useEffect, useState } from "preact/hooks";

/**
 * Re-renders whenever the Dexie data a query read changes, in this page or another part of the
 * extension (the background writing a pull). `undefined` while the first answer is loading.
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    setValue(undefined);
    const subscription = liveQuery(query).subscribe({ next: setValue, error: (error: unknown) => console.error("[naast] live query", error) });
    return () => subscription.unsubscribe();
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what the query depends on
  }, deps);
  return value;
}
