import { getConnInfo } from "@hono/node-server/conninfo";
import { trpcServer } from "@hono/trpc-server";
import { limits } from "@naast/shared";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { bodyLimit } from "./http/body-limit.ts";
import { isAllowedOrigin, parseOrigins } from "./http/origins.ts";
import { appRouter } from "./router.ts";
import type { Services } from "./services.ts";
import { eventsRoute } from "./sync/events-route.ts";
import { requestContext } from "./trpc.ts";

export function createApp(services: Services) {
  const app = new Hono();

  // The extension calls from its own origin; it sends a bearer token, never cookies. Any other
  // origin gets no CORS headers, so a web page cannot read an answer.
  const origins = parseOrigins(services.env.ALLOWED_ORIGINS);
  app.use(
    "*",
    cors({ origin: (origin) => (isAllowedOrigin(origin, origins) ? origin : null), allowHeaders: ["authorization", "content-type"], credentials: false }),
  );

  app.get("/health", async (c) => {
    await services.database.client.execute("select 1");
    return c.json({ status: "ok" });
  });

  app.get("/events", (c) => eventsRoute(services, c));

  app.use("/trpc/*", bodyLimit(limits.requestBodyBytes));
  app.use(
    "/trpc/*",
    trpcServer({
      router: appRouter,
      endpoint: "/trpc",
      // One request is one call: a batch would carry many pulls, or many pushes past the per-push limit.
      allowBatching: false,
      onError: ({ error, path }) => {
        if (error.code === "INTERNAL_SERVER_ERROR") console.error(`${path}:`, error.cause ?? error);
      },
      createContext: (_opts, c) =>
        requestContext(services, c.req.raw.headers, getConnInfo(c).remote.address ?? "unknown", isAllowedOrigin(c.req.header("origin"), origins)),
    }),
  );
  return app;
}
