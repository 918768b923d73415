import type { Session } from "../storage/db.ts";
import { Backoff } from "./backoff.ts";

/**
 * Follows the server's "something changed" stream. A service worker has no EventSource, so the
 * stream is read with fetch (which can also send the token in a header). Reconnects with a
 * growing pause when the connection drops; returns a function that stops it.
 */
export function listenForChanges(session: Session, onChange: () => void): () => void {
  const controller = new AbortController();
  const pause = new Backoff();
  const connect = async () => {
    while (!controller.signal.aborted) {
      try {
        const response = await fetch(`${session.serverUrl}/events`, {
          headers: { authorization: `Bearer ${session.token}` },
          signal: controller.signal,
        });
        // Refused: one more sync finds out why (a deactivated account wipes the device).
        if (response.status === 401) return onChange();
        if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
        pause.reset();
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          const events = buffer.split("\n\n");
          buffer = events.pop() ?? "";
          if (events.some((e) => /^event: (changed|ready|ended)$/m.test(e))) onChange();
        }
      } catch {
        if (controller.signal.aborted) return;
      }
      // The stream dropped: one sync finds out whether the server still answers, so the panel
      // stops saying "Verbonden" when it does not (and catches up when it does).
      if (!controller.signal.aborted) onChange();
      await new Promise((r) => setTimeout(r, pause.next()));
    }
  };
  void connect();
  return () => controller.abort();
}
