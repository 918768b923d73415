import type { RefObject } from "preact";
import { useEffect } from "preact/hooks";

/**
 * Back from a client to a list (Cliënten, Te doen), the keyboard focus returns to that client's
 * line (its first, in Te doen), so she goes on from where she was instead of from the top of the
 * panel; when the line has left the list (done, or another filter), to the list's heading.
 * Runs once, when the list appears again.
 */
export function useReturnFocus(section: RefObject<HTMLElement | null>, clientId: string | null): void {
  useEffect(() => {
    const list = section.current;
    if (!clientId || !list) return;
    const line = [...list.querySelectorAll<HTMLElement>("[data-client-id]")].find((el) => el.dataset.clientId === clientId);
    (line?.querySelector<HTMLElement>("button") ?? list.querySelector<HTMLElement>("h2"))?.focus();
  }, []);
}
