import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { checkpointConfig, writeCheckpoint } from "./audit/checkpoint.ts";
import { sealStoredSecrets } from "./auth/secret-box.ts";
import { openDatabase } from "./db/connect.ts";
import type { Env } from "./env.ts";
import { scheduleRetention } from "./retention/daily.ts";
import { createServices, type Services } from "./services.ts";

export interface RunningServer {
  url: string;
  services: Services;
  close(): Promise<void>;
}

/** Opens (and migrates) the database and serves the app; used by `pnpm start` and by the tests. */
export async function startServer(env: Env): Promise<RunningServer> {
  const database = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN, { synchronous: env.DATABASE_SYNCHRONOUS });
  let services: Services;
  try {
    services = createServices(env, database);
    // Secrets an older server stored in the clear are sealed now; a wrong key stops the start here.
    await sealStoredSecrets(database, services.secretBox);
  } catch (error) {
    database.close();
    throw error;
  }
  await services.changeFeed.start();
  const app = createApp(services);
  // Made (or read) now, so that no pull is the one to write it.
  await services.serverKeys.get("cursor");
  // The audit chain's head, signed outside the database: now, every so often, and at the stop.
  const checkpoint = checkpointConfig(env);
  if (checkpoint) await writeCheckpoint(database.db, checkpoint, false);
  const timer = checkpoint
    ? setInterval(
        () => void writeCheckpoint(database.db, checkpoint, false).catch((e) => console.error("audit checkpoint:", e)),
        env.AUDIT_CHECKPOINT_SECONDS * 1000,
      )
    : null;
  timer?.unref();
  const stopRetention = scheduleRetention(services);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: env.HOST, port: env.PORT }, () => resolve(s));
  });
  // Keep idle connections longer than a load balancer (or a client) does (60 s is common), so the
  // server never closes one just as a request is sent on it: that request would fail (ECONNRESET).
  if ("keepAliveTimeout" in server) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${env.HOST}:${port}`,
    services,
    async close() {
      services.changeFeed.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ("closeAllConnections" in server) server.closeAllConnections();
      });
      if (timer) clearInterval(timer);
      await stopRetention();
      await services.changeFeed.settled();
      if (checkpoint) await database.write((tx) => writeCheckpoint(tx, checkpoint, true));
      database.close();
    },
  };
}
