import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import { lookUpSession } from "../auth/sessions.ts";
import type { Services } from "../services.ts";

/** setTimeout takes at most this many ms (about 24.8 days); a later expiry is re-armed on the way. */
const longestTimer = 2 ** 31 - 1;

/**
 * The live signal: a server-sent event "changed" whenever something this user's organisation
 * might see was written. The token travels in the Authorization header (a service worker's
 * fetch can send it; EventSource cannot, so the extension reads the stream with fetch).
 *
 * The stream lives only as long as its session, and nothing about that depends on one process:
 * the session is read from the database at every wake-up (a change, a heartbeat, a sign-out or
 * deactivation on this instance, the session's expiry), and a stream whose session ended says
 * "ended" with the reason and closes. A sign-out through another instance is found at the next
 * heartbeat (LIVE_HEARTBEAT_SECONDS); an expiry by a timer at the session's own expiry.
 */
export async function eventsRoute(services: Services, c: Context) {
  const authorization = c.req.header("authorization") ?? "";
  const token = authorization.startsWith("Bearer ") ? authorization.slice(7).trim() : "";
  const session = token ? await lookUpSession(services.db, token) : ({ status: "unknown" } as const);
  if (session.status !== "valid") return c.json({ error: "sign in first", session: session.status }, 401);
  const { person } = session;
  const heartbeatMs = services.env.LIVE_HEARTBEAT_SECONDS * 1000;

  return streamSSE(c, async (stream) => {
    let wake: (() => void) | null = null;
    let pending = false;
    const wakeUp = () => wake?.();
    const unsubscribe = services.live.subscribe({
      organisationId: person.organisationId,
      userId: person.id,
      poke() {
        pending = true;
        wakeUp();
      },
      recheck: wakeUp,
    });
    stream.onAbort(() => {
      unsubscribe();
      wakeUp();
    });
    await stream.writeSSE({ event: "ready", data: "" });
    let expiresAt = Date.parse(session.expiresAt);
    while (!stream.aborted && !stream.closed) {
      if (!pending) {
        // A comment line every heartbeat keeps proxies from closing an idle stream.
        const timers: NodeJS.Timeout[] = [];
        await new Promise<void>((resolve) => {
          wake = resolve;
          timers.push(setTimeout(resolve, heartbeatMs));
          // Just after the session's end, so the look-up below finds it expired.
          timers.push(setTimeout(resolve, Math.min(longestTimer, Math.max(0, expiresAt - Date.now() + 5))));
        });
        for (const timer of timers) clearTimeout(timer);
        wake = null;
      }
      if (stream.aborted) break;
      const now = await lookUpSession(services.db, token);
      if (now.status !== "valid") {
        await stream.writeSSE({ event: "ended", data: now.status });
        break;
      }
      expiresAt = Date.parse(now.expiresAt);
      if (pending) {
        pending = false;
        await stream.writeSSE({ event: "changed", data: "" });
      } else {
        await stream.write(": keep-alive\n\n");
      }
    }
    unsubscribe();
  });
}
