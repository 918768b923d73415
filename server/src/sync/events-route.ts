import type { Context } from "hono";
import { streamSSE } from "hono/streaming";
import { lookUpSession } from "../auth/sessions.ts";
import type { Services } from "../services.ts";

/**
 * The live signal: a server-sent event "changed" whenever something this user's organisation
 * might see was written. The token travels in the Authorization header (a service worker's
 * fetch can send it; EventSource cannot, so the extension reads the stream with fetch).
 */
export async function eventsRoute(services: Services, c: Context) {
  const authorization = c.req.header("authorization") ?? "";
  const token = authorization.startsWith("Bearer ") ? authorization.slice(7).trim() : "";
  const session = token ? await lookUpSession(services.db, token) : ({ status: "unknown" } as const);
  if (session.status !== "valid") return c.json({ error: "sign in first", session: session.status }, 401);
  const { person } = session;

  return streamSSE(c, async (stream) => {
    let wake: (() => void) | null = null;
    let pending = false;
    const unsubscribe = services.live.subscribe({
      organisationId: person.organisationId,
      poke() {
        pending = true;
        wake?.();
      },
    });
    stream.onAbort(() => {
      unsubscribe();
      wake?.();
    });
    await stream.writeSSE({ event: "ready", data: "" });
    while (!stream.aborted && !stream.closed) {
      if (!pending) {
        // A comment line every 25 s keeps proxies from closing an idle stream.
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, 25_000);
        });
        wake = null;
      }
      if (stream.aborted) break;
      // A session that ended (signed out, deactivated) ends its stream at the next wake-up; a
      // deactivation pokes every stream, so hers ends at once.
      const now = await lookUpSession(services.db, token);
      if (now.status !== "valid") {
        await stream.writeSSE({ event: "ended", data: now.status });
        break;
      }
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
