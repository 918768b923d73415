import type { RefObject } from "preact";
import { useEffect, useRef } from "preact/hooks";

/**
 * Moves the focus to a new step's heading when it appears (or when `key` changes), so keyboard
 * and screen-reader users land on what just changed and hear its name. The heading needs
 * `tabIndex={-1}`.
 */
export function useFocusOnShow<T extends HTMLElement>(key: unknown = null): RefObject<T | null> {
  const ref = useRef<T>(null);
  // Focus again only when the step (key) changes, not on every render.
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, [key]);
  return ref;
}
